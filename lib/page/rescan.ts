/**
 * Coalesces "the page changed" signals into few re-scans: waits until changes pause for
 * `quietMs`, but never longer than `maxWaitMs` after the first change, and never runs two
 * scans at once (a change during a scan schedules one more after it).
 */
export interface RescanOptions {
  run: () => Promise<void> | void;
  quietMs?: number;
  maxWaitMs?: number;
  timers?: {
    set: (callback: () => void, ms: number) => unknown;
    clear: (handle: unknown) => void;
  };
}

export interface RescanScheduler {
  request(): void;
  cancel(): void;
}

export function createRescanScheduler({
  run,
  quietMs = 400,
  maxWaitMs = 2000,
  timers = {
    set: (callback, ms) => setTimeout(callback, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
}: RescanOptions): RescanScheduler {
  let timer: unknown = null;
  let firstRequestAt: number | null = null;
  let running = false;
  let pending = false;
  let cancelled = false;

  const fire = async () => {
    timer = null;
    firstRequestAt = null;
    if (cancelled) return;
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      await run();
    } finally {
      running = false;
      if (pending && !cancelled) {
        pending = false;
        request();
      }
    }
  };

  function request(): void {
    if (cancelled) return;
    const now = Date.now();
    firstRequestAt ??= now;
    if (timer !== null) timers.clear(timer);
    const wait = Math.max(0, Math.min(quietMs, firstRequestAt + maxWaitMs - now));
    timer = timers.set(() => void fire(), wait);
  }

  return {
    request,
    cancel() {
      cancelled = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
    },
  };
}
