import '@/lib/dataset/no-eval';
import { z } from 'zod';
import { Card } from '@/lib/cards/schema';

/*
 * The background's answers that stage 3 (the card records) reads: `status` and
 * `get-cards`. Apart from the rest of the protocol (`protocol.ts`, which re-exports them)
 * so that stage 3 bundles these schemas alone, not every request and answer of the options
 * page and the popup (the dataset export's whole dataset schema among them). The
 * background validates every request it receives (`router.ts`).
 */

const Timestamp = z.number().int().nonnegative();
/** A count or size in an answer (the protocol's other answers use it too). */
export const Count = z.number().int().nonnegative();

/** What is stored in the database (see `getDatasetStatus`). */
export const DatasetInfo = z.strictObject({
  origin: z.enum(['bundled', 'imported']).nullable(),
  date: z.string().nullable(),
  seededAt: Timestamp.nullable(),
  importedAt: Timestamp.nullable(),
  counts: z.strictObject({
    sources: Count,
    series: Count,
    figures: Count,
    claims: Count,
    findings: Count,
    lexicon: Count,
  }),
  /** The last seeding failure, if any. */
  error: z.string().max(500).nullable(),
});
export type DatasetInfo = z.infer<typeof DatasetInfo>;

export const StatusResponse = z.strictObject({
  ok: z.literal(true),
  version: z.string(),
  datasetVersion: z.string().nullable(),
  ready: z.boolean(),
  dataset: DatasetInfo.optional(),
});

export const GetCardsResponse = z.strictObject({
  ok: z.literal(true),
  /** Cards keyed by the id that was asked for. */
  cards: z.record(z.string(), Card),
  /** Ids that name no record in the stored dataset. */
  missing: z.array(z.string()),
});
