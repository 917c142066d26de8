import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Stage 2's context: WXT's content script context (the shadow-root UI needs it), closed to
 * the page.
 *
 * WXT stops a content script when a DOM `CustomEvent` on the document says that a newer
 * copy of the same script has started (`<extension id>:<script>:wxt:content-script-started`),
 * and every context announces itself that way, and by `window.postMessage` too, when it
 * starts. Events that scripts dispatch are untrusted whichever world they come from, so a
 * page could replay the announcement it was posted and switch the extension off on it:
 * every highlight gone, new text no longer read. Stage 2 runs once per document (behind
 * its marker) and notices an extension update by itself (`ctx.isValid`), so it needs
 * neither the announcement nor the kill switch. (Stage 1 has no WXT context at all: see
 * `./script-lifetime`.)
 */
export class PageScriptContext extends ContentScriptContext {
  override stopOldScripts(): void {}
  override listenForNewerScripts(): void {}
}
