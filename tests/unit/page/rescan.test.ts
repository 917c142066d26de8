import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRescanScheduler } from '@/lib/page/rescan';

describe('createRescanScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once after changes pause', async () => {
    const run = vi.fn();
    const scheduler = createRescanScheduler({ run, quietMs: 100, maxWaitMs: 1000 });
    scheduler.request();
    await vi.advanceTimersByTimeAsync(50);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(50);
    scheduler.request();
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not wait longer than maxWaitMs under a stream of changes', async () => {
    const run = vi.fn();
    const scheduler = createRescanScheduler({ run, quietMs: 100, maxWaitMs: 300 });
    for (let i = 0; i < 10; i++) {
      scheduler.request();
      await vi.advanceTimersByTimeAsync(60);
    }
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(run.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('never overlaps scans and runs again for changes made during a scan', async () => {
    let active = 0;
    let maxActive = 0;
    let calls = 0;
    const scheduler = createRescanScheduler({
      quietMs: 10,
      run: async () => {
        calls++;
        active++;
        maxActive = Math.max(maxActive, active);
        if (calls === 1) scheduler.request();
        await new Promise((resolve) => setTimeout(resolve, 50));
        active--;
      },
    });
    scheduler.request();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toBe(2);
    expect(maxActive).toBe(1);
  });

  it('does nothing after cancel', async () => {
    const run = vi.fn();
    const scheduler = createRescanScheduler({ run, quietMs: 10 });
    scheduler.request();
    scheduler.cancel();
    scheduler.request();
    await vi.advanceTimersByTimeAsync(100);
    expect(run).not.toHaveBeenCalled();
  });
});
