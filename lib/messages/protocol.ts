import { z } from 'zod';
// Only the Dexie-free card schemas, so a page-side card view can validate its answers.
import { Card, CardId, MAX_CARD_IDS } from '@/lib/db/cards';
import {
  AckResponse,
  EnsureDetectorRequest,
  EnsureDetectorResponse,
  ErrorResponse,
  LoadStage2Request,
  ReportAnnotationsRequest,
} from './page-protocol';

export {
  LoadStage2Request,
  AckResponse,
  EnsureDetectorRequest,
  EnsureDetectorResponse,
  ErrorResponse,
  ReportAnnotationsRequest,
};

// Extension pages and content scripts may not evaluate strings (MV3's CSP): without this,
// Zod's first parse tries `new Function` to test for it, which costs ~10 ms on a page and
// can log a CSP refusal.
z.config({ jitless: true });

/**
 * Every message that crosses a context boundary (content script, popup, options →
 * background) is one of these, validated on both sides. Unknown shapes are refused.
 */
export const PingRequest = z.strictObject({ type: z.literal('ping') });
export const StatusRequest = z.strictObject({ type: z.literal('status') });
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
  LoadStage2Request,
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
export const GetCardsResponse = z.strictObject({
  ok: z.literal(true),
  /** Cards keyed by the id that was asked for. */
  cards: z.record(z.string(), Card),
  /** Ids that name no record in the stored dataset. */
  missing: z.array(z.string()),
});
export const ResponseFor = {
  ping: PingResponse,
  status: StatusResponse,
  'report-annotations': AckResponse,
  'get-cards': GetCardsResponse,
  'ensure-detector': EnsureDetectorResponse,
  'load-stage-2': AckResponse,
} as const satisfies Record<Request['type'], z.core.$ZodType>;

export type ResponseOf<T extends Request['type']> = z.infer<(typeof ResponseFor)[T]>;
