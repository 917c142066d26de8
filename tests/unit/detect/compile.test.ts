import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../lib/dataset/lexicon';
import {
  compileDetector,
  compileLexicons,
  compilePrefilter,
  detectBlocks,
  detectorFromJSON,
  GROUPS,
  hydrateDetector,
  isSafePattern,
  patternWords,
  prefilter,
  prefilterFromJSON,
  runPrefilter,
} from '../../../lib/detect/index';
import { bundledLexicons, tinyLexicon } from '../../fixtures/detect/lexicons';

describe('safe pattern language', () => {
  it.each([
    'deport*',
    'forcibly transferred',
    'lvova-belova',
    "children's",
    'дети',
    '700 000',
    'évacué*',
  ])('accepts %j', (p) => {
    expect(isSafePattern(p)).toBe(true);
    expect(() => patternWords(p)).not.toThrow();
  });
  it.each([
    'dep.rt',
    'a|b',
    '(kids)',
    'kid+',
    '[a-z]+',
    '.*',
    '^kids$',
    'kid?',
    '<b>kids</b>',
    'kids  now',
    ' kids',
    '*kids',
    'ki*ds',
    'a\\d',
    'x',
    'kids\n',
    'a{2,}',
  ])('rejects %j', (p) => {
    expect(isSafePattern(p)).toBe(false);
    expect(() => patternWords(p)).toThrow();
    expect(Lexicon.safeParse({ ...tinyLexicon, child: [p] }).success).toBe(false);
  });
  it('hyphenated words become phrases', () => {
    expect(patternWords('Lvova-Belova')).toEqual(['lvova', 'belova']);
  });
});

describe('serialise and hydrate', () => {
  it('round-trips through JSON and behaves identically', () => {
    const det = compileDetector(bundledLexicons, [
      { series: 'ua-verified-deported', value: 19546, asOf: '2023-10' },
    ]);
    const json = JSON.stringify(det.json);
    const again = detectorFromJSON(json);
    expect(JSON.stringify(again.json)).toBe(json);
    const blocks = [
      { text: 'Russia has deported 19,546 Ukrainian children, Kyiv says.' },
      { text: 'The weather is fine.' },
    ];
    expect(detectBlocks(again, blocks)).toEqual(detectBlocks(det, blocks));
    expect(detectBlocks(again, blocks)[0]!.relevant).toBe(true);
  });
  it('is plain JSON of modest size', () => {
    const json = compileLexicons(bundledLexicons);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(JSON.stringify(json).length).toBeLessThan(400_000);
  });
  it('reads only its own format (an older stored detector is recompiled, not read)', () => {
    const json = compileLexicons([tinyLexicon]);
    expect(json.format).toBe('cdc-detector/3');
    expect(() => hydrateDetector({ ...json, format: 'cdc-detector/2' })).toThrow(TypeError);
    expect(() => hydrateDetector({ ...json, format: 'cdc-detector/1' })).toThrow(TypeError);
  });
  it('keeps each series cue weight through serialisation', () => {
    const det = compileDetector(bundledLexicons);
    const again = hydrateDetector(JSON.parse(JSON.stringify(det.json)));
    expect(again.terms.map((t) => t.weight)).toEqual(det.terms.map((t) => t.weight));
    const belarus = det.terms.find((t) => t.ref === 'yale-hrl-belarus' && t.pattern === 'belarus');
    const deported = det.terms.find(
      (t) => t.ref === 'ua-verified-deported' && t.pattern === 'deported',
    );
    expect(belarus?.weight).toBeGreaterThan(deported!.weight);
    for (const t of det.terms) if (GROUPS[t.group] !== 'series') expect(t.weight).toBe(1);
  });
  it('rejects malformed compact term runs', () => {
    const json = compileLexicons([tinyLexicon]);
    const run = json.terms[0]!;
    for (const bad of ['', 'zz.', '.1', '1..2', 'A', '999999']) {
      const terms = [[run[0], run[1], run[2], 'x', bad, 1], ...json.terms.slice(1)];
      expect(() => hydrateDetector({ ...json, terms })).toThrow(TypeError);
    }
    expect(() => hydrateDetector({ ...json, terms: [[0, null, 'en', 'a|b', '1', 1]] })).toThrow(
      TypeError,
    );
    for (const weight of [0, 1.5, '2', null]) {
      const terms = [[run[0], run[1], run[2], run[3], run[4], weight], ...json.terms.slice(1)];
      expect(() => hydrateDetector({ ...json, terms })).toThrow(TypeError);
    }
    expect(() => hydrateDetector({ ...json, terms: [run.slice(0, 5)] })).toThrow(TypeError);
    expect(() => hydrateDetector({ ...json, words: ['a'] })).toThrow(TypeError);
    // A word id just past the last word, and an empty or over-long word.
    const past = json.words.split(' ').length.toString(36);
    const terms = [[run[0], run[1], run[2], 'x', past, 1], ...json.terms.slice(1)];
    expect(() => hydrateDetector({ ...json, terms })).toThrow(/term words/);
    expect(() => hydrateDetector({ ...json, words: `${json.words}  x` })).toThrow(/words/);
    expect(() => hydrateDetector({ ...json, words: `${json.words} ${'x'.repeat(81)}` })).toThrow(
      /words/,
    );
  });
  it('rejects malformed serialised detectors', () => {
    expect(() => hydrateDetector({})).toThrow(TypeError);
    expect(() =>
      hydrateDetector({ ...compileLexicons([tinyLexicon]), terms: [[0, null, 'en', 'x', [999]]] }),
    ).toThrow(TypeError);
    expect(() => hydrateDetector(null)).toThrow(TypeError);
  });
});

describe('the separate pre-filter', () => {
  const det = compileDetector(bundledLexicons);
  it('is small plain JSON (under 16 kB), built from a detector, its JSON or the lexicons alike', () => {
    const json = compilePrefilter(det);
    expect(JSON.stringify(json).length).toBeLessThan(16_000);
    expect(compilePrefilter(det.json)).toEqual(json);
    expect(compilePrefilter(bundledLexicons)).toEqual(json);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
  it('answers like the detector pre-filter', () => {
    const pf = prefilterFromJSON(JSON.stringify(compilePrefilter(det)));
    for (const text of [
      'Russia has deported 19,546 Ukrainian children, Kyiv says.',
      'The weather is fine and the children play in the park.',
      'Діти були депортовані до Росії.',
      'Die Kinder wurden nach Russland verschleppt.',
      'Kinder spielen im Park.',
      '',
    ]) {
      expect(runPrefilter(pf, text)).toBe(prefilter(det, text));
    }
    expect(runPrefilter(pf, 'Russia has deported 19,546 Ukrainian children, Kyiv says.')).toBe(
      true,
    );
    expect(runPrefilter(pf, 'The weather is fine.')).toBe(false);
  });
  it('rejects malformed pre-filters', () => {
    expect(() => prefilterFromJSON({})).toThrow(TypeError);
    expect(() =>
      prefilterFromJSON({
        format: 'cdc-prefilter/2',
        strong: 1,
        child: '',
        place: '',
        action: '',
        partner: '',
      }),
    ).toThrow(TypeError);
  });
});
