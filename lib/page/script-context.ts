import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Stage 2's context: it announces nothing to the page and listens for no announcement, so
 * a page cannot switch it off with a forged "newer script started" event (see
 * `./context`).
 */
export class PageScriptContext extends ContentScriptContext {
  override stopOldScripts(): void {}
  override listenForNewerScripts(): void {}
}
