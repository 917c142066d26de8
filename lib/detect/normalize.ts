/**
 * Text normalisation that never loses offsets.
 *
 * The engine does not build a rewritten copy of the text. It walks the original string one
 * UTF-16 code unit at a time and folds each unit through memoised tables: case folding,
 * compatibility forms (NFKC for ligatures and full-width letters), apostrophe variants,
 * ignorable characters (soft hyphen, zero-width characters), Cyrillic ё/ґ, Romanian cedilla
 * letters, and Latin/Cyrillic look-alike letters inside a word of the other script. Every
 * token therefore keeps the exact `[start, end)` offsets of the original text.
 *
 * `normalizeWithMap` exposes the same folding as a string plus an offset map, for callers
 * (tests, tools) that want to see the normalised text.
 */

import { KNOWN_CLASSES, PLAIN_LETTER_BLOCKS, knownRuns } from './known-classes';

/** Character classes (values of `charClass`). */
export const SEP = 0; // separator: space, punctuation, symbols, emoji halves
export const LAT = 1; // Latin letter
export const CYR = 2; // Cyrillic letter
export const LETTER_OTHER = 3; // other letter or digit-like letter
export const DIG = 4; // decimal digit
export const MARK = 5; // combining mark (inside a word)
export const IGN = 6; // ignorable inside a word: soft hyphen, ZWSP, ZWNJ, ZWJ, WJ, BOM
export const APOS = 7; // apostrophe variants: inner only
export const SLOW = 8; // letter whose compatibility form differs (ligature, full-width)
export const BRK = 9; // sentence punctuation or line break: ends phrases
const UNKNOWN = 255;

/**
 * Memo tables, exported for the hot loops: `CLASS[c]` is the class of `c` once known (255
 * before); a known class implies a known `FOLD[c]` (see `charClass`). Empty until
 * `useTables` makes them: a loop that reads them calls it first, and reads them into
 * locals after.
 */
export let CLASS = new Uint8Array(0);
export let FOLD = new Uint16Array(0);
let foldKnown = new Uint8Array(0);
/**
 * The pre-filter's skeleton codes (see `skeleton`), for its hot loop, which reads them
 * after `useTables` without a call per unit: 0 where a code is its own skeleton (sparse,
 * so making it runs no 64K-entry loop).
 */
export let SKELETON = new Uint16Array(0);

/**
 * Makes the memo tables (and the look-alike maps), once. Not when the module loads:
 * stage 1 loads it in every frame of every page, and most pages and frames never read a
 * text one code unit at a time (their text holds no stem, or the frame or site is not
 * read); making these 384 KB of tables cost each of them about 0.3 ms.
 */
export function useTables(): void {
  if (CLASS.length !== 0) return;
  CLASS = new Uint8Array(65536).fill(UNKNOWN);
  FOLD = new Uint16Array(65536);
  foldKnown = new Uint8Array(65536);
  SKELETON = new Uint16Array(65536);
  for (const [a, b] of Object.entries(LAT_TO_CYR)) latToCyr.set(a.charCodeAt(0), b.charCodeAt(0));
  for (const [a, b] of Object.entries(CYR_TO_LAT)) cyrToLat.set(a.charCodeAt(0), b.charCodeAt(0));
  for (const [cyr, lat] of cyrToLat) SKELETON[cyr] = lat;
}

const APOSTROPHES = "'’ʼ‘`´′ʹ＇";
const IGNORABLE = '\u00AD\u200B\u200C\u200D\u2060\uFEFF\u180E\u034F';
const BREAKS = '.!?;:…\n\r\u2028\u2029。！？';

/**
 * The Unicode property tests `classByProperties` works a class out with, made when it is
 * first called: stage 1 loads this module on every page, and making these six expressions
 * when the module loads cost a page about half a millisecond before any text was read,
 * while most pages never meet a code unit outside the known classes (`KNOWN_CLASSES`).
 *
 * Made from constant sources with `new RegExp`, not written as literals: V8 checks a
 * literal's pattern when it parses the script, even inside a function never called, and a
 * Unicode property makes it build the property's set. These six literals were half of
 * stage 1's parse time in a fresh tab (its compile 2.3 -> 1.4 ms, medians of 10).
 */
interface PropertyTests {
  letter: RegExp;
  mark: RegExp;
  digit: RegExp;
  number: RegExp;
  latin: RegExp;
  cyrillic: RegExp;
}
let propertyTests: PropertyTests | null = null;
function unicodeTests(): PropertyTests {
  propertyTests ??= {
    letter: new RegExp('\\p{L}', 'u'),
    mark: new RegExp('\\p{M}', 'u'),
    digit: new RegExp('\\p{Nd}', 'u'),
    number: new RegExp('\\p{N}', 'u'),
    latin: new RegExp('\\p{Script=Latin}', 'u'),
    cyrillic: new RegExp('\\p{Script=Cyrillic}', 'u'),
  };
  return propertyTests;
}

/**
 * The class of a code unit worked out from its Unicode properties (`charClass` memoises
 * it, and knows most units without it: see `known-classes.ts`).
 */
export function classByProperties(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return SEP; // surrogate halves: emoji and astral symbols
  const ch = String.fromCharCode(c);
  if (APOSTROPHES.includes(ch)) return APOS;
  if (IGNORABLE.includes(ch)) return IGN;
  if (BREAKS.includes(ch)) return BRK;
  if (c >= 0x30 && c <= 0x39) return DIG;
  const is = unicodeTests();
  if (is.mark.test(ch)) return MARK;
  if (is.letter.test(ch)) {
    const nfkc = ch.normalize('NFKC');
    if (nfkc !== ch && (nfkc.length !== 1 || !is.letter.test(nfkc))) return SLOW;
    const base = nfkc.length === 1 ? nfkc : ch;
    if (is.latin.test(base)) return nfkc !== ch ? SLOW : LAT;
    if (is.cyrillic.test(base)) return CYR;
    return nfkc !== ch ? SLOW : LETTER_OTHER;
  }
  if (is.digit.test(ch)) return ch.normalize('NFKC') !== ch ? SLOW : LETTER_OTHER;
  if (is.number.test(ch)) return LETTER_OTHER;
  return SEP;
}

/** The class of one UTF-16 code unit (memoised; also memoises its fold). */
export function charClass(c: number): number {
  if (CLASS.length === 0) useTables();
  let k = CLASS[c]!;
  if (k === UNKNOWN) {
    if (pageLearnt[c >> 8] === 0) {
      learnKnownPage(c >> 8);
      k = CLASS[c]!;
      if (k !== UNKNOWN) return k;
    }
    k = classByProperties(c);
    foldChar(c);
    CLASS[c] = k;
  }
  return k;
}

/** Single-unit folds beyond lower-casing. */
const EXTRA_FOLD: Record<string, string> = {
  ё: 'е',
  ґ: 'г',
  ş: 'ș',
  ţ: 'ț',
  ß: 'ß',
  ſ: 's',
  '’': "'",
  ʼ: "'",
  '‘': "'",
  '`': "'",
  '´': "'",
  '′': "'",
  ʹ: "'",
  '＇': "'",
};

/** The fold of a code unit, worked out (`foldChar` memoises it). */
export function computeFold(c: number): number {
  const ch = String.fromCharCode(c);
  const extra = EXTRA_FOLD[ch];
  if (extra !== undefined) return extra.charCodeAt(0);
  const lower = ch.toLowerCase();
  if (lower.length !== 1) return c; // e.g. İ → i̇: handled by the slow path
  const again = EXTRA_FOLD[lower];
  if (again !== undefined) return again.charCodeAt(0);
  return lower.charCodeAt(0);
}

// The known classes (`known-classes.ts`), learnt into the memo tables a page of 256 code
// units at a time, when a class or fold of that page is first asked for (by `charClass`
// or `foldChar`, which make the tables first), not when the module loads: stage 1 loads
// it in every frame of every page, most frames are never read (frames of other origins:
// advertisements, embeds), nor is any page of a site the reader turned off, and a page in
// English meets two or three pages (ASCII and Latin-1, punctuation), not all of them.
// Letters and apostrophes fold; separators, breaks and digits are their own fold. The
// folds of the letters are `computeFold`'s, worked out with one native `toLowerCase` of
// all of them: calling `computeFold` unit by unit cost every page 1-2 ms at start.
const pageLearnt = new Uint8Array(256);
let extraFolds: Map<number, number> | null = null;

function learnKnownPage(page: number): void {
  const classTable = CLASS;
  const foldTable = FOLD;
  pageLearnt[page] = 1;
  const low = page << 8;
  const high = low + 256;
  const folding: number[] = [];
  for (let e = 0; e < KNOWN_CLASSES.length; e++) {
    const [entryFrom, entryEnd] = KNOWN_CLASSES[e]!;
    if (entryEnd <= low || entryFrom >= high) continue;
    for (const { from, end, k } of knownRuns(e)) {
      const a = Math.max(from, low);
      const b = Math.min(end, high);
      if (a >= b) continue;
      classTable.fill(k, a, b);
      foldKnown.fill(1, a, b);
      const folds = k === LAT || k === CYR || k === LETTER_OTHER || k === SLOW || k === APOS;
      for (let u = a; u < b; u++) {
        foldTable[u] = u;
        // İ (U+0130) lower-cases to two units: worked out when met.
        if (folds && u !== 0x130) folding.push(u);
      }
    }
  }
  // The plain letter blocks: caseless letters that fold to themselves. A page of Chinese
  // or Japanese meets thousands of distinct ones, each otherwise worked out on its own
  // (a class, then a fold) the first time it is read.
  for (const [from, to] of PLAIN_LETTER_BLOCKS) {
    const a = Math.max(from, low);
    const b = Math.min(to + 1, high);
    if (a >= b) continue;
    classTable.fill(LETTER_OTHER, a, b);
    foldKnown.fill(1, a, b);
    for (let u = a; u < b; u++) foldTable[u] = u;
  }
  if (page === 0x130 >> 8) {
    classTable[0x130] = UNKNOWN;
    foldKnown[0x130] = 0;
  }
  if (folding.length === 0) return;
  const lowered = String.fromCharCode(...folding).toLowerCase();
  if (extraFolds === null) {
    extraFolds = new Map();
    for (const [from, to] of Object.entries(EXTRA_FOLD))
      extraFolds.set(from.charCodeAt(0), to.charCodeAt(0));
  }
  const extra = extraFolds;
  // A lower case of two units would shift the rest: then each is worked out on its own.
  const aligned = lowered.length === folding.length;
  for (let q = 0; q < folding.length; q++) {
    const c = folding[q]!;
    const lower = lowered.charCodeAt(q);
    foldTable[c] = aligned ? (extra.get(c) ?? extra.get(lower) ?? lower) : computeFold(c);
  }
}

/** Learns every known page now (tests read the tables whole). */
export function learnAllKnownPages(): void {
  useTables();
  for (let page = 0; page < 256; page++) if (pageLearnt[page] === 0) learnKnownPage(page);
}

/** Case-folded code unit (memoised). Apostrophe variants fold to U+0027. */
export function foldChar(c: number): number {
  if (CLASS.length === 0) useTables();
  if (foldKnown[c] === 0) {
    if (pageLearnt[c >> 8] === 0) {
      learnKnownPage(c >> 8);
      if ((foldKnown[c] as number) === 1) return FOLD[c]!;
    }
    FOLD[c] = computeFold(c);
    foldKnown[c] = 1;
  }
  return FOLD[c]!;
}

/** Latin letters (after folding) that look like Cyrillic ones, and back. */
const LAT_TO_CYR: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  i: 'і',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
  j: 'ј',
};
const CYR_TO_LAT: Record<string, string> = {};
for (const [lat, cyr] of Object.entries(LAT_TO_CYR)) CYR_TO_LAT[cyr] = lat;
CYR_TO_LAT['в'] = 'b';
// Cyrillic letters that only ever stand in for Latin ones.
Object.assign(CYR_TO_LAT, { ѕ: 's', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l' });
CYR_TO_LAT['н'] = 'h';

// Filled by `useTables`.
const latToCyr = new Map<number, number>();
const cyrToLat = new Map<number, number>();

/** Map a folded look-alike letter into the given script (LAT or CYR); others unchanged. */
export function lookalike(c: number, script: number): number {
  if (CLASS.length === 0) useTables();
  if (script === CYR) return latToCyr.get(c) ?? c;
  if (script === LAT) return cyrToLat.get(c) ?? c;
  return c;
}

/** A skeleton code used only by the pre-filter: Cyrillic look-alikes fold to Latin. */
export function skeleton(c: number): number {
  if (SKELETON.length === 0) useTables();
  return SKELETON[c]! || c;
}

/** Whether a class belongs inside a word. */
export function isWordClass(k: number): boolean {
  return (
    k === LAT ||
    k === CYR ||
    k === LETTER_OTHER ||
    k === DIG ||
    k === MARK ||
    k === IGN ||
    k === SLOW
  );
}

/**
 * Fold one word (already cut at word boundaries) into its canonical key: the same function
 * is used for lexicon patterns and for page text, so both sides always agree.
 */
export function foldWord(word: string): string {
  let script = 0;
  let lat = 0;
  let cyr = 0;
  let slow = false;
  // Whether folding leaves the word as it is (the common case: a lower-case word).
  let same = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const k = charClass(c);
    if (k === LAT) lat++;
    else if (k === CYR) cyr++;
    else if (k === MARK || k === SLOW) slow = true;
    if (same && (k === IGN || foldChar(c) !== c)) same = false;
  }
  if (same && !slow && !(lat > 0 && cyr > 0)) return word;
  let src = word;
  if (slow) src = stripMarks(word.normalize('NFKC'));
  if (lat > 0 && cyr > 0) script = cyr >= lat ? CYR : LAT;
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    const k = charClass(c);
    if (k === IGN || k === MARK) continue;
    let f = foldChar(c);
    if (script !== 0) f = lookalike(f, script);
    out += String.fromCharCode(f);
  }
  if (slow && out.normalize('NFKC') !== out) out = out.normalize('NFKC');
  return out;
}

/** NFC-compose, then drop combining marks that are left (stress accents, stray marks). */
export function stripMarks(s: string): string {
  const nfc = s.normalize('NFC');
  let out = '';
  for (let i = 0; i < nfc.length; i++) {
    const c = nfc.charCodeAt(i);
    if (charClass(c) === MARK || charClass(c) === IGN) continue;
    out += nfc[i];
  }
  return out;
}

export interface NormalizedText {
  /** The folded text: lower case, canonical apostrophes, single spaces for every space. */
  text: string;
  /**
   * `map[i]` is the offset in the original text of the code unit that produced `text[i]`;
   * `map[text.length]` is the original length. Dropped units (soft hyphens, zero-width
   * characters, combining marks that were folded away) have no entry.
   */
  map: number[];
}

/**
 * The normalised form of a whole text with an offset map back to the original. Words are
 * folded with `foldWord`; a word whose folded form changes length maps each of its units to
 * the word's start (and the next word keeps exact offsets).
 */
export function normalizeWithMap(input: string): NormalizedText {
  let text = '';
  const map: number[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const k = charClass(input.charCodeAt(i));
    if (isWordClass(k) && k !== IGN) {
      let j = i + 1;
      while (j < n) {
        const kj = charClass(input.charCodeAt(j));
        if (isWordClass(kj)) j++;
        else if (kj === APOS && j + 1 < n && isWordClass(charClass(input.charCodeAt(j + 1)))) j++;
        else break;
      }
      const raw = input.slice(i, j);
      const folded = foldWord(raw);
      if (folded.length === raw.length) {
        for (let q = 0; q < raw.length; q++) map.push(i + q);
      } else {
        // Keep exact offsets for every unit that survives one-to-one; otherwise map to i.
        let q = i;
        for (let r = 0; r < folded.length; r++) {
          while (q < j && charClass(input.charCodeAt(q)) === IGN) q++;
          map.push(q < j ? q : i);
          q++;
        }
      }
      text += folded;
      i = j;
    } else if (k === IGN) {
      i++;
    } else {
      const c = input.charCodeAt(i);
      // Surrogate pairs stay whole; every kind of space becomes one ASCII space.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        text += input.slice(i, i + 2);
        map.push(i, i + 1);
        i += 2;
        continue;
      }
      const ch = input[i]!;
      text += /\s/u.test(ch) ? ' ' : k === APOS ? "'" : ch;
      map.push(i);
      i++;
    }
  }
  map.push(n);
  return { text, map };
}
