/**
 * A module-level schema that a bundle builds only if it uses it. Zod's constructors are
 * marked free of side effects, but `.check(...)` is a method call, which a bundler must
 * keep: stage 2 built the full settings schema and the background's request windows at its
 * start without ever using them. A call of `builtIfUsed` is marked free of side effects,
 * so a bundle that never reads the schema drops the call and its builder whole.
 */
/* @__NO_SIDE_EFFECTS__ */
export function builtIfUsed<T>(build: () => T): T {
  return build();
}
