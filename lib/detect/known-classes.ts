/**
 * The character classes the normalizer (`normalize.ts`) knows without working them out
 * from Unicode properties: a table of ranges, and the blocks of caseless letters. Data
 * and its decoding only; the normalizer learns them into its memo tables a page of 256
 * code units at a time.
 */

/**
 * Blocks whose every code unit is a letter without case that folds to itself (kana, CJK
 * ideographs, Hangul syllables; a test checks each unit against `classByProperties`). A
 * page in Chinese, Japanese or Korean meets thousands of distinct ones: the normalizer
 * learns them 256 code units at a time, as it does `KNOWN_CLASSES`, without a Unicode
 * test for any.
 */
export const PLAIN_LETTER_BLOCKS: readonly (readonly [number, number])[] = [
  [0x3041, 0x3096],
  [0x30a1, 0x30fa],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
];

/**
 * The classes of the code units of most text in the detector's languages (ASCII, Latin-1
 * and Extended-A, Romanian comma letters, Greek, Cyrillic, general punctuation, currency,
 * letter-like symbols, arrows, mathematical operators, shapes, symbols and dingbats) and of
 * the punctuation of CJK text (its symbols and full-width forms), known
 * before the first page is read: working a class out costs several Unicode
 * regular-expression tests, and compiling those is the first thing a page with an accented
 * letter or a curly quote would pay for. Per range: its first code unit, the unit after
 * its last, and its runs of one class (the class value, then how many code units in base
 * 36; none: one). A test checks every code unit against `classByProperties`, the folds
 * against `computeFold`, and that each range's runs end where it says. The class values
 * are those of `normalize.ts` (`SEP` 0 to `BRK` 9).
 */
export const KNOWN_CLASSES: readonly (readonly [number, number, string])[] = [
  [
    0x0000,
    0x0180,
    '0a 9 02 9 0j 9 05 7 06 9 0 4a 92 03 9 0 1q 05 7 1q 01b 8 02 6 04 32 7 8 03 3 8 0 33 0 1n 0 1v 0 11m 82 1b 82 18 8 11h 8',
  ],
  [0x0218, 0x021c, '14'],
  [0x0370, 0x0400, '34 8 0 32 02 8 33 0 3 06 3 0 33 0 3 0 3k 0 319 87 3p 83 3 82 0 32 8 36'],
  [0x0400, 0x0460, '22o'],
  [0x0490, 0x0492, '22'],
  [0x2000, 0x2070, '0b 63 0a 72 0c 9 0 92 08 7 019 6 0f'],
  [0x20a0, 0x20d0, '01c'],
  [
    0x2100,
    0x2300,
    '02 8 04 8 02 8a 0 8 03 85 06 8 0 8 0 8 0 84 0 83 1 87 02 84 05 85 04 1 0 31f 12 35 0ae',
  ],
  [0x25a0, 0x27c0, '0d2 3u 018'],
  [0x3000, 0x3040, '02 9 02 33 0p 39 56 0 35 02 35 03'],
  [0x30fb, 0x30fd, '0 3'],
  [0xff00, 0xfff0, '0 9 05 7 08 8a 05 9 0 8q 06 8q 0b 82h 03 86 02 86 02 86 02 83 0j'],
];
/** A run of `KNOWN_CLASSES`: code units [from, end) of class `k`. */
interface KnownRun {
  from: number;
  end: number;
  k: number;
}
const decodedRuns: (KnownRun[] | undefined)[] = [];
/**
 * The runs of entry `e` of `KNOWN_CLASSES`, decoded once, when a page it covers is first
 * learnt. (Decoding every entry below a page again for each page learnt cost a page of
 * Chinese, which meets some eighty pages, milliseconds of garbage collection; decoding
 * them all at once cost an English page, which needs two, 0.4 ms.)
 */
export function knownRuns(e: number): KnownRun[] {
  let out = decodedRuns[e];
  if (out !== undefined) return out;
  const [from, , runs] = KNOWN_CLASSES[e]!;
  out = [];
  let c = from;
  for (const run of runs.split(' ')) {
    const end = c + (run.length > 1 ? parseInt(run.slice(1), 36) : 1);
    out.push({ from: c, end, k: run.charCodeAt(0) - 48 });
    c = end;
  }
  decodedRuns[e] = out;
  return out;
}
