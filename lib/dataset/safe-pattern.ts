/**
 * The safe pattern language for lexicon terms: one or more words separated by single
 * spaces; a word is letters, marks, digits, apostrophes or inner hyphens, and may end in
 * `*` (any word ending). Nothing else: an imported dataset can never inject a regular
 * expression. The detector compiles these into linear-time matchers.
 *
 * Kept apart from the Zod schemas so the content script can use it without bundling Zod.
 */
export const SAFE_PATTERN =
  /^[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*\*?(?: [\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*\*?)*$/u;
