import { describe, expect, it, vi } from 'vitest';
import type { CardRecords } from '@/lib/cards/records';
import { STAGE3_KEY, linkStage3 } from '@/lib/page/stage3-link';

const fakeRecords = (): CardRecords => ({ view: vi.fn(), forget: vi.fn() });

describe('the link from stage 2 to stage 3', () => {
  it('loads stage 3 once and hands out what it left on the world', async () => {
    const world: Record<string, unknown> = {};
    const records = fakeRecords();
    const load = vi.fn(async () => {
      world[STAGE3_KEY] = records;
    });
    const link = linkStage3(load, world);
    expect(link.loaded()).toBeNull();
    expect(load).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([link.records(), link.records()]);
    expect(a).toBe(records);
    expect(b).toBe(records);
    expect(await link.records()).toBe(records);
    expect(load).toHaveBeenCalledTimes(1);
    expect(link.loaded()).toBe(records);
  });

  it('does not load stage 3 again when it is already there', async () => {
    const records = fakeRecords();
    const world: Record<string, unknown> = { [STAGE3_KEY]: records };
    const load = vi.fn(async () => undefined);
    expect(await linkStage3(load, world).records()).toBe(records);
    expect(load).not.toHaveBeenCalled();
  });

  it('a failed load fails the card, and the next call tries again', async () => {
    const world: Record<string, unknown> = {};
    const records = fakeRecords();
    const load = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('refused'))
      .mockImplementationOnce(async () => undefined)
      .mockImplementation(async () => {
        world[STAGE3_KEY] = records;
      });
    const link = linkStage3(load, world);
    await expect(link.records()).rejects.toThrow('refused');
    // Injected, but it left nothing: said so, not a hang.
    await expect(link.records()).rejects.toThrow('stage 3 did not start');
    expect(await link.records()).toBe(records);
    expect(load).toHaveBeenCalledTimes(3);
  });
});
