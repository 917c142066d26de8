/**
 * How a figure relates to its number ("about 400", "at least 19,546"). A plain list,
 * without Zod, so that the dataset schemas (classic Zod) and the engine's verdicts
 * (`zod/mini`, read by stage 2) build their enums from the one list.
 */
export const QUALIFIERS = [
  'exact',
  'about',
  'at-least',
  'more-than',
  'up-to',
  'fewer-than',
] as const;
