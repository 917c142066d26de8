import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../lib/dataset/lexicon';
import { compileDetector, compileLexicons, detectBlocks, detectorFromJSON, hydrateDetector, isSafePattern, patternWords } from '../../../lib/detect/index';
import { bundledLexicons, tinyLexicon } from '../../fixtures/detect/lexicons';

describe('safe pattern language', () => {
  it.each(['deport*', 'forcibly transferred', 'lvova-belova', "children's", 'дети', '700 000', 'évacué*'])('accepts %j', (p) => {
    expect(isSafePattern(p)).toBe(true);
    expect(() => patternWords(p)).not.toThrow();
  });
  it.each(['dep.rt', 'a|b', '(kids)', 'kid+', '[a-z]+', '.*', '^kids$', 'kid?', '<b>kids</b>', 'kids  now', ' kids', '*kids', 'ki*ds', 'a\\d', 'x', 'kids\n', 'a{2,}'])(
    'rejects %j',
    (p) => {
      expect(isSafePattern(p)).toBe(false);
      expect(() => patternWords(p)).toThrow();
      expect(Lexicon.safeParse({ ...tinyLexicon, child: [p] }).success).toBe(false);
    },
  );
  it('hyphenated words become phrases', () => {
    expect(patternWords('Lvova-Belova')).toEqual(['lvova', 'belova']);
  });
});

describe('serialise and hydrate', () => {
  it('round-trips through JSON and behaves identically', () => {
    const det = compileDetector(bundledLexicons, [{ series: 'ua-verified-deported', value: 19546, asOf: '2023-10' }]);
    const json = JSON.stringify(det.json);
    const again = detectorFromJSON(json);
    expect(JSON.stringify(again.json)).toBe(json);
    const blocks = [{ text: 'Russia has deported 19,546 Ukrainian children, Kyiv says.' }, { text: 'The weather is fine.' }];
    expect(detectBlocks(again, blocks)).toEqual(detectBlocks(det, blocks));
    expect(detectBlocks(again, blocks)[0]!.relevant).toBe(true);
  });
  it('is plain JSON of modest size', () => {
    const json = compileLexicons(bundledLexicons);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(JSON.stringify(json).length).toBeLessThan(400_000);
  });
  it('rejects malformed serialised detectors', () => {
    expect(() => hydrateDetector({})).toThrow(TypeError);
    expect(() => hydrateDetector({ ...compileLexicons([tinyLexicon]), terms: [[0, null, 'en', 'x', [999]]] })).toThrow(TypeError);
    expect(() => hydrateDetector(null)).toThrow(TypeError);
  });
});
