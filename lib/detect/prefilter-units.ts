/**
 * The pre-filter's reading of a text one code unit at a time: each word's start walked
 * through the stem trie (`PrefilterTrie`), and the words that gave groups added in order,
 * with how near child words lie to action and partner words. Every other reading
 * (`prefilter-lines.ts`, `prefilter-plain.ts`) answers as this one would.
 */
import {
  CLASS,
  FOLD,
  IGN,
  MARK,
  SKELETON,
  SLOW,
  charClass,
  foldWord,
  skeleton,
  useTables,
} from './normalize';
import { BASE, CHILD, PARTNER, ACTION, STEM } from './prefilter-format';
import { NEAR_ACTION, NEAR_PARTNER, NEAR_WORDS, prefilterPasses } from './prefilter-rules';
import type { Prefilter } from './prefilter';

/** Classes inside a word, and those that start one, as bits (see `normalize.ts`). */
export const IN_WORD = 0b1_0111_1110;
export const STARTS_WORD = 0b1_0001_1110;

function isWord(k: number): boolean {
  return (k >= 1 && k <= 6) || k === SLOW;
}

/**
 * The child of `node` for skeleton code `c`, or 0: a binary search among the node's
 * children, which are numbered in a row and sorted by code (see `buildTrie`).
 */
function child(pf: Prefilter, node: number, c: number): number {
  const { codes, first } = pf;
  let lo = first.charCodeAt(node) - BASE;
  let hi = first.charCodeAt(node + 1) - BASE;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const code = codes.charCodeAt(mid);
    if (code === c) return mid;
    if (code < c) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

function walkStem(pf: Prefilter, key: string): number {
  let node = 0;
  let mask = 0;
  for (let q = 0; q < key.length && q < STEM; q++) {
    const next = child(pf, node, skeleton(key.charCodeAt(q)));
    if (next === 0) break;
    node = next;
    mask |= pf.mask.charCodeAt(node) - BASE;
    if (q + 1 === key.length) mask |= pf.exact.charCodeAt(node) - BASE;
  }
  return mask;
}

/** Walk the word starting at `i` through the stem trie; the groups it gives. */
export function walkWord(pf: Prefilter, text: string, i: number): number {
  useTables();
  const FLD = FOLD;
  const SKL = SKELETON;
  const { exact } = pf;
  const n = text.length;
  let mask = 0;
  let node = 0;
  let depth = 0;
  let q = i;
  while (q < n && depth < STEM) {
    const cq = text.charCodeAt(q);
    const kq = charClass(cq);
    if (kq === IGN) {
      q++;
      continue;
    }
    if (kq === MARK || kq === SLOW) {
      let e = i;
      while (e < n && e - i < 64 && isWord(charClass(text.charCodeAt(e)))) e++;
      return mask | walkStem(pf, foldWord(text.slice(i, e)));
    }
    if (!isWord(kq)) break;
    const f = FLD[cq]!;
    const next = child(pf, node, SKL[f]! || f);
    if (next === 0) break;
    node = next;
    depth++;
    mask |= pf.mask.charCodeAt(node) - BASE;
    q++;
    const whole = exact.charCodeAt(node) - BASE;
    if (whole !== 0) {
      let e = q;
      while (e < n && charClass(text.charCodeAt(e)) === IGN) e++;
      if (e >= n || !isWord(charClass(text.charCodeAt(e)))) mask |= whole;
    }
  }
  return mask;
}

/**
 * Where a reading of a text stands: the groups found, words read (and whether one is
 * open), and the word numbers of the last child, action and partner words (see
 * NEAR_WORDS).
 */
export interface UnitScan {
  mask: number;
  prevWord: boolean;
  words: number;
  lastChild: number;
  lastAction: number;
  lastPartner: number;
}

// (The last words far apart, so that no two are near before both are seen.)
export const newScan = (): UnitScan => ({
  mask: 0,
  prevWord: false,
  words: 0,
  lastChild: -1e9,
  lastAction: -2e9,
  lastPartner: -2e9,
});

/**
 * Adds `hits` from index `from` (pairs of a word number, counted from `base`, and its
 * groups) to `scan`, in order: their groups, and the `NEAR_*` bits of how near child words
 * lie to action and partner words. True when the reading may stop there (it passes, or a
 * group of `stopAny` turned up); with `mayStop` false, all of them are added.
 */
export function addHits(
  scan: UnitScan,
  hits: readonly number[],
  from: number,
  base: number,
  stopAny: number,
  mayStop = true,
): boolean {
  let { mask, lastChild, lastAction, lastPartner } = scan;
  let stop = false;
  for (let h = from; h < hits.length; h += 2) {
    const word = base + hits[h]!;
    const found = hits[h + 1]!;
    if ((found & (CHILD | ACTION | PARTNER)) !== 0) {
      if ((found & CHILD) !== 0) lastChild = word;
      if ((found & ACTION) !== 0) lastAction = word;
      if ((found & PARTNER) !== 0) lastPartner = word;
      if (Math.abs(lastChild - lastAction) <= NEAR_WORDS) mask |= NEAR_ACTION;
      if (Math.abs(lastChild - lastPartner) <= NEAR_WORDS) mask |= NEAR_PARTNER;
    }
    mask |= found;
    if (mayStop && (prefilterPasses(mask) || (mask & stopAny) !== 0)) {
      stop = true;
      break;
    }
  }
  scan.mask = mask;
  scan.lastChild = lastChild;
  scan.lastAction = lastAction;
  scan.lastPartner = lastPartner;
  return stop;
}

/**
 * Code units read per call. A page reads its text once, cold: V8 compiles a function
 * once it has been called and has run a while, and only a later call runs the compiled
 * code, so one call over a long text would run in the interpreter throughout.
 */
export const UNITS_PER_CALL = 4096;

/**
 * Reads `text` one code unit at a time, in chunks, adding the words that give groups to
 * `scan` after each chunk (their order and how near they lie); true when it stopped early.
 */
export function readText(pf: Prefilter, text: string, scan: UnitScan, stopAny: number): boolean {
  const hits: number[] = [];
  for (let from = 0; from < text.length; from += UNITS_PER_CALL) {
    readChunk(pf, text, from, Math.min(text.length, from + UNITS_PER_CALL), scan, hits);
    if (addHits(scan, hits, 0, 0, stopAny)) return true;
    hits.length = 0;
  }
  return false;
}

/**
 * Reads units [from, to) of `text` on from `scan` (its word count and whether a word is
 * open), appending a pair (word number, groups) to `hits` for each word that gives groups.
 */
export function readChunk(
  pf: Prefilter,
  text: string,
  from: number,
  to: number,
  scan: UnitScan,
  hits: number[],
): void {
  useTables();
  const CLS = CLASS;
  const FLD = FOLD;
  // Skeleton codes read from the table, not through `skeleton`: a call per word start
  // and per unit walked costs the interpreter, which runs a page's one reading.
  const SKL = SKELETON;
  const { mask: nodeMask, exact } = pf;
  const n = text.length;
  let { prevWord, words } = scan;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let k = CLS[c]!;
    if (k === 255) k = charClass(c);
    // Inside a word (the common case: tested first, in few steps, since a page's one
    // reading runs in the interpreter), letters, digits, ignorables and marks go on with
    // it; separators, breaks and apostrophes end it. Ignorables and marks never start a
    // word (as in the matcher).
    if (prevWord) {
      if (((IN_WORD >> k) & 1) === 0) prevWord = false;
      continue;
    }
    if (((STARTS_WORD >> k) & 1) === 0) continue;
    prevWord = true;
    words++;
    // A word start: only words whose first unit starts a stem (or needs full folding) count.
    if (k !== SLOW) {
      const f = FLD[c]!;
      const r = child(pf, 0, SKL[f]! || f);
      if (r === 0) continue;
      // Fast path: follow plain letters through the trie while no stem ends; most words
      // leave it after two or three units. Anything else takes the exact walk.
      let node = r;
      let q = i + 1;
      while (
        nodeMask.charCodeAt(node) === BASE &&
        exact.charCodeAt(node) === BASE &&
        q < n &&
        q - i < STEM
      ) {
        const cq = text.charCodeAt(q);
        let kq = CLS[cq]!;
        if (kq === 255) kq = charClass(cq);
        if (kq !== 1 && kq !== 2 && kq !== 3 && kq !== 4) {
          if (kq === IGN || kq === MARK || kq === SLOW) node = -1; // exact walk
          break;
        }
        const fq = FLD[cq]!;
        node = child(pf, node, SKL[fq]! || fq);
        if (node === 0) break;
        q++;
      }
      if (node === 0) continue;
      if (node > 0 && nodeMask.charCodeAt(node) === BASE && exact.charCodeAt(node) === BASE)
        continue;
    }
    const found = walkWord(pf, text, i);
    if (found !== 0) hits.push(words, found);
  }
  scan.prevWord = prevWord;
  scan.words = words;
}
