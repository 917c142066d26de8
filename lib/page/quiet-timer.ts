/**
 * Work that waits for a quiet moment: `poke` on each change, and `run` is called once no
 * change has come for `quietMs`, or `maxWaitMs` after the first change still waiting,
 * whichever is sooner (a page that never stops changing is still caught up with).
 */
export interface QuietTimer {
  /** A change: `run` waits until `quietMs` after it (or the longest wait is up). */
  poke(): void;
  /** Whether a change is waiting for `run`. */
  readonly pending: boolean;
  /** Forgets the waiting change: `run` is not called for it. */
  cancel(): void;
}

export interface QuietTimerOptions {
  quietMs: number;
  maxWaitMs: number;
  now?: () => number;
}

export function quietTimer(run: () => void, options: QuietTimerOptions): QuietTimer {
  const { quietMs, maxWaitMs, now = () => performance.now() } = options;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstAt = 0;
  let lastAt = 0;
  // One timer a quiet time, not one a change: a change only notes when it came, and the
  // timer, when it fires early, waits for the rest.
  const arm = (at: number) => {
    const due = Math.min(lastAt + quietMs, firstAt + maxWaitMs);
    timer = setTimeout(fire, Math.max(0, due - at));
  };
  const fire = () => {
    const at = now();
    if (at < lastAt + quietMs && at < firstAt + maxWaitMs) {
      arm(at);
      return;
    }
    timer = null;
    run();
  };
  return {
    poke() {
      lastAt = now();
      if (timer !== null) return;
      firstAt = lastAt;
      arm(lastAt);
    },
    get pending() {
      return timer !== null;
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
