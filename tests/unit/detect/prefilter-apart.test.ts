/**
 * Words that a page's markup runs together in its `textContent` (no white space between a
 * heading and its paragraph) are read apart by stage 1, so that it sees a stem at the
 * start of a block as stage 2, reading each block on its own, does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePrefilter, prefilterFromJSON } from '@/lib/detect';
import { prefilterPasses, runPrefilterMask, wordsApart } from '@/lib/detect/prefilter';
import { bundledDetector } from '../../fixtures/detect/detector';

const pf = prefilterFromJSON(compilePrefilter(bundledDetector()));
const passes = (text: string) => {
  const apart = wordsApart(pf, text);
  return prefilterPasses(runPrefilterMask(pf, text) | (apart ? runPrefilterMask(pf, apart) : 0));
};

describe('wordsApart', () => {
  it('puts a space where a block’s first word with a stem ran into the last one before', () => {
    const text = 'War in UkraineChildren were deported to Russia from Kherson.';
    expect(prefilterPasses(runPrefilterMask(pf, text))).toBe(false);
    expect(wordsApart(pf, text)).toContain('Ukraine Children were');
    expect(passes(text)).toBe(true);
  });

  it('after a capital, a digit or in Cyrillic as well', () => {
    for (const text of [
      'News from the USAChildren were deported to Russia from Kherson.',
      'Updated 12:05 2023Children were deported to Russia from Kherson.',
      'Війна в УкраїніДітей депортували до Росії з Херсона.',
    ])
      expect([text, passes(text)]).toEqual([text, true]);
  });

  it('leaves a text alone when no word ran into another, or the one after holds no stem', () => {
    expect(wordsApart(pf, 'Children were deported to Russia.')).toBeNull();
    expect(wordsApart(pf, 'An iPhone, a McDonald’s and YouTube in 2024Q3.')).toBeNull();
  });

  it('never loses a pass: whatever ran together, the blocks read apart pass only if this does', () => {
    const tails = ['in Kyiv', 'by the USA', 'at 10:00', 'Kherson', 'the war', 'a report'];
    const heads = [
      'Children were deported to Russia.',
      'Kids were taken to Russia from Mariupol.',
      'Kinder wurden nach Russland deportiert.',
      'Deportation of Ukrainian children continues.',
      'The weather was mild.',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...tails), fc.constantFrom(...heads)), {
          minLength: 1,
          maxLength: 6,
        }),
        (blocks) => {
          const apart = blocks.map(([tail, head]) => `${tail}\n${head}`).join('\n');
          const together = blocks.map(([tail, head]) => `${tail}${head}`).join('');
          if (prefilterPasses(runPrefilterMask(pf, apart))) expect(passes(together)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
