import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { detectBlocks, type CompiledDetector } from '@/lib/detect';
import { verdictOf } from '@/lib/messages/detect-blocks';
import { backgroundJudge } from '../../fixtures/detect/judge';
import { bundledDetector } from '../../fixtures/detect/detector';
import { createBlockWalker, extractBlocks } from '@/lib/page/blocks';
import {
  RADIUS,
  createSlicer,
  detectSliced,
  extractBlocksSliced,
  type BlockJudge,
  type Slicer,
} from '@/lib/page/slices';

let detector: CompiledDetector;
beforeAll(() => {
  detector = bundledDetector();
});

// Our own sentences: relevant ones, ones that only count children (carried by a relevant
// neighbour), context-only ones and off-topic ones, so windows meet every rule.
const POOL = [
  'Russia has deported thousands of Ukrainian children from the occupied territories.',
  'Some 19,546 children were taken, officials in Kyiv say.',
  'About 400 children have come back so far.',
  'Ukraine says the numbers keep growing.',
  'The children were moved to camps.',
  'Maria Lvova-Belova said only hundreds of children were evacuated.',
  'The weather in the capital was mild on Sunday.',
  'Le gouvernement a présenté un plan pour les écoles.',
  'Росія депортувала тисячі українських дітей.',
  'Children played in the park near the river.',
];

/** A slicer that pauses after every window (the harshest case) without real time. */
function everyStep(): Slicer & { pauses: number } {
  let pauses = 0;
  const s = createSlicer({ budgetMs: 0, now: () => 0, later: (cb) => queueMicrotask(cb) });
  return {
    signal: s.signal,
    due: () => true,
    pause: () => {
      pauses++;
      return s.pause();
    },
    get pauses() {
      return pauses;
    },
  };
}

function blocksOf(texts: string[]) {
  const doc = document.implementation.createHTMLDocument('t');
  return texts.map((text) => {
    const element = doc.createElement('p');
    element.textContent = text;
    doc.body.append(element);
    return { element, text };
  });
}

describe('detectSliced', () => {
  const judge = () => vi.fn<BlockJudge>((w, t) => backgroundJudge(detector)(w, t));
  const whole = (blocks: { text: string }[], title = '') =>
    detectBlocks(detector, blocks, { title }).map(verdictOf);

  it('gives the verdicts of one detectBlocks call on the whole page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(POOL.length - 1), { minLength: 1, maxLength: 120 }),
        fc.boolean(),
        async (picks, withTitle) => {
          const blocks = blocksOf(picks.map((k) => POOL[k]!));
          const title = withTitle ? 'Deported Ukrainian children' : '';
          const judged = await detectSliced(judge(), blocks, title, everyStep());
          expect(judged!.results).toEqual(whole(blocks, title));
        },
      ),
      { seed: 20261201, numRuns: 60 },
    );
  });

  it('sends a long page in as few requests as the limits allow, each within them', async () => {
    const blocks = blocksOf(Array.from({ length: 200 }, (_, k) => POOL[k % POOL.length]!));
    const one = judge();
    await detectSliced(one, blocks, '', everyStep());
    expect(one).toHaveBeenCalledTimes(1);
    const limits = { blocks: 40, chars: 100_000 };
    const several = judge();
    const judged = await detectSliced(several, blocks, '', everyStep(), null, limits);
    expect(several.mock.calls.length).toBeGreaterThan(4);
    for (const [windows] of several.mock.calls) {
      expect(windows.reduce((n, w) => n + w.blocks.length, 0)).toBeLessThanOrEqual(40);
    }
    expect(judged!.results).toEqual(whole(blocks));
  });

  it('pauses between windows on a long page', async () => {
    const blocks = blocksOf(Array.from({ length: 200 }, (_, k) => POOL[k % POOL.length]!));
    const slicer = everyStep();
    await detectSliced(judge(), blocks, '', slicer);
    expect(slicer.pauses).toBeGreaterThan(3);
  });

  it('reuses what did not change and sends only the blocks around a changed one', async () => {
    const texts = Array.from({ length: 60 }, (_, k) => POOL[k % POOL.length]!);
    const blocks = blocksOf(texts);
    const first = (await detectSliced(judge(), blocks, '', everyStep()))!;
    expect(first.reused).toBe(0);
    // Change one block's text in the middle.
    const changed = blocks.map((b, k) => (k === 31 ? { element: b.element, text: POOL[0]! } : b));
    const again = judge();
    const judged = (await detectSliced(again, changed, '', everyStep(), {
      blocks,
      results: first.results,
      title: '',
    }))!;
    expect(judged.results).toEqual(whole(changed));
    expect(judged.reused).toBe(60 - (2 * RADIUS + 1));
    const [windows] = again.mock.calls[0]!;
    expect(windows).toHaveLength(1);
    expect(windows[0]!.to - windows[0]!.from).toBe(2 * RADIUS + 1);
    expect(windows[0]!.blocks).toHaveLength(4 * RADIUS + 1);
  });

  it('reuses nothing when the title changed', async () => {
    const blocks = blocksOf(POOL);
    const first = (await detectSliced(judge(), blocks, '', everyStep()))!;
    const again = await detectSliced(judge(), blocks, 'Russia', everyStep(), {
      blocks,
      results: first.results,
      title: '',
    });
    expect(again!.reused).toBe(0);
  });

  it('is null when the judge has no engine, and refuses an answer for other windows', async () => {
    const blocks = blocksOf(POOL);
    expect(await detectSliced(backgroundJudge(null), blocks, '', everyStep())).toBeNull();
    const short: BlockJudge = async (windows) => windows.map(() => [null]);
    await expect(detectSliced(short, blocks, '', everyStep())).rejects.toThrow(/another window/);
    const fewer: BlockJudge = async () => [];
    await expect(detectSliced(fewer, blocks, '', everyStep())).rejects.toThrow(/other windows/);
  });
});

describe('block extraction in slices', () => {
  it('finds the same blocks as one walk, whatever the step size', async () => {
    const doc = document.implementation.createHTMLDocument('t');
    const article = doc.createElement('article');
    for (let k = 0; k < 300; k++) {
      const section = doc.createElement(k % 3 ? 'div' : 'section');
      const p = doc.createElement(k % 5 ? 'p' : 'li');
      p.textContent = `Paragraph ${k}: ${POOL[k % POOL.length]}`;
      section.append(p);
      article.append(section);
    }
    doc.body.append(article);
    const whole = extractBlocks(doc, article);
    expect(whole).toHaveLength(300);
    const walker = createBlockWalker(article);
    let steps = 0;
    while (!walker.step(7)) steps++;
    expect(steps).toBeGreaterThan(50);
    expect(walker.blocks).toEqual(whole);
    expect(await extractBlocksSliced(article, everyStep())).toEqual(whole);
  });
});

describe('createSlicer', () => {
  it('is due once the budget is used, and a pause starts a new slice', async () => {
    let clock = 0;
    const slicer = createSlicer({
      budgetMs: 8,
      now: () => clock,
      later: (cb) => setTimeout(cb, 0),
    });
    expect(slicer.due()).toBe(false);
    clock = 9;
    expect(slicer.due()).toBe(true);
    await slicer.pause();
    expect(slicer.due()).toBe(false);
  });

  it('never resumes after its signal aborts', async () => {
    const controller = new AbortController();
    const slicer = createSlicer({ later: (cb) => setTimeout(cb, 0), signal: controller.signal });
    let resumed = false;
    void slicer.pause().then(() => (resumed = true));
    controller.abort();
    await new Promise((r) => setTimeout(r, 20));
    expect(resumed).toBe(false);
  });
});
