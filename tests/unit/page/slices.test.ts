import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectBlocks, type CompiledDetector } from '@/lib/detect';
import { bundledDetector } from '../../fixtures/detect/detector';
import { createBlockWalker, extractBlocks } from '@/lib/page/blocks';
import {
  RADIUS,
  createSlicer,
  detectSliced,
  extractBlocksSliced,
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
  it('gives the same results as one detectBlocks call on the whole page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(POOL.length - 1), { minLength: 1, maxLength: 120 }),
        fc.boolean(),
        async (picks, withTitle) => {
          const blocks = blocksOf(picks.map((k) => POOL[k]!));
          const options = withTitle ? { title: 'Deported Ukrainian children' } : {};
          const whole = detectBlocks(detector, blocks, options);
          const { results } = await detectSliced(detector, blocks, options, everyStep());
          expect(results).toEqual(whole);
        },
      ),
      { seed: 20261201, numRuns: 60 },
    );
  });

  it('pauses between windows on a long page', async () => {
    const blocks = blocksOf(Array.from({ length: 200 }, (_, k) => POOL[k % POOL.length]!));
    const slicer = everyStep();
    await detectSliced(detector, blocks, {}, slicer);
    expect(slicer.pauses).toBeGreaterThan(3);
  });

  it('reuses what did not change and re-detects only around a changed block', async () => {
    const texts = Array.from({ length: 60 }, (_, k) => POOL[k % POOL.length]!);
    const blocks = blocksOf(texts);
    const first = await detectSliced(detector, blocks, {}, everyStep());
    expect(first.reused).toBe(0);
    // Change one block's text in the middle.
    const changed = blocks.map((b, k) => (k === 31 ? { element: b.element, text: POOL[0]! } : b));
    const again = await detectSliced(detector, changed, {}, everyStep(), {
      blocks,
      results: first.results,
      title: '',
    });
    expect(again.results).toEqual(detectBlocks(detector, changed));
    expect(again.reused).toBe(60 - (2 * RADIUS + 1));
  });

  it('reuses nothing when the title changed', async () => {
    const blocks = blocksOf(POOL);
    const first = await detectSliced(detector, blocks, {}, everyStep());
    const again = await detectSliced(detector, blocks, { title: 'Russia' }, everyStep(), {
      blocks,
      results: first.results,
      title: '',
    });
    expect(again.reused).toBe(0);
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
