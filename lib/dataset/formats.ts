/*
 * Plain constants, without Zod, so that the dataset schemas (classic Zod) and the engine's
 * verdicts (`zod/mini`, read by stage 2) build their checks from the one definition.
 */

/** How a figure relates to its number ("about 400", "at least 19,546"). */
export const QUALIFIERS = [
  'exact',
  'about',
  'at-least',
  'more-than',
  'up-to',
  'fewer-than',
] as const;

/** A record id: a kebab-case slug. */
export const RECORD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A calendar date as precise as its source: `YYYY-MM-DD`, or `YYYY-MM`. */
export const PARTIAL_DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
