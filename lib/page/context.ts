/**
 * WXT's content script context, closed to the page.
 *
 * WXT stops a content script when a DOM `CustomEvent` on the document says that a newer
 * copy of the same script has started (`<extension id>:<script>:wxt:content-script-started`),
 * and every context announces itself that way, and by `window.postMessage` too, when it
 * starts. Events that scripts dispatch are untrusted whichever world they come from, so a
 * page could replay the announcement it was posted and switch the extension off on it:
 * every highlight gone, new text no longer read. Our scripts run once per document
 * (stage 1 from the manifest, stage 2 behind its marker) and notice an extension update
 * by themselves (`ctx.isValid`), so they need neither the announcement nor the kill switch.
 */
// Types only: WXT loads stage 1's entrypoint in Node at build time, where the class cannot
// be evaluated (stage 2's context class is in ./script-context).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** What of a context `ignoreScriptStartedEvents` changes (WXT's own method). */
export interface ScriptStartedCheck {
  verifyScriptStartedEvent(event: CustomEvent): boolean;
}

/**
 * For a context WXT created (stage 1): a "newer script started" event never stops it.
 * Call it first thing in `main`, before anything is awaited.
 */
export function ignoreScriptStartedEvents(ctx: ScriptStartedCheck): void {
  ctx.verifyScriptStartedEvent = () => false;
}

/**
 * Calls `onChange` on a single-page-app navigation: WXT's location event (a page can
 * dispatch one too, so it counts only when the URL really changed).
 */
export function onLocationChange(
  ctx: Pick<ContentScriptContext, 'addEventListener'>,
  onChange: () => void,
): void {
  let last = location.href;
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  });
}
