import { z } from 'zod';
import { LanguageCode, PartialDate } from '@/lib/dataset/primitives';

/**
 * The data explorer's and the import preview's message shapes, without Dexie: the options
 * page and the protocol import them.
 */

/** What the data explorer's one search box asks for. Every given field must match. */
export const ExploreQuery = z.strictObject({
  /** Words that must all occur (any order, case and accents ignored). */
  text: z.string().max(200).optional(),
  /** Part of a claim's actor, a figure's speaker, a finding's body or a source's publisher. */
  actor: z.string().max(160).optional(),
  /** Dates from / to (inclusive, partial dates compare on their common part). */
  from: PartialDate.optional(),
  to: PartialDate.optional(),
  /** The language of the record's own quote or statement, or of one of its sources. */
  lang: LanguageCode.optional(),
  /** Which collections; all when absent or empty. */
  kinds: z
    .array(z.enum(['claim', 'figure', 'finding', 'source']))
    .max(4)
    .optional(),
});
export type ExploreQuery = z.infer<typeof ExploreQuery>;

export const ExploreHit = z.strictObject({
  kind: z.enum(['claim', 'figure', 'finding', 'source']),
  id: z.string(),
  /** A one-line title in English. */
  title: z.string(),
  /** Who: actor, speaker, body or publisher. */
  actor: z.string().nullable(),
  date: z.string().nullable(),
  /** Languages of the record's texts and sources. */
  langs: z.array(z.string()),
});
export type ExploreHit = z.infer<typeof ExploreHit>;

export const MAX_EXPLORE_HITS = 200;

/**
 * The largest dataset file the options page imports (as `DEFAULT_MAX_BYTES` in
 * lib/dataset/validate, which the protocol does not import: it would bring the
 * cross-reference rules into the popup).
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const Ids = z.array(z.string().max(100)).max(5000);
export const CollectionDiff = z.strictObject({
  added: Ids,
  removed: Ids,
  changed: Ids,
  /** Records present in both and equal. */
  unchanged: z.number().int().nonnegative(),
});
export type CollectionDiff = z.infer<typeof CollectionDiff>;

export const DatasetDiff = z.strictObject({
  sources: CollectionDiff,
  series: CollectionDiff,
  figures: CollectionDiff,
  claims: CollectionDiff,
  findings: CollectionDiff,
  lexicon: CollectionDiff,
});
export type DatasetDiff = z.infer<typeof DatasetDiff>;
