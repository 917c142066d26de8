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
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const fire = () => {
    timer = null;
    run();
  };
  return {
    poke() {
      const at = now();
      if (timer === null) firstAt = at;
      else clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - at)));
    },
    get pending() {
      return timer !== null;
    },
    cancel,
  };
}
