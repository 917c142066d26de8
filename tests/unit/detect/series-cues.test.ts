/**
 * Series cues: a number takes the most specific cue of its clause (weights in the lexicon),
 * a cue written right after it names what it counts, and a sentence with two numbers gives
 * each its own cue. All sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { Lexicon, SeriesCue } from '@/lib/dataset/lexicon';
import { compileDetector, detectPassage } from '@/lib/detect';

const dataset = loadBundledDataset();
const detector = compileDetector(dataset.lexicon, dataset.figures);

/** Every number placed in the passage, as [value, series], in order. */
const placed = (text: string) =>
  detectPassage(detector, text)
    .annotations.flatMap((a) => a.figures)
    .map((f) => [f.value, f.series] as const);

describe('series cues: the most specific cue of the clause, not the nearest', () => {
  it.each<[string, [number, string | null][]]>([
    [
      "Researchers at Yale's Humanitarian Research Lab have identified at least 314 Ukrainian children who were listed in Russia's adoption databases or placed with Russian citizens.",
      [[314, 'yale-hrl-adoption-fostering']],
    ],
    [
      'Ukraine has verified 19,546 children deported or forcibly transferred by Russia.',
      [[19546, 'ua-verified-deported']],
    ],
    // a generic cue right before the number, a specific one later in the clause
    [
      'Investigators documented 2,100 Ukrainian children who were deported and later taken on to Belarus.',
      [[2100, 'yale-hrl-belarus']],
    ],
    [
      'The report confirmed 275 children from Kherson who were adopted or fostered by Russian families.',
      [[275, 'yale-hrl-adoption-fostering']],
    ],
    // two numbers in one sentence: each takes the cue of its own clause
    [
      'Kyiv says Russia deported 18,000 Ukrainian children, and only 412 of them were brought back home.',
      [
        [18000, 'ua-verified-deported'],
        [412, 'ua-returned'],
      ],
    ],
    [
      'Киев насчитал 17 тысяч депортированных детей, а вернуть удалось лишь 420.',
      [
        [17000, 'ua-verified-deported'],
        [420, 'ua-returned'],
      ],
    ],
    [
      'Nach Kiewer Angaben wurden 1.300 Kinder nach Belarus gebracht und 150 Kinder von russischen Familien adoptiert.',
      [
        [1300, 'yale-hrl-belarus'],
        [150, 'yale-hrl-adoption-fostering'],
      ],
    ],
    // a range shares its clause
    [
      'Ukrainian officials estimate that Russia deported between 150,000 to 250,000 children.',
      [
        [150000, 'ua-verified-deported'],
        [250000, 'ua-verified-deported'],
      ],
    ],
    // a cue right after the number says what it counts
    [
      'The lab found 38 facilities in occupied Crimea and Russia where deported Ukrainian children were held.',
      [[38, 'yale-hrl-facilities']],
    ],
    // a named body outweighs the generic word "cases"
    [
      'The UN Commission of Inquiry has confirmed 2,900 cases of deported Ukrainian children.',
      [[2900, 'un-coi-confirmed-cases']],
    ],
  ])('%s', (text, want) => {
    expect(placed(text)).toEqual(want);
  });
});

describe('series cue weights are validated by the lexicon schema', () => {
  it('accepts weights 1 to 5 and rejects anything else', () => {
    expect(SeriesCue.safeParse({ id: 'yale-hrl-belarus', patterns: ['belarus'] }).success).toBe(
      true,
    );
    expect(
      SeriesCue.safeParse({ id: 'yale-hrl-belarus', patterns: ['belarus'], weight: 3 }).success,
    ).toBe(true);
    for (const weight of [0, 6, 2.5, '3', null])
      expect(
        SeriesCue.safeParse({ id: 'yale-hrl-belarus', patterns: ['belarus'], weight }).success,
      ).toBe(false);
    expect(
      SeriesCue.safeParse({ id: 'yale-hrl-belarus', patterns: ['belarus'], extra: 1 }).success,
    ).toBe(false);
  });
  it('the bundled lexicons weigh narrow series above the generic deported/verified count', () => {
    for (const lex of dataset.lexicon) {
      const parsed = Lexicon.parse(lex);
      const w = (id: string) =>
        Math.max(...parsed.seriesCues.filter((c) => c.id === id).map((c) => c.weight ?? 1));
      expect(w('ua-verified-deported'), lex.lang).toBe(1);
      expect(w('yale-hrl-belarus'), lex.lang).toBeGreaterThan(1);
      expect(w('yale-hrl-adoption-fostering'), lex.lang).toBeGreaterThan(1);
      expect(w('ua-returned'), lex.lang).toBeGreaterThan(1);
    }
  });
});
