import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { compileDetector, detectPassage } from '@/lib/detect';

const dataset = loadBundledDataset();
const detector = compileDetector(dataset.lexicon, dataset.figures);

const seriesOf = (text: string, value: number) =>
  detectPassage(detector, text)
    .annotations.flatMap((a) => a.figures)
    .find((f) => f.value === value)?.series;

describe('series cues: a number goes with what it counts, not with who counted it', () => {
  it.each<[string, number, string]>([
    [
      "Researchers at Yale's Humanitarian Research Lab have identified at least 314 Ukrainian children who were listed in Russia's adoption databases or placed with Russian citizens.",
      314,
      'yale-hrl-adoption-fostering',
    ],
    [
      'Ukraine has verified 19,546 children deported or forcibly transferred by Russia.',
      19546,
      'ua-verified-deported',
    ],
  ])('%s', (text, value, series) => {
    expect(seriesOf(text, value)).toBe(series);
  });
});
