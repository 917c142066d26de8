/**
 * The eval's label reader: the value a labelled number string says, read by a table of its
 * own (not the engine's `readNumbers`), so that a wrong engine reading cannot grade itself.
 */
import { describe, expect, it } from 'vitest';
import { labelValue } from '../../../scripts/eval';
import { compileDetector, readNumbers } from '../../../lib/detect/index';
import { bundledLexicons } from '../../fixtures/detect/lexicons';

const { numbers: vocab } = compileDetector(bundledLexicons);

describe('eval: labelled numbers are read from the label itself', () => {
  it.each<[string, number]>([
    ['19,546', 19546],
    ['19 546', 19546],
    ['19.546', 19546],
    ['19\u00A0546', 19546],
    ['700 000', 700000],
    ['8.4k', 8400],
    ['20k', 20000],
    ['16 tys.', 16000],
    ['730 тысяч', 730000],
    ['19 тысяч 505', 19505],
    ['две тысячи', 2000],
    ['пять', 5],
    ['семеро', 7],
    ['Mii', 1000],
    ['700 de mii', 700000],
    ['4,8 milioane', 4800000],
    ['hundreds of thousands', 100000],
    ['tens of thousands', 10000],
    ['des centaines', 100],
    ['a few hundred', 300],
  ])('%j is %d', (label, value) => {
    expect(labelValue(label)).toBe(value);
  });
  it('is null for a label with no number in it', () => {
    expect(labelValue('children')).toBeNull();
    expect(labelValue('')).toBeNull();
  });
  it('agrees with the engine on labels the engine reads right', () => {
    for (const label of ['19,546', '700 000', 'hundreds of thousands', '730 тысяч', '700 de mii'])
      expect(readNumbers(label, 0, label.length, { childAt: () => true, vocab })[0]?.value).toBe(
        labelValue(label),
      );
  });
});
