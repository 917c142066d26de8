import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { compileDetector, compilePrefilter, prefilterFromJSON, runPrefilter } from '@/lib/detect';

const dataset = loadBundledDataset();
const prefilter = prefilterFromJSON(compilePrefilter(compileDetector(dataset.lexicon)));

describe('pre-filter selectivity', () => {
  it.each([
    'Children in foster families did better at school, and adoption rates rose, the ministry said.',
    'Les enfants des familles de la ville iront à la bibliothèque pendant les vacances.',
    'Die Kinder aus Pflegefamilien besuchten mit Russell das Museum.',
    'Children and their families queued for citizens’ advice at the town hall.',
  ])(
    'lets an off-topic page with common words through without loading the detector: %s',
    (text) => {
      expect(runPrefilter(prefilter, text)).toBe(false);
    },
  );

  it.each([
    'The children were placed with Russian families.',
    'Die Kinder wurden nach Russland gebracht.',
    'Les enfants ont été emmenés en Russie.',
    'Maria Lvova-Belova said so.',
  ])('passes a page with a topic phrase: %s', (text) => {
    expect(runPrefilter(prefilter, text)).toBe(true);
  });

  it('stays small enough to read on every page', () => {
    expect(JSON.stringify(compilePrefilter(compileDetector(dataset.lexicon))).length).toBeLessThan(
      16_000,
    );
  });
});
