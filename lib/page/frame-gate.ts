/**
 * Which frames stage 1 reads. The top frame always; a frame inside it only when it has the
 * top frame's origin (an embedded page of the same site, not an advertisement or a widget
 * from elsewhere), is big enough to be seen and holds some text. A frame that is hidden,
 * tiny or empty when stage 1 starts is looked at again when it is resized or its text
 * changes, so a frame shown or filled later is read then.
 */
import { isTopFrame, sameOriginAsTop } from './frames';

export interface FrameGateOptions {
  /** Stops waiting (the content script was invalidated): the answer is then false. */
  signal: AbortSignal;
  /** Characters of text a frame needs (its body's `textContent`). */
  minChars?: number;
  /** Smallest viewport worth reading, in CSS pixels (hidden frames have none). */
  minWidth?: number;
  minHeight?: number;
  /** How long changes are collected before the frame is looked at again (ms). */
  batchMs?: number;
}

const MIN_CHARS = 200;
const MIN_WIDTH = 120;
const MIN_HEIGHT = 40;

/** Whether the frame is worth reading now (a same-origin frame's size and text). */
export function frameWorthReading(
  win: Window,
  doc: Document,
  { minChars = MIN_CHARS, minWidth = MIN_WIDTH, minHeight = MIN_HEIGHT } = {},
): boolean {
  if (isTopFrame(win)) return true;
  if (!sameOriginAsTop(win)) return false;
  if (win.innerWidth < minWidth || win.innerHeight < minHeight) return false;
  return (doc.body?.textContent?.length ?? 0) >= minChars;
}

/**
 * Resolves true as soon as the frame is worth reading (at once for the top frame), false
 * for a frame of another origin, or when `signal` aborts first.
 */
export function whenFrameWorthReading(
  win: Window,
  doc: Document,
  options: FrameGateOptions,
): Promise<boolean> {
  const { signal, batchMs = 500 } = options;
  if (isTopFrame(win)) return Promise.resolve(true);
  if (!sameOriginAsTop(win) || signal.aborted) return Promise.resolve(false);
  if (frameWorthReading(win, doc, options)) return Promise.resolve(true);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const observer = new MutationObserver(() => schedule());
    const done = (answer: boolean) => {
      observer.disconnect();
      win.removeEventListener('resize', schedule);
      signal.removeEventListener('abort', onAbort);
      if (timer !== null) clearTimeout(timer);
      timer = null;
      resolve(answer);
    };
    function schedule() {
      timer ??= setTimeout(() => {
        timer = null;
        if (frameWorthReading(win, doc, options)) done(true);
      }, batchMs);
    }
    const onAbort = () => done(false);
    observer.observe(doc.documentElement, { childList: true, characterData: true, subtree: true });
    win.addEventListener('resize', schedule);
    signal.addEventListener('abort', onAbort);
  });
}
