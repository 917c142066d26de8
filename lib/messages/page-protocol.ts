import '@/lib/dataset/no-eval';
import * as z from 'zod/mini';
import { CardId } from '@/lib/cards/ids';
import { UI_LANGS } from '@/lib/cards/strings';
import { MAX_BLOCK_CHARS, MAX_BLOCKS, MAX_CHECK_CHARS, MAX_CHECK_TITLE } from '@/lib/page/limits';
import { MAX_DISMISSAL_KEY } from '@/lib/settings/schema';
import { BlockWindow } from './verdict';
// The answers are apart (`page-answers.ts`): stage 2 reads them without this file.
import {
  AckResponse,
  CheckPageResponse,
  DetectBlocksResponse,
  GetCardTitlesResponse,
  MAX_ANNOTATION_CARDS,
  MAX_TITLE_ANNOTATIONS,
} from './page-answers';

/**
 * The requests a content script sends on every page, and their answers. Written with
 * `zod/mini` so the content script validates its messages without bundling classic Zod
 * or the dataset schemas: it must cost almost nothing on pages off the topic.
 * `protocol.ts` composes these into the full protocol.
 */
export const ReportAnnotationsRequest = z.strictObject({
  type: z.literal('report-annotations'),
  /**
   * Number of annotations painted in the sender's frame. The badge shows the sum over the
   * frames of the tab's page (the top frame and its same-origin frames each report theirs).
   */
  count: z.number().check(z.int(), z.nonnegative(), z.maximum(100_000)),
  /** The tab's page (the top frame's URL) the count is for; it changes on single-page-app navigations. */
  url: z.string().check(z.maxLength(4096), z.regex(/^https?:\/\//, 'must be an http(s) page URL')),
  /**
   * Which document of the tab that page is (the top frame's `performance.timeOrigin`), so
   * that counts from an old page are never added to a new one's.
   */
  page: z.optional(z.string().check(z.maxLength(64))),
  /** The sender's document is going away (removed frame, navigation): its count is dropped. */
  leaving: z.optional(z.literal(true)),
  /** What the scan cost on the page's main thread, in milliseconds (bench and popup). */
  timing: z.optional(
    z.strictObject({
      prefilterMs: z.number().check(z.nonnegative(), z.maximum(600_000)),
      detectMs: z.number().check(z.nonnegative(), z.maximum(600_000)),
    }),
  ),
});

/** Asks the background to compile and publish the detector if it has not yet. */
export const EnsureDetectorRequest = z.strictObject({ type: z.literal('ensure-detector') });

/**
 * Stage 1 found topic words: the background injects stage 2 (engine, highlights, cards)
 * into the sender's frame, in the content script's isolated world.
 */
export const LoadStage2Request = z.strictObject({ type: z.literal('load-stage-2') });

/**
 * Stage 1's blocks passed the pre-filter: the background runs the engine on the article's
 * blocks (`lib/page/page-check.ts`) and injects stage 2 into the sender's frame only when
 * one of them is relevant.
 */
export const CheckPageRequest = z
  .strictObject({
    type: z.literal('check-page'),
    title: z.string().check(z.maxLength(MAX_CHECK_TITLE)),
    blocks: z.array(z.string().check(z.maxLength(MAX_BLOCK_CHARS))).check(z.maxLength(MAX_BLOCKS)),
  })
  .check(
    z.refine((request) => {
      let chars = 0;
      for (const text of request.blocks) chars += text.length;
      return chars <= MAX_CHECK_CHARS;
    }, 'too much text for one check'),
  );

/**
 * Stage 2 asks the background's engine to judge windows of the page's blocks (see
 * `lib/page/slices.ts`): each window's texts, with context on each side, and its core
 * `[from, to)`. The engine never runs on the page's main thread, and stage 2 does not
 * carry it. Bounded like a page check: a bigger page goes in several requests.
 */
export const DetectBlocksRequest = z
  .strictObject({
    type: z.literal('detect-blocks'),
    title: z.string().check(z.maxLength(MAX_CHECK_TITLE)),
    windows: z.array(BlockWindow).check(z.minLength(1), z.maxLength(MAX_BLOCKS)),
  })
  .check(
    z.refine((request) => {
      let blocks = 0;
      let chars = 0;
      for (const window of request.windows) {
        blocks += window.blocks.length;
        for (const text of window.blocks) chars += text.length;
      }
      return blocks <= MAX_BLOCKS && chars <= MAX_CHECK_CHARS;
    }, 'too much text for one request'),
  );

/**
 * Stage 2's markers are named after their cards ("Context: <title>"): the background
 * answers with each annotation's card title, worked out from the records, so stage 2
 * names its markers without loading the card records (those come with stage 3).
 */
export const GetCardTitlesRequest = z.strictObject({
  type: z.literal('get-card-titles'),
  /** Each annotation's card ids (`Annotation.cards`), in the order of the answer. */
  annotations: z
    .array(z.array(CardId).check(z.minLength(1), z.maxLength(MAX_ANNOTATION_CARDS)))
    .check(z.minLength(1), z.maxLength(MAX_TITLE_ANNOTATIONS)),
  lang: z.enum(UI_LANGS),
});

/**
 * A card is opened: the background injects stage 3 (the card records, their classic Zod
 * schemas and the card view model) into the sender's frame, in the same isolated world.
 */
export const LoadStage3Request = z.strictObject({ type: z.literal('load-stage-3') });

/**
 * The reader marked an annotation "Not relevant" on the sender's page: the background
 * keeps it with the other dismissals (`dismiss`, `lib/settings/items.ts`), so stage 2
 * carries no storage code of its own (it reads the dismissals raw, `page-store.ts`).
 */
export const DismissAnnotationRequest = z.strictObject({
  type: z.literal('dismiss-annotation'),
  key: z.string().check(z.minLength(1), z.maxLength(MAX_DISMISSAL_KEY)),
  /** The page the annotation was on (the sender frame's address). */
  url: z.string().check(z.maxLength(2048), z.regex(/^https?:\/\//, 'must be an http(s) page URL')),
});

export const PageRequest = z.discriminatedUnion('type', [
  ReportAnnotationsRequest,
  EnsureDetectorRequest,
  LoadStage2Request,
  CheckPageRequest,
  DetectBlocksRequest,
  GetCardTitlesRequest,
  LoadStage3Request,
  DismissAnnotationRequest,
]);
export type PageRequest = z.infer<typeof PageRequest>;

export const EnsureDetectorResponse = z.strictObject({
  ok: z.literal(true),
  /** A detector is published in extension storage. */
  ready: z.boolean(),
});
export const PageResponseFor = {
  'report-annotations': AckResponse,
  'ensure-detector': EnsureDetectorResponse,
  'load-stage-2': AckResponse,
  'check-page': CheckPageResponse,
  'detect-blocks': DetectBlocksResponse,
  'get-card-titles': GetCardTitlesResponse,
  'load-stage-3': AckResponse,
  'dismiss-annotation': AckResponse,
} as const satisfies Record<PageRequest['type'], z.ZodMiniType>;

export type PageResponseOf<T extends PageRequest['type']> = z.infer<(typeof PageResponseFor)[T]>;
