import { describe, expect, it, vi } from 'vitest';
import { createCheckPageHandler } from '@/lib/messages/check-page';
import { judgeWindows } from '@/lib/messages/detect-blocks';
import { CheckPageResponse } from '@/lib/messages/page-answers';
import { CheckPageRequest } from '@/lib/messages/page-protocol';
import { MAX_BLOCK_CHARS, MAX_BLOCKS, MAX_CHECK_CHARS } from '@/lib/page/limits';
import { bundledDetector } from '../../fixtures/detect/detector';

const RELEVANT = 'Russia has deported thousands of Ukrainian children from occupied territories.';
const FALSE_ALARM = 'It was a kind gesture, and the guests were sent home early from Kyiv.';
const request = (blocks: string[], title = '') => ({ type: 'check-page' as const, title, blocks });

describe('check-page handler', () => {
  it("injects stage 2 into the sender's frame when a block is relevant", async () => {
    const inject = vi.fn(async () => undefined);
    const handle = createCheckPageHandler({ detector: async () => bundledDetector(), inject });
    const answer = await handle(request([FALSE_ALARM, RELEVANT]), {
      id: 'x',
      tabId: 4,
      frameId: 2,
    });
    expect(inject).toHaveBeenCalledWith({ tabId: 4, frameIds: [2] });
    // With the engine's verdict on each block, which stage 2 paints from.
    expect(answer).toEqual({
      ok: true,
      loaded: true,
      verdicts: judgeWindows(
        bundledDetector(),
        [{ blocks: [FALSE_ALARM, RELEVANT], from: 0, to: 2 }],
        '',
      )[0],
    });
    expect(answer.verdicts![1]!.annotations.length).toBeGreaterThan(0);
    expect(CheckPageResponse.parse(structuredClone(answer))).toEqual(answer);
  });

  it('loads nothing when no block is relevant', async () => {
    const inject = vi.fn(async () => undefined);
    const handle = createCheckPageHandler({ detector: async () => bundledDetector(), inject });
    expect(await handle(request([FALSE_ALARM]), { id: 'x', tabId: 4 })).toEqual({
      ok: true,
      loaded: false,
    });
    expect(inject).not.toHaveBeenCalled();
  });

  it('loads stage 2 when there is no detector to judge with, or it fails', async () => {
    for (const detector of [async () => null, () => Promise.reject(new Error('broken'))]) {
      const inject = vi.fn(async () => undefined);
      const handle = createCheckPageHandler({ detector, inject });
      expect(await handle(request([FALSE_ALARM]), { id: 'x', tabId: 1 })).toEqual({
        ok: true,
        loaded: true,
      });
      expect(inject).toHaveBeenCalledWith({ tabId: 1, frameIds: [0] });
    }
  });

  it('judges each block apart, as the page cut them', async () => {
    // The two halves of a relevant sentence, each a block: neither is relevant alone.
    const half = RELEVANT.indexOf(' Ukrainian');
    const inject = vi.fn(async () => undefined);
    const handle = createCheckPageHandler({ detector: async () => bundledDetector(), inject });
    const split = request([RELEVANT.slice(0, half), RELEVANT.slice(half)]);
    expect((await handle(split, { id: 'x', tabId: 4 })).loaded).toBe(false);
    expect((await handle(request([RELEVANT]), { id: 'x', tabId: 4 })).loaded).toBe(true);
  });

  it('refuses a sender outside a tab', async () => {
    const inject = vi.fn(async () => undefined);
    const handle = createCheckPageHandler({ detector: async () => bundledDetector(), inject });
    await expect(handle(request([RELEVANT]), { id: 'x' })).rejects.toThrow(/outside a tab/);
    expect(inject).not.toHaveBeenCalled();
  });
});

describe('CheckPageRequest', () => {
  it('accepts what stage 1 sends, up to the limits', () => {
    expect(CheckPageRequest.safeParse(request([RELEVANT], 'A title')).success).toBe(true);
    expect(CheckPageRequest.safeParse(request([])).success).toBe(true);
    const most = Array.from({ length: MAX_CHECK_CHARS / MAX_BLOCK_CHARS }, () =>
      'x'.repeat(MAX_BLOCK_CHARS),
    );
    expect(CheckPageRequest.safeParse(request(most)).success).toBe(true);
  });

  it('refuses oversized texts, too many blocks, too much text in all and odd shapes', () => {
    const bad = [
      request(['x'.repeat(MAX_BLOCK_CHARS + 1)]),
      request(Array.from({ length: MAX_BLOCKS + 1 }, () => 'x')),
      request(
        Array.from({ length: Math.ceil(MAX_CHECK_CHARS / MAX_BLOCK_CHARS) + 1 }, () =>
          'x'.repeat(MAX_BLOCK_CHARS),
        ),
      ),
      request(['x'], 't'.repeat(5000)),
      { ...request([RELEVANT]), extra: true },
      { ...request([RELEVANT]), blocks: [42] },
      { type: 'check-page', title: '' },
    ];
    for (const message of bad) expect(CheckPageRequest.safeParse(message).success).toBe(false);
  });
});
