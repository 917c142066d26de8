import { articleDocument } from './fixtures';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import {
  compileDetector,
  compilePrefilter,
  prefilterFromJSON,
  runPrefilter,
  type CompiledDetector,
  type Prefilter,
} from '@/lib/detect';
import { createBlockWalker } from '@/lib/page/blocks';
import { scanDocument } from '@/lib/page/scan-document';
import type { BlockJudge } from '@/lib/page/slices';
import { backgroundJudge } from '../../fixtures/detect/judge';

let detector: CompiledDetector;
let prefilter: Prefilter;

beforeAll(() => {
  const dataset = loadBundledDataset();
  detector = compileDetector(dataset.lexicon, dataset.figures);
  prefilter = prefilterFromJSON(compilePrefilter(detector));
});

const page = articleDocument;

const sources = () => ({
  prefilter: vi.fn((text: string) => runPrefilter(prefilter, text)),
  judge: vi.fn<BlockJudge>((windows, title) => backgroundJudge(detector)(windows, title)),
});

describe('scanDocument', () => {
  it('stops after the pre-filter on an off-topic page, without asking the judge', async () => {
    const doc = page('Lentil soup', [
      'Rinse the lentils and soften an onion in olive oil.',
      'Children like it with lemon and bread.',
    ]);
    const s = sources();
    const scan = await scanDocument(doc, s);
    expect(scan).toMatchObject({ passedPrefilter: false, annotationCount: 0 });
    expect(s.prefilter).toHaveBeenCalledTimes(1);
    expect(s.judge).not.toHaveBeenCalled();
  });

  it('counts annotations on a relevant page', async () => {
    const doc = page('Deported children', [
      'Russia has deported thousands of Ukrainian children from the occupied territories.',
      "Ukraine's government says it has verified 19,546 cases.",
      'The weather in Kyiv was mild.',
    ]);
    const scan = await scanDocument(doc, sources());
    expect(scan.passedPrefilter).toBe(true);
    expect(scan.results.some((r) => r !== null)).toBe(true);
    expect(scan.annotationCount).toBeGreaterThanOrEqual(1);
    expect(scan.annotationCount).toBe(
      scan.results.reduce((n, r) => n + (r?.annotations.length ?? 0), 0),
    );
  });

  it("is silent on Ukraine's own evacuation of children from frontline towns", async () => {
    const doc = page('Evacuation ordered', [
      'Ukrainian authorities ordered the mandatory evacuation of families with children from frontline towns in Donetsk region.',
      'Buses will take residents to safer areas in central Ukraine.',
    ]);
    expect((await scanDocument(doc, sources())).annotationCount).toBe(0);
  });

  it('reads a Ukrainian page', async () => {
    const doc = page(
      'Депортовані діти',
      ['Росія депортувала тисячі українських дітей з окупованих територій.'],
      'uk',
    );
    expect((await scanDocument(doc, sources())).annotationCount).toBeGreaterThanOrEqual(1);
  });

  it('does not change the document', async () => {
    const doc = page('Deported children', [
      'Russia has deported thousands of Ukrainian children from the occupied territories.',
    ]);
    const before = doc.documentElement.outerHTML;
    await scanDocument(doc, sources());
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reports nothing when no detector is available', async () => {
    const doc = page('Deported children', [
      'Russia has deported thousands of Ukrainian children from the occupied territories.',
    ]);
    const scan = await scanDocument(doc, { ...sources(), judge: backgroundJudge(null) });
    expect(scan).toMatchObject({ passedPrefilter: true, annotationCount: 0 });
  });
});

describe('scanDocument with the walk stage 1 left', () => {
  const RELEVANT =
    'Russia has deported thousands of Ukrainian children from the occupied territories.';

  it('carries the walk on from where stage 1 stopped, and finds what a walk from the start finds', async () => {
    const fresh = page('Deported children', ['Intro.', RELEVANT, 'More.', RELEVANT]);
    const expected = await scanDocument(fresh, { judge: backgroundJudge(detector) });

    const doc = page('Deported children', ['Intro.', RELEVANT, 'More.', RELEVANT]);
    const root = doc.querySelector('article')!;
    const walker = createBlockWalker(root);
    walker.step(2);
    const article = vi.fn(() => ({ root, walker }));
    const scan = await scanDocument(doc, { judge: backgroundJudge(detector), article });
    expect(article).toHaveBeenCalledTimes(1);
    expect(scan.blocks).toBe(walker.blocks);
    expect(scan.blocks.map((b) => b.text)).toEqual(expected.blocks.map((b) => b.text));
    expect(scan.annotationCount).toBe(expected.annotationCount);
    expect(scan.annotationCount).toBeGreaterThan(0);
  });

  it('walks from the start when there is no walk to carry on', async () => {
    const doc = page('Deported children', ['Intro.', RELEVANT]);
    const scan = await scanDocument(doc, { judge: backgroundJudge(detector), article: () => null });
    expect(scan.blocks.map((b) => b.text)).toEqual(
      ['Deported children', 'Intro.', RELEVANT].slice(1),
    );
  });

  it("paints the verdicts of stage 1's check of the walk, without asking the judge again", async () => {
    const texts = ['Intro.', RELEVANT, 'More.', RELEVANT];
    const expected = await scanDocument(page('Deported children', texts), {
      judge: backgroundJudge(detector),
    });
    const doc = page('Deported children', texts);
    const root = doc.querySelector('article')!;
    const walker = createBlockWalker(root);
    walker.step(Infinity);
    const judge = vi.fn<BlockJudge>(backgroundJudge(detector));
    const checked = vi.fn(async () => expected.results);
    const scan = await scanDocument(doc, { judge, checked, article: () => ({ root, walker }) });
    expect(checked).toHaveBeenCalledWith({ root, walker }, doc.title);
    expect(judge).not.toHaveBeenCalled();
    expect(scan.results).toEqual(expected.results);
    expect(scan.annotationCount).toBe(expected.annotationCount);
  });

  it('asks the judge when the check has no verdicts, or not one per block', async () => {
    for (const verdicts of [null, [null]]) {
      const doc = page('Deported children', ['Intro.', RELEVANT]);
      const root = doc.querySelector('article')!;
      const walker = createBlockWalker(root);
      const judge = vi.fn<BlockJudge>(backgroundJudge(detector));
      const scan = await scanDocument(doc, {
        judge,
        checked: async () => verdicts,
        article: () => ({ root, walker }),
      });
      expect(judge).toHaveBeenCalledTimes(1);
      expect(scan.annotationCount).toBeGreaterThan(0);
    }
  });
});
