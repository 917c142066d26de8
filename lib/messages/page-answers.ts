import * as z from 'zod/mini';
import { builtIfUsed } from '@/lib/dataset/built-if-used';
import { MAX_CARD_IDS } from '@/lib/cards/ids';
import { MAX_BLOCKS } from '@/lib/page/limits';
import { BlockVerdict } from './verdict';

/*
 * What a page script reads: the background's answers to its requests, and the messages
 * sent to stage 2 (keyboard commands, the popup's requests). Apart from the requests'
 * schemas (`page-protocol.ts`), which only the background builds: it validates every
 * request it receives (`router.ts`), so stage 2 neither builds those schemas nor parses
 * its own requests again, and pays only for reading what comes back.
 */

export const AckResponse = z.strictObject({ ok: z.literal(true) });
export { ErrorResponse } from './error-response';

export const CheckPageResponse = z.strictObject({
  ok: z.literal(true),
  /** Stage 2 was injected: a block is relevant (or no detector was there to tell). */
  loaded: z.boolean(),
  /**
   * When stage 2 was injected by the engine's judgement: its verdict on each block sent
   * (null: nothing to paint there), which stage 2 paints instead of asking again.
   */
  verdicts: z.optional(z.array(z.nullable(BlockVerdict)).check(z.maxLength(MAX_BLOCKS))),
});

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

export const GetCardTitlesResponse = z.strictObject({
  ok: z.literal(true),
  /** One per annotation asked for: its card's title, or null when none of its cards exist. */
  titles: z.array(z.nullable(z.string().check(z.maxLength(400)))),
});

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
export const PopupRequest = builtIfUsed(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('popup-list') }),
    z.strictObject({ type: z.literal('popup-open'), key: z.string().check(z.maxLength(2000)) }),
  ]),
);
export type PopupRequest = z.infer<typeof PopupRequest>;

export const PopupAnnotation = builtIfUsed(() =>
  z.strictObject({
    key: z.string().check(z.maxLength(2000)),
    quote: z.string().check(z.maxLength(2000)),
    category: z.enum(['claim', 'figure', 'topic']),
    /** The card's title (the marker's name without "Context: "). */
    title: z.string().check(z.maxLength(400)),
  }),
);
export type PopupAnnotation = z.infer<typeof PopupAnnotation>;

export const PopupListResponse = builtIfUsed(() =>
  z.strictObject({
    ok: z.literal(true),
    items: z.array(PopupAnnotation).check(z.maxLength(5000)),
  }),
);
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
