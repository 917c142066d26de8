/**
 * Stage 1's side of the page check. Once a page's blocks pass the pre-filter, the rest of
 * the article is walked (in slices, yielding to the page), and its blocks' texts go to the
 * background, which runs the engine on them there, off the page's main thread, and
 * injects stage 2 only when a block is relevant. On the real pages whose words pass but
 * whose passages are about something else (the German "Kind" read in English "kind",
 * children sent home from school), a page then pays for stage 1 alone.
 *
 * The background judges the same blocks, read by the same walk, with the same title, as
 * stage 2 would: its verdict is stage 2's. Stage 2 carries the finished walk on (see
 * `handoff.ts`) instead of walking the page again.
 */
import type { BlockWalker } from './blocks';
import { MAX_CHECK_CHARS, MAX_CHECK_TITLE } from './limits';

export interface PageCheck {
  /** The page's title, which gives every block context. */
  title: string;
  /** The article's blocks' texts, in document order. */
  blocks: string[];
}

export interface ReadArticleOptions {
  /** Stops the work (the content script was invalidated): the result is then null. */
  signal: AbortSignal;
  /** Main-thread time a slice may take before the work yields (ms). */
  sliceMs?: number;
  now?: () => number;
  /** Runs `callback` in a later task. */
  later?: (callback: () => void) => void;
}

const ELEMENTS_PER_STEP = 200;

/**
 * Carries `walker` on to the end of the article and returns what the background needs to
 * judge the page; null when the work was stopped, or when the page is too big for one
 * message (stage 2 then loads without a check, as before).
 */
export async function readArticle(
  doc: Document,
  walker: BlockWalker,
  options: ReadArticleOptions,
): Promise<PageCheck | null> {
  const { signal, sliceMs = 8 } = options;
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? ((callback: () => void) => setTimeout(callback, 0));
  let sliceStart = now();
  while (!walker.step(ELEMENTS_PER_STEP)) {
    if (now() - sliceStart < sliceMs) continue;
    await new Promise<void>((resolve) => later(resolve));
    if (signal.aborted) return null;
    sliceStart = now();
  }
  if (signal.aborted) return null;
  const title = doc.title ?? '';
  const blocks = walker.blocks.map((block) => block.text);
  let chars = 0;
  for (const text of blocks) chars += text.length;
  if (chars > MAX_CHECK_CHARS || title.length > MAX_CHECK_TITLE) return null;
  return { title, blocks };
}
