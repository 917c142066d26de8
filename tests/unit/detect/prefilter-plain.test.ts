/**
 * A page's text made only of plain code units is told to hold no child or strong stem
 * without the loop over its units: the plain set must read as its lower case, and the
 * answer must never hide a stem the loop would find.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import {
  compileDetector,
  compilePrefilter,
  prefilterFromJSON,
  runPrefilterMask,
} from '@/lib/detect';
import {
  APOS,
  BRK,
  IGN,
  MARK,
  SEP,
  SLOW,
  charClass,
  foldChar,
  skeleton,
} from '@/lib/detect/normalize';
import { mayHoldChildWords, NEAR_ACTION, NEAR_PARTNER } from '@/lib/detect/prefilter';
import { groupPlainStems, holdsPlainStem, holdsUnplainUnit } from '@/lib/detect/prefilter-plain';
import { prefilterStems } from '@/lib/detect/prefilter-compile';
import {
  CHILD,
  COMMON_PLAIN_RUN,
  COMMON_PLAIN_RUNS,
  NOT_PLAIN,
  PLAIN_APOSTROPHES,
  PLAIN_IGNORABLES,
  STEM,
  STRONG,
} from '@/lib/detect/prefilter-format';

const detector = compileDetector(loadBundledDataset().lexicon);
const json = compilePrefilter(detector);
const pf = prefilterFromJSON(JSON.parse(JSON.stringify(json)));
const plainUnits: number[] = [];
for (let c = 0; c < 0x10000; c++) if (!NOT_PLAIN.test(String.fromCharCode(c))) plainUnits.push(c);

// Each test of the set goes through all 65,536 code units, several times: on a loaded
// machine that takes longer than Vitest's default five seconds (a harness limit, not a
// figure under test).
describe('the plain set', { timeout: 60_000 }, () => {
  it('reads every unit no word holds, or that is skipped, or as its lower case with nothing to fold beyond', () => {
    expect(plainUnits.length).toBeGreaterThan(40_000);
    const kinds = { outside: 0, skipped: 0, letters: 0 };
    for (const c of plainUnits) {
      const ch = String.fromCharCode(c);
      const lower = ch.toLowerCase();
      const k = charClass(c);
      // Its neighbours lower-case as they would without it.
      const around = `A${ch}a`.toLowerCase();
      expect([c, around.startsWith('a') && around.endsWith('a')]).toEqual([c, true]);
      if (k === SEP || k === BRK) {
        // No word holds it, so no stem does: its own lower case does not matter.
        kinds.outside++;
        continue;
      }
      if (k === IGN) {
        // Skipped inside a word by the reading, taken out before the search.
        expect([c, ch.replace(PLAIN_IGNORABLES, '')]).toEqual([c, '']);
        kinds.skipped++;
        continue;
      }
      kinds.letters++;
      expect([c, k === MARK || k === SLOW, lower.length]).toEqual([c, false, 1]);
      const read = k === APOS ? 0x27 : lower.charCodeAt(0);
      expect([c, foldChar(c), skeleton(foldChar(c))]).toEqual([c, read, read]);
      // What it reads as is plain too, and lower-cases alike beside other letters.
      expect([c, NOT_PLAIN.test(String.fromCharCode(read))]).toEqual([c, false]);
      expect([c, `A${ch}a ${ch}`.toLowerCase()]).toEqual([c, `a${lower}a ${lower}`]);
    }
    expect(kinds.outside).toBeGreaterThan(1000);
    expect(kinds.skipped).toBe(7);
    expect(kinds.letters).toBeGreaterThan(400);
  });
  it('holds every unit of its common runs, which cover most of it', () => {
    const common: number[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (String.fromCharCode(c).replace(COMMON_PLAIN_RUNS, '') === '') common.push(c);
    for (const c of common) expect([c, NOT_PLAIN.test(String.fromCharCode(c))]).toEqual([c, false]);
    expect(common.length).toBeGreaterThan(0.75 * plainUnits.length);
  });
  it('is told apart as NOT_PLAIN tells it, whatever the mix of units', () => {
    // Units of the common runs, plain units outside them, and units outside the set.
    const pick = [0x41, 0x20, 0xe9, 0x2019, 0x4e2d, 0x0131, 0x0219, 0x20ac, 0xe001, 0xd83d];
    pick.push(0x0430, 0x0301, 0xff4b, 0x0130, 0x00b5, 0x7f, 0x180e, 0xfeff, 0xac00, 0x3042);
    let unplain = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pick), { maxLength: 30 }), (codes) => {
        const text = String.fromCharCode(...codes);
        const expected = NOT_PLAIN.test(text);
        expect([text, holdsUnplainUnit(text)]).toEqual([text, expected]);
        if (expected) unplain++;
      }),
      { numRuns: 3000, seed: 3 },
    );
    expect(unplain).toBeGreaterThan(1000);
    // Every unit alone, beside common ones.
    for (let c = 0; c < 0x10000; c++) {
      const text = `a ${String.fromCharCode(c)}b`;
      if (holdsUnplainUnit(text) !== NOT_PLAIN.test(text)) expect(c).toBe(-1);
    }
  });
  it('reads one common run as its runs read, and tells long mixes as NOT_PLAIN does', () => {
    expect(COMMON_PLAIN_RUN.source).toBe(COMMON_PLAIN_RUNS.source.replace(/\+$/, '*'));
    // Many plain units outside the common runs (Polish and Romanian letters, the dotless i)
    // before a unit outside the set, or none: the one-by-one look and the pass after it.
    const uncommon = [0x0142, 0x015b, 0x017c, 0x0219, 0x021b, 0x0131];
    const outside = [0x0430, 0x0301, 0x0130, 0x03b1];
    let unplain = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...uncommon), { minLength: 20, maxLength: 80 }),
        fc.array(fc.constantFrom(0x61, 0x20, 0xe9), { maxLength: 3 }),
        fc.option(fc.constantFrom(...outside)),
        fc.nat(100),
        (many, between, last, where) => {
          const codes = many.flatMap((c) => [c, ...between]);
          if (last !== null) codes.splice(where % (codes.length + 1), 0, last);
          const text = String.fromCharCode(...codes);
          const expected = NOT_PLAIN.test(text);
          expect([text, holdsUnplainUnit(text)]).toEqual([text, expected]);
          if (expected) unplain++;
        },
      ),
      { numRuns: 2000, seed: 5 },
    );
    expect(unplain).toBeGreaterThan(500);
    // A unit outside the set after more uncommon ones than are looked at one by one.
    expect(holdsUnplainUnit(`${'ł'.repeat(100)}д`)).toBe(true);
    expect(holdsUnplainUnit(`${'ł a '.repeat(100)}`)).toBe(false);
  });
  it('takes out exactly its ignorables', () => {
    const ignorables = plainUnits.filter((c) => charClass(c) === IGN);
    const taken = plainUnits.filter(
      (c) => String.fromCharCode(c).replace(PLAIN_IGNORABLES, '') === '',
    );
    expect(taken).toEqual(ignorables);
  });
  it('names as apostrophes exactly its units other than U+0027 that read as one', () => {
    const apostrophes = plainUnits.filter((c) => c !== 0x27 && charClass(c) === APOS);
    const matched = plainUnits.filter(
      (c) => String.fromCharCode(c).replace(PLAIN_APOSTROPHES, '') === '',
    );
    expect(matched).toEqual(apostrophes);
    expect(apostrophes.length).toBeGreaterThan(3);
  });
});

describe('the plain stems', () => {
  const stems = pf.plainStems;
  it('hold every plain child and strong stem of the lexicon, as the trie reads it, none holding another', () => {
    const roles = prefilterStems(detector);
    const keys = `${roles.child} ${roles.strong}`.split(' ').filter(Boolean);
    let plain = 0;
    for (const key of keys) {
      const stem = key.replace(/\$$/u, '').slice(0, STEM);
      if (NOT_PLAIN.test(stem)) continue;
      plain++;
      expect([stem, stems.some((s) => stem.includes(s))]).toEqual([stem, true]);
    }
    expect(plain).toBeGreaterThan(50);
    for (const a of stems) for (const b of stems) if (a !== b) expect(a.includes(b)).toBe(false);
  });
  it('are refused when missing from a serialised pre-filter', () => {
    const { plainStems: _, ...without } = json;
    expect(() => prefilterFromJSON(without)).toThrow(/plain stems/u);
  });
});

describe('the search by groups of stems', () => {
  const some = (text: string, stems: readonly string[]) => stems.some((s) => text.includes(s));
  it('groups every stem once, under the units it begins with', () => {
    const groups = groupPlainStems(pf.plainStems);
    expect(groups.flatMap(([, stems]) => stems).sort()).toEqual([...pf.plainStems].sort());
    for (const [key, stems] of groups)
      for (const stem of stems) expect(stem.startsWith(key)).toBe(true);
    // Stems that begin alike share a search.
    expect(groups.length).toBeLessThan(pf.plainStems.length);
    expect(pf.plainGroups).toEqual(groups);
  });
  it('finds a stem exactly when one of them occurs, keys and near misses around it', () => {
    // Stems over a small alphabet, so keys recur, overlap and nearly match everywhere.
    const letters = fc.constantFrom('a', 'b', 'c', 'ab', 'ba', 'é');
    const stem = fc.array(letters, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    let found = 0;
    let missed = 0;
    fc.assert(
      fc.property(
        fc.array(stem, { minLength: 1, maxLength: 6 }),
        fc.array(letters, { maxLength: 40 }),
        (stems, parts) => {
          const text = parts.join('');
          const expected = some(text, stems);
          expect(holdsPlainStem(text, groupPlainStems(stems))).toBe(expected);
          if (expected) found++;
          else missed++;
        },
      ),
      { numRuns: 3000, seed: 11 },
    );
    expect(Math.min(found, missed)).toBeGreaterThan(300);
  });
  it('finds the lexicon stems as a search for each would, in text around them', () => {
    const around = fc.constantFrom('', ' ', 'chi', 'ki', 'dzie', 'which', 'infa', 'ragaz', 'x');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(around, fc.constantFrom(...pf.plainStems)), { maxLength: 8 }),
        (parts) => {
          const text = parts.join('');
          expect(holdsPlainStem(text, pf.plainGroups)).toBe(some(text, pf.plainStems));
        },
      ),
      { numRuns: 2000, seed: 5 },
    );
    expect(holdsPlainStem('which china dziewczyna infant', pf.plainGroups)).toBe(true);
    expect(holdsPlainStem('which china dziewczyna', pf.plainGroups)).toBe(false);
  });
});

describe('mayHoldChildWords', () => {
  const words = [
    ...['The', 'CHILDREN', 'Kids', 'kidney', 'Kinder', 'niños', 'Enfants', 'dzieci', 'copiii'],
    ...['Lvova-Belova', 'BRING', 'back', 'deported', 'Ukraine', 'Russia', 'school', 'weather'],
    ...['l’enfant', 'bambini', 'Mädchen', 'ÉCOLIERS', 'kind', 'minority', '2024', 'lentils'],
    // Soft hyphens and zero-width characters inside words, Romanian comma letters, CJK.
    ...['chil\u00ADdren', 'de\u00ADpor\u200Bted', 'Kin\u2060der', 'copi\uFEFFii', 'băieți'],
    ...['FETIȚE', 'școală', 'bebeluș', '儿童', '子供たち', '어린이', 'x\u00ADkids'],
  ];
  const gaps = [' ', '\n', '. ', ', ', '’', '“', '—', '\t', '\u00A0', '-', "'", '´'];
  // Units no word holds: emoji (surrogate pairs), arrows, signs, CJK and full-width
  // punctuation, an icon font's private use, an enclosed number, a zero-width space.
  gaps.push('😀', ' → ', '±', '™', '★', '。', '，', '、', '\uE001', '①', '\u200B', '\u00AD');
  const plainText = fc
    .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { maxLength: 60 })
    .map((pairs) => pairs.map(([w, g]) => w + g).join(''));
  it('says false only when the reading unit by unit finds no child or strong word', () => {
    const told = CHILD | STRONG | NEAR_ACTION | NEAR_PARTNER;
    let unread = 0;
    fc.assert(
      fc.property(plainText, (text) => {
        if (mayHoldChildWords(pf, text)) return;
        unread++;
        expect(runPrefilterMask(pf, text) & told).toBe(0);
      }),
      { numRuns: 1000 },
    );
    expect(unread).toBeGreaterThan(10);
  });
  it('says false only then on any mix of stems, cut by plain units, and plain units', () => {
    const units = [' ', '\u00AD', '\u200B', '\u2060', '\uFEFF', '’', '\uFF07', '-', '0'];
    units.push('\uD83D', '\uDE00', '→', '。', '，', '儿', '\uE001', 'ș', 'Ț', 'x', 'E');
    // A stem, in either case, with one unit put in it somewhere (or at either end).
    const cutStem = fc
      .tuple(fc.constantFrom(...pf.plainStems), fc.nat(), fc.constantFrom(...units), fc.boolean())
      .map(([stem, at, unit, upper]) => {
        const cased = upper ? stem.toUpperCase() : stem;
        const k = at % (cased.length + 1);
        return cased.slice(0, k) + unit + cased.slice(k);
      });
    const told = CHILD | STRONG | NEAR_ACTION | NEAR_PARTNER;
    let unread = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(cutStem, fc.constantFrom(...units)), { maxLength: 12 }),
        (parts) => {
          const text = parts.join('');
          if (mayHoldChildWords(pf, text)) return;
          unread++;
          expect(runPrefilterMask(pf, text) & told).toBe(0);
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
    expect(unread).toBeGreaterThan(100);
  });
  it('reads plain text without stems as false, and stems in any case or apostrophe as true', () => {
    expect(mayHoldChildWords(pf, 'Rinse the lentils; the weather in Ukraine was fine.')).toBe(
      false,
    );
    expect(mayHoldChildWords(pf, 'The CHILDREN were deported.')).toBe(true);
    expect(mayHoldChildWords(pf, 'Des ÉCOLIERS ont été emmenés.')).toBe(true);
    expect(mayHoldChildWords(pf, 'l’enfant')).toBe(true);
  });
  it('finds stems across soft hyphens and zero-width characters, as the reading does', () => {
    for (const text of ['chil\u00ADdren', 'Kin\u200Bder 😀', 'bă\u00ADieți', 'fetițe'])
      expect([text, mayHoldChildWords(pf, text)]).toEqual([text, true]);
    expect(mayHoldChildWords(pf, 'Die Wet\u00ADter\u200Blage → 儿 😀 ★ lentils')).toBe(false);
  });
  it('leaves text with units outside the plain set to the reading unit by unit', () => {
    // A Cyrillic look-alike, a full-width letter, a combining mark, a Cyrillic word.
    for (const text of ['сhildren', 'ｋｉｄｓ', 'de\u0301ti', 'дети'])
      expect([text, mayHoldChildWords(pf, text)]).toEqual([text, true]);
  });
});
