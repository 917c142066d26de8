/**
 * Single-page-app navigations, as stage 1 and stage 2 need them: `onChange` runs after the
 * document's URL changed without a new document (`history.pushState`, back and forward
 * within the page, a new fragment), until `signal` aborts.
 *
 * The Navigation API's `currententrychange` tells it where the browser has the API: it
 * fires once the URL has changed (its `navigate` event fires before). Elsewhere the URL is
 * looked at once a second. Either way a change counts only when `location.href` is really
 * different from the last one seen: the page can dispatch the same events itself. Once
 * `signal` aborts, the listener is removed or the timer cleared.
 */

export interface LocationWatchOptions {
  signal: AbortSignal;
  /** How often the URL is looked at without the Navigation API (ms). */
  pollMs?: number;
}

export function watchLocation(
  win: Window,
  onChange: () => void,
  { signal, pollMs = 1000 }: LocationWatchOptions,
): void {
  if (signal.aborted) return;
  let last = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now === last) return;
    last = now;
    onChange();
  };
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', check, { signal });
    return;
  }
  const timer = setInterval(check, pollMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
