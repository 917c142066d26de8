/**
 * Stage 1's context, a few lines instead of WXT's `ContentScriptContext`: an abort signal
 * that fires once the extension is updated, reloaded or removed (its APIs are gone from
 * this document; the browser does not stop a content script for it).
 *
 * WXT's context costs every page about 2 ms of the main thread (a location watcher, a
 * random id, a "newer script started" event dispatched on the document and a listener for
 * it), and a page can replay that event to switch the script off (see `./context`). Stage
 * 1 runs once per document, from the manifest, and needs only to notice an update.
 */
export interface ScriptLifetime {
  /** Aborts once the extension's APIs are gone (noticed at the next `isValid`). */
  readonly signal: AbortSignal;
  /** False once the extension's APIs are gone: the caller stops there. */
  readonly isValid: boolean;
  /** Calls `callback` once, when the signal aborts. */
  onInvalidated(callback: () => void): void;
}

/**
 * A lifetime that ends when `runtimeId` (the extension's id, as its runtime API gives it)
 * is gone.
 */
export function scriptLifetime(runtimeId: () => string | undefined): ScriptLifetime {
  const controller = new AbortController();
  const { signal } = controller;
  return {
    signal,
    get isValid() {
      if (!signal.aborted && runtimeId() == null) controller.abort();
      return !signal.aborted;
    },
    onInvalidated(callback) {
      signal.addEventListener('abort', callback, { once: true });
    },
  };
}
