import { z } from 'zod';
// Only the Dexie-free card schemas: this module is bundled into content scripts.
import { Card, CardId, MAX_CARD_IDS } from '@/lib/db/cards';

/**
 * Every message that crosses a context boundary (content script, popup, options →
 * background) is one of these, validated on both sides. Unknown shapes are refused.
 */
export const PingRequest = z.strictObject({ type: z.literal('ping') });
export const StatusRequest = z.strictObject({ type: z.literal('status') });
export const ReportAnnotationsRequest = z.strictObject({
  type: z.literal('report-annotations'),
  /** Number of annotations on the sender's page (badge text). */
  count: z.number().int().nonnegative().max(100_000),
  /** The page the count is for (it changes on single-page-app navigations). */
  url: z
    .string()
    .max(4096)
    .regex(/^https?:\/\//, 'must be an http(s) page URL'),
});
/** Asks the background to compile and publish the detector if it has not yet. */
export const EnsureDetectorRequest = z.strictObject({ type: z.literal('ensure-detector') });
export const GetCardsRequest = z.strictObject({
  type: z.literal('get-cards'),
  /**
   * Card ids from the detector (`claim:<id>`, `series:<id>`, `figure:<id>`,
   * `finding:<id>` or a bare record id); one batch per page, at most `MAX_CARD_IDS`.
   */
  ids: z.array(CardId).max(MAX_CARD_IDS),
});

export const Request = z.discriminatedUnion('type', [
  PingRequest,
  StatusRequest,
  ReportAnnotationsRequest,
  GetCardsRequest,
  EnsureDetectorRequest,
]);
export type Request = z.infer<typeof Request>;

const Timestamp = z.number().int().nonnegative();
const Count = z.number().int().nonnegative();

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

export const PingResponse = z.strictObject({ ok: z.literal(true), pong: z.literal(true) });
export const StatusResponse = z.strictObject({
  ok: z.literal(true),
  version: z.string(),
  datasetVersion: z.string().nullable(),
  ready: z.boolean(),
  dataset: DatasetInfo.optional(),
});
export const AckResponse = z.strictObject({ ok: z.literal(true) });
export const GetCardsResponse = z.strictObject({
  ok: z.literal(true),
  /** Cards keyed by the id that was asked for. */
  cards: z.record(z.string(), Card),
  /** Ids that name no record in the stored dataset. */
  missing: z.array(z.string()),
});
export const EnsureDetectorResponse = z.strictObject({
  ok: z.literal(true),
  /** A detector is published in extension storage. */
  ready: z.boolean(),
});
export const ErrorResponse = z.strictObject({ ok: z.literal(false), error: z.string().max(500) });

export const ResponseFor = {
  ping: PingResponse,
  status: StatusResponse,
  'report-annotations': AckResponse,
  'get-cards': GetCardsResponse,
  'ensure-detector': EnsureDetectorResponse,
} as const satisfies Record<Request['type'], z.ZodType>;

export type ResponseOf<T extends Request['type']> = z.infer<(typeof ResponseFor)[T]>;
export type ErrorResponse = z.infer<typeof ErrorResponse>;
