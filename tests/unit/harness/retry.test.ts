import { describe, expect, it } from 'vitest';
import { launchWithRetry } from '../../../scripts/harness/retry';

describe('launchWithRetry', () => {
  it('returns the first start when it works, and starts only once', async () => {
    let starts = 0;
    expect(await launchWithRetry(async () => ++starts)).toBe(1);
    expect(starts).toBe(1);
  });

  it('starts once more after a failed start', async () => {
    let starts = 0;
    const started = await launchWithRetry(async () => {
      if (++starts === 1) throw new Error('Timed out after 60000 ms');
      return 'browser';
    });
    expect(started).toBe('browser');
    expect(starts).toBe(2);
  });

  it('gives up after two failed starts, naming both reasons', async () => {
    let starts = 0;
    const failing = launchWithRetry(async () => {
      throw new Error(`reason ${++starts}`);
    });
    await expect(failing).rejects.toThrow(
      'the browser did not start, twice: reason 1; then: reason 2',
    );
    expect(starts).toBe(2);
  });
});
