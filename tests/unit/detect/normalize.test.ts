import { describe, expect, it, vi } from 'vitest';
import {
  CLASS,
  FOLD,
  LETTER_OTHER,
  charClass,
  classByProperties,
  computeFold,
  foldWord,
  learnAllKnownPages,
  normalizeWithMap,
} from '../../../lib/detect/normalize';
import { KNOWN_CLASSES, PLAIN_LETTER_BLOCKS, knownRuns } from '../../../lib/detect/known-classes';
import { compileDetector, findHits } from '../../../lib/detect/index';
import { tinyLexicon } from '../../fixtures/detect/lexicons';

const det = compileDetector([tinyLexicon]);
const quotes = (text: string) => [
  ...new Set(findHits(det, text).map((h) => text.slice(h.start, h.end))),
];

describe('foldWord', () => {
  it.each([
    ['CHILDREN', 'children'],
    ['Дети', 'дети'],
    ['ЁЛКА', 'елка'],
    ['чим’я', "чим'я"],
    ['чимʼя', "чим'я"],
    ['chil\u00ADdren', 'children'],
    ['chil\u200Bdren', 'children'],
    ['ﬁle', 'file'],
    ['ＫＩＤＳ', 'kids'],
    ['forţat', 'forțat'],
    ['де\u0301ти', 'дети'],
    ['Rus\u0455ia', 'russia'],
    ['e\u0301te\u0301', 'été'],
    // Latin look-alikes inside a Cyrillic word, and the reverse
    ['дeти', 'дети'],
    ['сhildrеn', 'children'],
    // Words that fold to themselves (returned as they are), and near misses
    ['children', 'children'],
    ['дети', 'дети'],
    ['дiти', 'діти'],
    ['де\u00ADти', 'дети'],
    ["l'enfant", "l'enfant"],
  ])('%j → %j', (input, folded) => {
    expect(foldWord(input)).toBe(folded);
  });
});

describe('matching keeps exact offsets of the original text', () => {
  it('soft hyphens, zero-width characters and look-alikes inside words', () => {
    const text = 'Chil\u00ADdren were de\u200Bported to Rus\u0455ia.';
    expect(quotes(text)).toEqual([
      'Chil\u00ADdren',
      'de\u200Bported',
      'to Rus\u0455ia',
      'Rus\u0455ia',
    ]);
  });
  it('emoji and surrogate pairs before a match', () => {
    const text = '🇺🇦👶🏽 children 😢 deported';
    expect(quotes(text)).toEqual(['children', 'deported']);
    const h = findHits(det, text)[0]!;
    expect(h.start).toBe(text.indexOf('children'));
  });
  it('combining marks stay inside the matched span', () => {
    const text = 'kid\u0332s deported';
    expect(quotes(text)).toEqual(['kid\u0332s', 'deported']);
    // A mark that composes (i + acute = í) makes another letter: no match.
    expect(quotes('ki\u0301ds')).toEqual([]);
  });
  it('no-break and thin spaces separate words; phrases match across them', () => {
    expect(quotes('deported to\u00A0Russia')).toEqual(['deported', 'to\u00A0Russia', 'Russia']);
    expect(quotes('forcibly\u2009transferred')).toEqual(['forcibly\u2009transferred']);
  });
  it('a sentence break ends a phrase', () => {
    expect(quotes('They went to. Russia')).toEqual(['Russia']);
  });
  it('possessives and elision', () => {
    expect(quotes("the children's fate in Ukraine's east")).toEqual(["children's", "Ukraine's"]);
  });
});

describe('normalizeWithMap', () => {
  it('maps every normalised unit back into the original', () => {
    const text = 'Де\u00ADти — 🇺🇦 CHILDREN’s\u00A0fate';
    const { text: norm, map } = normalizeWithMap(text);
    expect(norm).toBe("дети — 🇺🇦 children's fate");
    expect(map).toHaveLength(norm.length + 1);
    expect(map[norm.length]).toBe(text.length);
    for (let i = 0; i < norm.length; i++) {
      expect(map[i]).toBeGreaterThanOrEqual(0);
      expect(map[i]).toBeLessThan(text.length);
    }
    expect(text[map[norm.indexOf('children')]!]).toBe('C');
    expect(text[map[2]!]).toBe('т'); // after the soft hyphen
  });
});

describe('the classes known at load', () => {
  it('are the classes and folds worked out from Unicode, for every code unit they hold', () => {
    learnAllKnownPages();
    for (let c = 0; c < 0x10000; c++) {
      if (CLASS[c] === 255) continue;
      expect([c, CLASS[c]]).toEqual([c, classByProperties(c)]);
      expect([c, FOLD[c]]).toEqual([c, computeFold(c)]);
    }
    // ASCII, Latin-1 and Extended-A, ș and ț, Greek, Cyrillic, punctuation, currency and
    // symbols, CJK punctuation and full-width forms, but İ.
    const ranges = [
      [0, 0x17f],
      [0x218, 0x21b],
      [0x370, 0x3ff],
      [0x400, 0x45f],
      [0x490, 0x491],
      [0x2000, 0x206f],
      [0x20a0, 0x20cf],
      [0x2100, 0x22ff],
      [0x25a0, 0x27bf],
      [0x3000, 0x303f],
      [0x30fb, 0x30fc],
      [0xff00, 0xffef],
    ];
    const missing: number[] = [];
    for (const [from, to] of ranges)
      for (let c = from!; c <= to!; c++) if (CLASS[c] === 255) missing.push(c);
    expect(missing).toEqual([0x130]);
  });

  it('decodes each range of known classes into runs that end where the range says', () => {
    for (let e = 0; e < KNOWN_CLASSES.length; e++) {
      const [from, end] = KNOWN_CLASSES[e]!;
      const runs = knownRuns(e);
      expect(runs[0]!.from).toBe(from);
      for (let r = 1; r < runs.length; r++) expect(runs[r]!.from).toBe(runs[r - 1]!.end);
      expect(runs.at(-1)!.end).toBe(end);
      if (e > 0) expect(from).toBeGreaterThanOrEqual(KNOWN_CLASSES[e - 1]![1]);
    }
  });

  it('knows the plain letter blocks without Unicode tests: each unit a caseless letter that folds to itself', () => {
    learnAllKnownPages();
    let units = 0;
    for (const [from, to] of PLAIN_LETTER_BLOCKS)
      for (let c = from; c <= to; c++) {
        if (classByProperties(c) !== LETTER_OTHER || computeFold(c) !== c)
          expect([c, classByProperties(c), computeFold(c)]).toEqual([c, LETTER_OTHER, c]);
        // Learnt with their page, not worked out.
        if (CLASS[c] !== LETTER_OTHER || FOLD[c] !== c)
          expect([c, CLASS[c], FOLD[c]]).toEqual([c, LETTER_OTHER, c]);
        units++;
      }
    expect(units).toBe(38_932);
  });

  it('works every other unit out from its properties', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (PLAIN_LETTER_BLOCKS.some(([from, to]) => c >= from && c <= to)) continue;
      if (charClass(c) !== classByProperties(c))
        expect([c, charClass(c)]).toEqual([c, classByProperties(c)]);
    }
  });
});

describe('the known classes are learnt when first needed', () => {
  it('loading the module makes no table; the first class or fold asked for fills its page of 256 units', async () => {
    vi.resetModules();
    const fresh = await import('@/lib/detect/normalize');
    expect([fresh.CLASS.length, fresh.FOLD.length]).toEqual([0, 0]);
    expect(fresh.foldChar(0x41)).toBe(0x61);
    expect([fresh.CLASS.length, fresh.FOLD.length]).toEqual([65536, 65536]);
    // ASCII and Latin-1 are known now; Cyrillic and punctuation only once asked for.
    expect([fresh.CLASS[0x61], fresh.CLASS[0xe9], fresh.FOLD[0xc9]]).toEqual([
      fresh.LAT,
      fresh.LAT,
      0xe9,
    ]);
    expect([fresh.CLASS[0x434], fresh.CLASS[0x2019]]).toEqual([255, 255]);
    expect(fresh.charClass(0x414)).toBe(fresh.CYR);
    expect([fresh.CLASS[0x434], fresh.FOLD[0x414], fresh.CLASS[0x2019]]).toEqual([
      fresh.CYR,
      0x434,
      255,
    ]);
    vi.resetModules();
    const other = await import('@/lib/detect/normalize');
    expect(other.charClass(0x2019)).toBe(other.APOS);
    expect(other.FOLD[0x2019]).toBe(0x27);
    expect(other.CLASS[0x61]).toBe(255);
  });
  it('makes its tables for whichever is called first: a skeleton, a look-alike, a word', async () => {
    vi.resetModules();
    const first = await import('@/lib/detect/normalize');
    // Cyrillic а (U+0430) is Latin a (U+0061) in the pre-filter's skeleton.
    expect(first.skeleton(0x430)).toBe(0x61);
    vi.resetModules();
    const second = await import('@/lib/detect/normalize');
    expect(second.lookalike(0x61, second.CYR)).toBe(0x430);
    vi.resetModules();
    const third = await import('@/lib/detect/normalize');
    expect(third.foldWord('ДЕТИ')).toBe('дети');
    expect(third.CLASS.length).toBe(65536);
  });
  it('learns a page whole, and İ (two units in lower case) only when met', async () => {
    vi.resetModules();
    const fresh = await import('@/lib/detect/normalize');
    expect(fresh.charClass(0x100)).toBe(fresh.LAT);
    expect(fresh.CLASS[0x17f]).not.toBe(255);
    expect(fresh.CLASS[0x130]).toBe(255);
    expect(fresh.foldChar(0x130)).toBe(computeFold(0x130));
    expect(fresh.charClass(0x130)).toBe(classByProperties(0x130));
  });
  it('learns a page of a plain letter block whole, where the block covers it', async () => {
    vi.resetModules();
    const fresh = await import('@/lib/detect/normalize');
    // 中 (U+4E2D): its page is U+4E00 to U+4EFF, all in the CJK ideographs.
    expect(fresh.charClass(0x4e2d)).toBe(fresh.LETTER_OTHER);
    expect([fresh.CLASS[0x4e00], fresh.CLASS[0x4eff], fresh.FOLD[0x4e8c]]).toEqual([
      fresh.LETTER_OTHER,
      fresh.LETTER_OTHER,
      0x4e8c,
    ]);
    expect(fresh.CLASS[0x4f00]).toBe(255);
    // The page of U+3000 holds hiragana (U+3041 to U+3096) and katakana, and units of no
    // block between them: those keep their own class.
    expect(fresh.charClass(0x3042)).toBe(fresh.LETTER_OTHER);
    expect(fresh.CLASS[0x3096]).toBe(fresh.LETTER_OTHER);
    expect(fresh.charClass(0x3097)).toBe(classByProperties(0x3097));
  });
});
