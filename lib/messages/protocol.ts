import '@/lib/dataset/no-eval';
import { z } from 'zod';
// Only the Dexie-free card schemas, so a page-side card view can validate its answers.
import { CardId, MAX_CARD_IDS } from '@/lib/cards/schema';
import { Count, DatasetInfo, GetCardsResponse, StatusResponse } from './card-answers';
import {
  DatasetDiff,
  ExploreHit,
  ExploreQuery,
  MAX_EXPLORE_HITS,
  MAX_IMPORT_BYTES,
} from '@/lib/messages/explore-schema';
import { Dataset, Series, Source } from '@/lib/dataset/schema';
import {
  AckResponse,
  CheckPageResponse,
  DetectBlocksResponse,
  ErrorResponse,
  GetCardTitlesResponse,
} from './page-answers';
import {
  CheckPageRequest,
  DetectBlocksRequest,
  DismissAnnotationRequest,
  EnsureDetectorRequest,
  EnsureDetectorResponse,
  GetCardTitlesRequest,
  LoadStage2Request,
  LoadStage3Request,
  ReportAnnotationsRequest,
} from './page-protocol';

export {
  DatasetInfo,
  GetCardsResponse,
  StatusResponse,
  CheckPageRequest,
  CheckPageResponse,
  DetectBlocksRequest,
  DetectBlocksResponse,
  GetCardTitlesRequest,
  GetCardTitlesResponse,
  LoadStage2Request,
  LoadStage3Request,
  DismissAnnotationRequest,
  AckResponse,
  EnsureDetectorRequest,
  EnsureDetectorResponse,
  ErrorResponse,
  ReportAnnotationsRequest,
};

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

// ---- the options page: data explorer, export, import ----------------------------------

/** The explorer's search over claims, figures, findings and sources. */
export const ExploreSearchRequest = z.strictObject({
  type: z.literal('explore-search'),
  query: ExploreQuery,
  limit: z.number().int().min(1).max(MAX_EXPLORE_HITS).optional(),
});
/** Every source (the sources table). */
export const ExploreSourcesRequest = z.strictObject({ type: z.literal('explore-sources') });
/** Every series with its number of figures (timelines come as `series:<id>` cards). */
export const ExploreSeriesRequest = z.strictObject({ type: z.literal('explore-series') });
/** The stored dataset as one object, for the exports. */
export const ExportDatasetRequest = z.strictObject({ type: z.literal('export-dataset') });

/** A dataset file's text (at most 5 MB; a UTF-8 byte is at least one UTF-16 unit). */
const DatasetFileText = z.string().max(MAX_IMPORT_BYTES);

/** Checks a dataset file and says what importing it would change. Writes nothing. */
export const PreviewImportRequest = z.strictObject({
  type: z.literal('preview-import'),
  text: DatasetFileText,
});
/**
 * Imports the previewed file. `expect` is the preview's token: the file's content and what
 * was stored when it was previewed; if the stored data has changed since, nothing is written.
 */
export const ImportToken = z.strictObject({
  base: z.string().max(200).nullable(),
  next: z.string().max(200),
});
export const ApplyImportRequest = z.strictObject({
  type: z.literal('apply-import'),
  text: DatasetFileText,
  expect: ImportToken,
});
/** Replaces the stored dataset with the bundled one. */
export const RestoreBundledRequest = z.strictObject({ type: z.literal('restore-bundled') });

export const Request = z.discriminatedUnion('type', [
  PingRequest,
  StatusRequest,
  ReportAnnotationsRequest,
  GetCardsRequest,
  EnsureDetectorRequest,
  LoadStage2Request,
  CheckPageRequest,
  DetectBlocksRequest,
  GetCardTitlesRequest,
  LoadStage3Request,
  DismissAnnotationRequest,
  ExploreSearchRequest,
  ExploreSourcesRequest,
  ExploreSeriesRequest,
  ExportDatasetRequest,
  PreviewImportRequest,
  ApplyImportRequest,
  RestoreBundledRequest,
]);
export type Request = z.infer<typeof Request>;

export const PingResponse = z.strictObject({ ok: z.literal(true), pong: z.literal(true) });
export const ExploreSearchResponse = z.strictObject({
  ok: z.literal(true),
  hits: z.array(ExploreHit).max(MAX_EXPLORE_HITS),
  total: Count,
});
export const ExploreSourcesResponse = z.strictObject({
  ok: z.literal(true),
  sources: z.array(Source),
});
export const ExploreSeriesResponse = z.strictObject({
  ok: z.literal(true),
  series: z.array(z.strictObject({ series: Series, figures: Count })),
});
const Origin = z.enum(['bundled', 'imported']);
export const ExportDatasetResponse = z.strictObject({
  ok: z.literal(true),
  dataset: Dataset,
  origin: Origin,
});

/** At most this many problems travel in one answer; `total` says how many there were. */
export const MAX_PROBLEMS = 300;
export const ProblemShape = z.strictObject({
  path: z.string().max(300),
  message: z.string().max(600),
});
const Problems = z.array(ProblemShape).max(MAX_PROBLEMS);

export const PreviewImportResponse = z.discriminatedUnion('valid', [
  z.strictObject({
    ok: z.literal(true),
    valid: z.literal(false),
    problems: Problems,
    total: Count,
  }),
  z.strictObject({
    ok: z.literal(true),
    valid: z.literal(true),
    version: z.string(),
    date: z.string(),
    /** What is stored now, if anything. */
    previous: z.strictObject({ version: z.string(), origin: Origin }).nullable(),
    diff: DatasetDiff,
    /** Things the file should fix that do not stop the import (e.g. no Ukrainian text). */
    warnings: Problems,
    token: ImportToken,
  }),
]);
export const ApplyImportResponse = z.discriminatedUnion('applied', [
  z.strictObject({
    ok: z.literal(true),
    applied: z.literal(true),
    version: z.string(),
    /** What the published detector did: compiled anew or already current. */
    detector: z.enum(['published', 'unchanged', 'no-dataset', 'failed']),
  }),
  z.strictObject({
    ok: z.literal(true),
    applied: z.literal(false),
    /** `invalid`: the file has problems; `stale`: the stored data changed since the preview. */
    reason: z.enum(['invalid', 'stale']),
    problems: Problems,
    total: Count,
  }),
]);
export const RestoreBundledResponse = z.strictObject({
  ok: z.literal(true),
  version: z.string(),
  detector: z.enum(['published', 'unchanged', 'no-dataset', 'failed']),
});

export const ResponseFor = {
  ping: PingResponse,
  status: StatusResponse,
  'report-annotations': AckResponse,
  'get-cards': GetCardsResponse,
  'ensure-detector': EnsureDetectorResponse,
  'load-stage-2': AckResponse,
  'check-page': CheckPageResponse,
  'detect-blocks': DetectBlocksResponse,
  'get-card-titles': GetCardTitlesResponse,
  'load-stage-3': AckResponse,
  'dismiss-annotation': AckResponse,
  'explore-search': ExploreSearchResponse,
  'explore-sources': ExploreSourcesResponse,
  'explore-series': ExploreSeriesResponse,
  'export-dataset': ExportDatasetResponse,
  'preview-import': PreviewImportResponse,
  'apply-import': ApplyImportResponse,
  'restore-bundled': RestoreBundledResponse,
} as const satisfies Record<Request['type'], z.core.$ZodType>;

export type ResponseOf<T extends Request['type']> = z.infer<(typeof ResponseFor)[T]>;
