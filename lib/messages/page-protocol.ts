import '@/lib/dataset/no-eval';
import * as z from 'zod/mini';
import { CardId, MAX_CARD_IDS } from '@/lib/cards/ids';
import { UI_LANGS } from '@/lib/cards/strings';
import { MAX_BLOCK_CHARS, MAX_BLOCKS, MAX_CHECK_CHARS, MAX_CHECK_TITLE } from '@/lib/page/limits';
import { BlockVerdict, BlockWindow } from './verdict';

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

export const CheckPageResponse = z.strictObject({
  ok: z.literal(true),
  /** Stage 2 was injected: a block is relevant (or no detector was there to tell). */
  loaded: z.boolean(),
});

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

export const DetectBlocksResponse = z.strictObject({
  ok: z.literal(true),
  /**
   * For each window, one verdict per core block (null: nothing to paint there); null
   * when the background has no detector yet (a dataset is being published).
   */
  verdicts: z.nullable(z.array(z.array(z.nullable(BlockVerdict))).check(z.maxLength(MAX_BLOCKS))),
});

/** The most annotations one `get-card-titles` request names (more go in further requests). */
export const MAX_TITLE_ANNOTATIONS = 200;
/** The most card ids one annotation carries in a `get-card-titles` request. */
export const MAX_ANNOTATION_CARDS = MAX_CARD_IDS;

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

export const PageRequest = z.discriminatedUnion('type', [
  ReportAnnotationsRequest,
  EnsureDetectorRequest,
  LoadStage2Request,
  CheckPageRequest,
  DetectBlocksRequest,
  GetCardTitlesRequest,
  LoadStage3Request,
]);
export type PageRequest = z.infer<typeof PageRequest>;

export const AckResponse = z.strictObject({ ok: z.literal(true) });
export const EnsureDetectorResponse = z.strictObject({
  ok: z.literal(true),
  /** A detector is published in extension storage. */
  ready: z.boolean(),
});
export const ErrorResponse = z.strictObject({
  ok: z.literal(false),
  error: z.string().check(z.maxLength(500)),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const GetCardTitlesResponse = z.strictObject({
  ok: z.literal(true),
  /** One per annotation asked for: its card's title, or null when none of its cards exist. */
  titles: z.array(z.nullable(z.string().check(z.maxLength(400)))),
});

export const PageResponseFor = {
  'report-annotations': AckResponse,
  'ensure-detector': EnsureDetectorResponse,
  'load-stage-2': AckResponse,
  'check-page': CheckPageResponse,
  'detect-blocks': DetectBlocksResponse,
  'get-card-titles': GetCardTitlesResponse,
  'load-stage-3': AckResponse,
} as const satisfies Record<PageRequest['type'], z.ZodMiniType>;

export type PageResponseOf<T extends PageRequest['type']> = z.infer<(typeof PageResponseFor)[T]>;

/**
 * From the background to stage 2 of a tab: the reader pressed the "next annotation"
 * keyboard command (`commands` in the manifest). The only message a page script receives.
 */
export const PageCommand = z.strictObject({
  type: z.literal('page-command'),
  command: z.enum(['next-annotation', 'previous-annotation']),
});
export type PageCommand = z.infer<typeof PageCommand>;

/** From the popup to stage 2 of its tab: list this page's annotations, or open one. */
export const PopupRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('popup-list') }),
  z.strictObject({ type: z.literal('popup-open'), key: z.string().check(z.maxLength(2000)) }),
]);
export type PopupRequest = z.infer<typeof PopupRequest>;

export const PopupAnnotation = z.strictObject({
  key: z.string().check(z.maxLength(2000)),
  quote: z.string().check(z.maxLength(2000)),
  category: z.enum(['claim', 'figure', 'topic']),
  /** The card's title (the marker's name without "Context: "). */
  title: z.string().check(z.maxLength(400)),
});
export type PopupAnnotation = z.infer<typeof PopupAnnotation>;

export const PopupListResponse = z.strictObject({
  ok: z.literal(true),
  items: z.array(PopupAnnotation).check(z.maxLength(5000)),
});
export type PopupListResponse = z.infer<typeof PopupListResponse>;

/** A runtime message stage 2 acts on: a keyboard command or a popup request. */
export type Stage2Message =
  { kind: 'command'; command: PageCommand } | { kind: 'popup'; request: PopupRequest };

/**
 * Reads a runtime message for stage 2. Only this extension's own contexts (the background,
 * the popup) are heard: a message from anyone else (another extension's id, or none) or
 * of any other shape is null, and stage 2 does not answer it.
 */
export function readStage2Message(
  ownId: string,
  message: unknown,
  sender: { id?: string | undefined },
): Stage2Message | null {
  if (!ownId || sender.id !== ownId) return null;
  const command = PageCommand.safeParse(message);
  if (command.success) return { kind: 'command', command: command.data };
  const popup = PopupRequest.safeParse(message);
  if (popup.success) return { kind: 'popup', request: popup.data };
  return null;
}
