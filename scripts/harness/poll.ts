/**
 * Reads `read()` until `accept` takes what it gives, pausing `intervalMs` between reads, and
 * returns that value; after `timeoutMs` it throws with `failure(last value read)`. The one
 * wait loop of the browser harnesses (Chromium and Firefox).
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  options: { timeoutMs: number; intervalMs?: number; failure: (last: T | undefined) => string },
): Promise<T> {
  const { timeoutMs, intervalMs = 100, failure } = options;
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() >= deadline) throw new Error(failure(last));
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

/**
 * Waits until stage 1 has checked `page` (its state is no longer "loading", nor
 * "checking", where the background is judging its blocks): its state.
 */
export function waitForStage1State<P extends { url(): string }>(
  inExtensionWorld: (page: P, expression: string) => Promise<unknown>,
  page: P,
  timeoutMs: number,
): Promise<string> {
  return pollUntil(
    () => inExtensionWorld(page, 'globalThis.__contextCardsStage1?.state'),
    (state) => typeof state === 'string' && state !== 'loading' && state !== 'checking',
    {
      timeoutMs,
      intervalMs: 50,
      failure: (state) =>
        `stage 1 did not check ${page.url()} within ${timeoutMs} ms (${String(state)})`,
    },
  ) as Promise<string>;
}

/** Waits until the badge text satisfies `accept`: that text. */
export function waitForBadgeText(
  read: () => Promise<string>,
  accept: (text: string) => boolean,
  timeoutMs: number,
): Promise<string> {
  return pollUntil(read, accept, {
    timeoutMs,
    failure: (last) =>
      `badge did not settle as expected within ${timeoutMs} ms (last: "${last ?? ''}")`,
  });
}

/** Waits until the tab's report is for `page`'s current URL: its annotation count. */
export async function waitForPageReport<P extends { url(): string }>(
  page: P,
  read: () => Promise<{ url: string; count: number } | null>,
  timeoutMs: number,
): Promise<number> {
  const report = await pollUntil(read, (current) => current?.url === page.url(), {
    timeoutMs,
    failure: () => `no scan report for ${page.url()} within ${timeoutMs} ms`,
  });
  return report!.count;
}
