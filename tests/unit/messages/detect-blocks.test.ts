import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectBlocks } from '@/lib/detect';
import { BlockVerdict } from '@/lib/messages/verdict';
import { createDetectBlocksHandler, judgeWindows, verdictOf } from '@/lib/messages/detect-blocks';
import { DetectBlocksResponse } from '@/lib/messages/page-answers';
import { DetectBlocksRequest } from '@/lib/messages/page-protocol';
import { extractBlocks, findArticleRoot } from '@/lib/page/blocks';
import { MAX_BLOCK_CHARS, MAX_BLOCKS } from '@/lib/page/limits';
import { bundledDetector } from '../../fixtures/detect/detector';

const RELEVANT = 'Russia has deported thousands of Ukrainian children from occupied territories.';
const WEATHER = 'The weather in Kyiv was mild on Sunday.';
const request = (windows: { blocks: string[]; from: number; to: number }[], title = '') => ({
  type: 'detect-blocks' as const,
  title,
  windows,
});

/** The blocks of every test page the browser tests load (our own fixtures). */
function fixtureBlocks(): string[][] {
  const dir = join(__dirname, '../../fixtures/pages');
  const files = [
    ...readdirSync(dir).filter((f) => f.endsWith('.html')),
    ...readdirSync(join(dir, 'demo'))
      .filter((f) => f.endsWith('.html'))
      .map((f) => `demo/${f}`),
  ];
  return files.map((file) => {
    const doc = new DOMParser().parseFromString(readFileSync(join(dir, file), 'utf8'), 'text/html');
    return extractBlocks(doc, findArticleRoot(doc)).map((b) => b.text);
  });
}

describe('detect-blocks handler', () => {
  const handle = createDetectBlocksHandler({ detector: async () => bundledDetector() });

  it("gives each window's core the engine's verdicts, judged with the window's context", async () => {
    const blocks = [WEATHER, RELEVANT, WEATHER, 'About 400 children have come back so far.'];
    const answer = await handle(request([{ blocks, from: 1, to: 4 }], 'Deported children'), {
      tabId: 3,
    });
    const whole = detectBlocks(
      bundledDetector(),
      blocks.map((text) => ({ text })),
      { title: 'Deported children' },
    ).map(verdictOf);
    expect(answer).toEqual({ ok: true, verdicts: [whole.slice(1, 4)] });
    expect(answer.verdicts![0]![0]).not.toBeNull();
    expect(answer.verdicts![0]![1]).toBeNull();
  });

  it('answers null when no detector is published yet', async () => {
    const none = createDetectBlocksHandler({ detector: async () => null });
    expect(await none(request([{ blocks: [RELEVANT], from: 0, to: 1 }]), { tabId: 1 })).toEqual({
      ok: true,
      verdicts: null,
    });
  });

  it('refuses a sender outside a tab', async () => {
    await expect(
      handle(request([{ blocks: [RELEVANT], from: 0, to: 1 }]), { id: 'x' }),
    ).rejects.toThrow(/outside a tab/);
  });

  it("keeps everything stage 2 paints: every verdict on the test pages passes stage 2's schema unchanged", () => {
    let verdicts = 0;
    let figures = 0;
    for (const blocks of fixtureBlocks()) {
      const [core] = judgeWindows(bundledDetector(), [{ blocks, from: 0, to: blocks.length }], '');
      const answer = { ok: true, verdicts: [core] };
      expect(DetectBlocksResponse.parse(structuredClone(answer))).toEqual(answer);
      for (const verdict of core!) {
        if (!verdict) continue;
        verdicts++;
        figures += verdict.annotations.reduce((n, a) => n + a.figures.length, 0);
      }
    }
    expect(verdicts).toBeGreaterThan(10);
    expect(figures).toBeGreaterThan(0);
  });
});

describe('detect-blocks messages', () => {
  const ok = { blocks: [WEATHER, RELEVANT], from: 0, to: 2 };

  it('refuses windows whose core is not within their blocks, and pages too big for one request', () => {
    expect(DetectBlocksRequest.safeParse(request([ok])).success).toBe(true);
    for (const bad of [
      { ...ok, from: 1, to: 1 },
      { ...ok, to: 3 },
      { ...ok, from: -1 },
      { ...ok, blocks: [] },
      { ...ok, extra: true },
      { ...ok, blocks: ['x'.repeat(MAX_BLOCK_CHARS + 1)], to: 1 },
    ])
      expect(DetectBlocksRequest.safeParse(request([bad])).success).toBe(false);
    const many = Array.from({ length: 2 }, () => ({
      blocks: Array.from({ length: MAX_BLOCKS / 2 + 1 }, () => 'x'),
      from: 0,
      to: 1,
    }));
    expect(DetectBlocksRequest.safeParse(request(many)).success).toBe(false);
    expect(DetectBlocksRequest.safeParse(request([])).success).toBe(false);
  });

  it('refuses a verdict that would paint outside its quote, or carries what stage 2 does not read', () => {
    const verdict = judgeWindows(
      bundledDetector(),
      [{ blocks: [RELEVANT], from: 0, to: 1 }],
      '',
    )[0]![0];
    expect(BlockVerdict.safeParse(verdict).success).toBe(true);
    const annotation = verdict!.annotations[0]!;
    for (const bad of [
      { ...verdict, rule: 'anything' },
      { ...verdict, annotations: [] },
      { ...verdict, annotations: [{ ...annotation, end: annotation.end + 1 }] },
      { ...verdict, annotations: [{ ...annotation, start: annotation.end }] },
      { ...verdict, annotations: [{ ...annotation, cards: ['javascript:alert(1)'] }] },
      { ...verdict, annotations: [{ ...annotation, kind: 'script' }] },
      { ...verdict, terms: [{ text: 'deported', lang: 'xx' }] },
      { ...verdict, explanation: {} },
    ])
      expect(BlockVerdict.safeParse(bad).success).toBe(false);
  });
});
