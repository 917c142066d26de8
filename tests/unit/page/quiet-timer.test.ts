import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quietTimer } from '@/lib/page/quiet-timer';

describe('quietTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const make = () => {
    const run = vi.fn();
    const timer = quietTimer(run, { quietMs: 300, maxWaitMs: 1000, now: () => Date.now() });
    return { run, timer };
  };

  it('runs once, when no change has come for the quiet time', () => {
    const { run, timer } = make();
    timer.poke();
    vi.advanceTimersByTime(200);
    timer.poke();
    vi.advanceTimersByTime(299);
    expect(run).not.toHaveBeenCalled();
    expect(timer.pending).toBe(true);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(timer.pending).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('catches up with changes that never stop, at the longest wait', () => {
    const { run, timer } = make();
    // A change every 100 ms for 3.5 s: a run about every second, not one at the end.
    const times: number[] = [];
    run.mockImplementation(() => times.push(Date.now()));
    const start = Date.now();
    for (let k = 0; k < 35; k++) {
      timer.poke();
      vi.advanceTimersByTime(100);
    }
    expect(times.map((t) => t - start)).toEqual([1000, 2000, 3000]);
    vi.advanceTimersByTime(300);
    expect(run).toHaveBeenCalledTimes(4);
  });

  it('forgets a waiting change when cancelled, and waits afresh after', () => {
    const { run, timer } = make();
    timer.poke();
    timer.cancel();
    expect(timer.pending).toBe(false);
    vi.advanceTimersByTime(2000);
    expect(run).not.toHaveBeenCalled();
    timer.poke();
    vi.advanceTimersByTime(300);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('quietTimer, how many timers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  it('sets one timer per quiet time, however many changes come', () => {
    const set = vi.spyOn(globalThis, 'setTimeout');
    const timer = quietTimer(() => undefined, {
      quietMs: 300,
      maxWaitMs: 1000,
      now: () => Date.now(),
    });
    for (let k = 0; k < 100; k++) {
      timer.poke();
      vi.advanceTimersByTime(10);
    }
    expect(set.mock.calls.length).toBeLessThanOrEqual(5);
    set.mockRestore();
  });
});
