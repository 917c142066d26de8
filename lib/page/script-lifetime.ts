/**
 * Stage 1's context, a few lines instead of WXT's `ContentScriptContext`: an abort signal
 * that fires once the extension is updated, reloaded or removed (its APIs are gone from
 * this document; the browser does not stop a content script for it).
 *
 * WXT's context made every page pay for a location watcher, a random id, a "newer script
 * started" event dispatched on the document and a listener for it: paired against this
 * lifetime, a page that needs no reading cost about 5 ms more (ars-1 15.8 against 10.6 ms,
 * medians of 7 loads). A page can also replay that event to switch a script off (see
 * `./script-context`). Stage 1 runs once per document, from the manifest, and needs only
 * to notice an update.
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
