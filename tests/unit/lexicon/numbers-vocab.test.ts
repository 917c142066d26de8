/**
 * Number vocabularies are lexicon data: validated by the lexicon schema, merged by the
 * compiler, serialised with the detector, and the only source of the reader's words.
 */
import { describe, expect, it } from 'vitest';
import { Lexicon, NumberQualifier, NumberVocabulary } from '../../../lib/dataset/lexicon';
import { Qualifier } from '../../../lib/dataset/schema';
import { compileDetector, hydrateDetector, readNumbers } from '../../../lib/detect/index';
import { bundledLexicons, tinyLexicon } from '../../fixtures/detect/lexicons';

const empty = {
  scale: [],
  abbreviations: [],
  afterDigitsOnly: [],
  words: [],
  ambiguous: [],
  vague: [],
  few: [],
  indefinite: [],
  of: [],
  scaleLink: [],
  and: [],
  percentLead: [],
  months: [],
  units: [],
  notBefore: [],
  qualifiers: [],
};
const values = (det: ReturnType<typeof compileDetector>, text: string) =>
  readNumbers(text, 0, text.length, { childAt: () => true, vocab: det.numbers }).map(
    (n) => n.value,
  );

describe('number vocabularies in the lexicon data', () => {
  it('every bundled lexicon has one, and the schema accepts it', () => {
    for (const lex of bundledLexicons) {
      expect(lex.numbers, lex.lang).toBeDefined();
      expect(NumberVocabulary.safeParse(lex.numbers).success).toBe(true);
    }
  });
  it('rejects what is not a word list, a bad value or an unknown qualifier', () => {
    expect(NumberVocabulary.safeParse(empty).success).toBe(true);
    for (const bad of [
      { ...empty, words: [{ value: 0, words: ['zero'] }] },
      { ...empty, words: [{ value: 7, words: ['seven children'] }] },
      { ...empty, scale: [{ value: 500, words: ['fivehundred'] }] },
      { ...empty, units: ['(year|month)'] },
      { ...empty, qualifiers: [{ phrase: 'more than', qualifier: 'exact' }] },
      { ...empty, qualifiers: [{ phrase: 'more.*than', qualifier: 'more-than' }] },
      { ...empty, extra: [] },
    ])
      expect(NumberVocabulary.safeParse(bad).success).toBe(false);
  });
  it('its qualifiers are the dataset qualifiers other than exact', () => {
    expect([...NumberQualifier.options].sort()).toEqual(
      Qualifier.options.filter((q) => q !== 'exact').sort(),
    );
  });
  it('the reader knows only the words the data gives it', () => {
    const without = compileDetector([tinyLexicon]);
    expect(values(without, 'seven children')).toEqual([]);
    expect(values(without, '700 тысяч детей')).toEqual([700]);
    const lex = Lexicon.parse({
      ...tinyLexicon,
      numbers: {
        ...empty,
        words: [{ value: 7, words: ['seven'] }],
        scale: [{ value: 1000, words: ['thousand'] }],
        qualifiers: [{ phrase: 'well over', qualifier: 'more-than' }],
      },
    });
    const withWords = compileDetector([lex]);
    expect(values(withWords, 'seven children')).toEqual([7]);
    expect(values(withWords, 'seven thousand children')).toEqual([7000]);
    const [n] = readNumbers('well over 300 children', 0, 22, { vocab: withWords.numbers });
    expect(n?.qualifier).toBe('more-than');
  });
  it('travels with the serialised detector', () => {
    const det = compileDetector(bundledLexicons);
    const again = hydrateDetector(JSON.parse(JSON.stringify(det.json)));
    const text = 'peste 700 de mii de copii, понад 19,5 тисячі дітей, a few hundred children';
    expect(values(again, text)).toEqual(values(det, text));
    expect(values(again, text)).toEqual([700000, 19500, 300]);
    expect(() =>
      hydrateDetector({ ...det.json, numbers: { ...det.json.numbers, words: [] } }),
    ).toThrow(TypeError);
  });
});
