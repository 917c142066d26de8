/**
 * The hot loop: cut text into words, walk each word through the compiled trie while folding
 * it, and resolve phrases over consecutive matched words. Linear in the text length: every
 * code unit is visited a bounded number of times, phrases are at most a few words long, and
 * words that match nothing allocate nothing.
 */
import type { CompiledDetector } from './compile';
import { hitAt, newHitBuffer, pushHit, sortHits, type Hit, type HitBuffer } from './hits';
import {
  APOS,
  BRK,
  CLASS,
  CYR,
  DIG as DIG_K,
  FOLD,
  IGN,
  LAT,
  LETTER_OTHER,
  MARK,
  SLOW,
  charClass,
  foldWord,
  useTables,
} from './normalize';
import {
  CAP,
  endsWordAt,
  idsHave,
  isDigitCode,
  isWord,
  nbE,
  nbS,
  neighbour,
  push,
  resetNeighbours,
  clearScratch,
  scratchIds,
  scratchN,
  walkKeyScratch,
  walkToken,
} from './words';

export { hitAt, newHitBuffer, type Hit, type HitBuffer } from './hits';

const MAX_PHRASE_WORDS = 24;
/**
 * At most this many matches per call: a real paragraph has a few dozen; a block with more is
 * pathological (a 1 MB run of topic words), and its first matches decide it.
 */
export const MAX_HITS = 4000;
const MAX_WORD = 160;

// History of the last H words read by the main loop: offsets, matched word ids, whether a
// sentence break lies between a word and the one before it, and whether the word is exactly
// what `prevWord` would find (otherwise phrase checks ask `neighbour`). Indexed by token & (H-1).
const H = 32;
const hS = new Int32Array(H);
/** Number of ids in `hPool`, or -1 when the word is not usable from the history. */
const hLen = new Int32Array(H);
const hBrk = new Uint8Array(H);
const hPool = new Int32Array(H * CAP);

function historyHas(slot: number, word: number): boolean {
  const base = slot * CAP;
  const end = base + hLen[slot]!;
  for (let q = base; q < end; q++) if (hPool[q] === word) return true;
  return false;
}

/**
 * Find all term matches in `text[from, to)`, sorted by start. Each word is walked through
 * the trie once; phrases are anchored at their longest word and verified on the words around
 * it only when that word occurs, so common words inside phrases ("to", "of", "в") cost nothing.
 * Words before the anchor are taken from the history of words already read; words after it
 * are read ahead (and memoised).
 *
 * One pass per word: the word boundary, its script mix and the trie walk are computed
 * together from the memo tables. Words with marks, compatibility letters or mixed scripts
 * (rare) are walked again by `walkToken`, which folds them exactly.
 */
export function findHits(det: CompiledDetector, text: string, from = 0, to = text.length): Hit[] {
  findScratch.n = 0;
  const n = findHitsInto(det, text, findScratch, from, to);
  const hits = new Array<Hit>(n);
  for (let k = 0; k < n; k++) hits[k] = hitAt(findScratch, k);
  return hits;
}

const findScratch = newHitBuffer();

/**
 * `findHits` into a buffer: appends the matches of `text[from, to)` (sorted by start) after
 * the hits already there and returns how many it appended.
 */
export function findHitsInto(
  det: CompiledDetector,
  text: string,
  buf: HitBuffer,
  from = 0,
  to = text.length,
): number {
  const { anchorTerms, terms, root, exact, prefix, edgeStart, edgeCode, edgeNode } = det;
  useTables();
  const CLS = CLASS;
  const FLD = FOLD;
  const base = buf.n;
  let cacheUsed = false;
  let tok = 0;
  let i = from;
  // A sentence break since the last word, and whether the last unit skipped was one that
  // `prevWord` would read into a word (an apostrophe, an ignorable or a mark).
  let brk = 0;
  let sticky = false;
  while (i < to) {
    const c0 = text.charCodeAt(i);
    let k0 = CLS[c0]!;
    if (k0 === 255) k0 = charClass(c0);
    // Word starts: Latin, Cyrillic, other letters, digits, compatibility letters.
    if (!(k0 <= DIG_K && k0 >= 1) && k0 !== SLOW) {
      if (k0 === BRK) {
        sticky = false;
        if (!(
          i > from &&
          i + 1 < to &&
          isDigitCode(text.charCodeAt(i - 1)) &&
          isDigitCode(text.charCodeAt(i + 1))
        ))
          brk = 1;
      } else sticky = k0 === APOS || k0 === IGN || k0 === MARK;
      i++;
      continue;
    }
    const s = i;
    clearScratch();
    let lat = 0;
    let cyr = 0;
    let slow = false;
    let apos = -1;
    let node = root[FLD[c0]!]!;
    let alive = node >= 0;
    if (k0 === LAT) lat++;
    else if (k0 === CYR) cyr++;
    else if (k0 === SLOW) {
      slow = true;
      alive = false;
    }
    if (alive) {
      const pre = prefix[node];
      if (pre) for (const w of pre) push(w);
    }
    let j = i + 1;
    for (; j < to; j++) {
      const c = text.charCodeAt(j);
      let k = CLS[c]!;
      if (k === 255) k = charClass(c);
      if (k === LAT) lat++;
      else if (k === CYR) cyr++;
      else if (k === IGN) continue;
      else if (k === MARK || k === SLOW) {
        slow = true;
        alive = false;
      } else if (k === APOS) {
        if (j + 1 >= to) break;
        const c1 = text.charCodeAt(j + 1);
        let k1 = CLS[c1]!;
        if (k1 === 255) k1 = charClass(c1);
        if (!isWord(k1) || k1 === IGN) break;
        if (apos < 0) apos = j;
        if (alive && node !== 0 && FLD[c1] === 0x73 && endsWordAt(text, j + 2, to)) {
          const ex = exact[node];
          if (ex) for (const w of ex) push(w);
        }
      } else if (k !== LETTER_OTHER && k !== DIG_K) break;
      if (alive) {
        // Inline `step` (sorted edge list; nodes past the root have few children).
        const f = FLD[c]!;
        let lo = edgeStart[node]!;
        const hi = edgeStart[node + 1]!;
        node = -1;
        for (; lo < hi; lo++) {
          const e = edgeCode[lo]!;
          if (e >= f) {
            if (e === f) node = edgeNode[lo]!;
            break;
          }
        }
        if (node < 0) alive = false;
        else {
          const pre = prefix[node];
          if (pre) for (const w of pre) push(w);
        }
      }
    }
    const long = j - s > MAX_WORD;
    if (long) clearScratch();
    else if (slow || (lat > 0 && cyr > 0)) {
      clearScratch();
      walkToken(det, text, s, j);
    } else {
      if (alive) {
        const ex = exact[node];
        if (ex) for (const w of ex) push(w);
      }
      // French and Italian elision (l'enfant, d'enfants, dell'infanzia): match the rest too.
      if (apos > s && apos - s <= 4 && lat > 0)
        walkKeyScratch(det, foldWord(text.slice(apos + 1, j)));
    }
    const n = scratchN;
    const ids = scratchIds;
    // Record the word in the history. It stands for what `prevWord` finds only when it does
    // not end in an ignorable or a mark and no apostrophe, ignorable or mark precedes it.
    const hs = tok & (H - 1);
    hS[hs] = s;
    hBrk[hs] = brk;
    brk = 0;
    const kl = CLS[text.charCodeAt(j - 1)]!;
    if (long || sticky || n > CAP || kl === IGN || kl === MARK) hLen[hs] = -1;
    else {
      hLen[hs] = n;
      const base = hs * CAP;
      for (let q = 0; q < n; q++) hPool[base + q] = ids[q]!;
    }
    sticky = false;
    for (let a = 0; a < n; a++) {
      const list = anchorTerms[ids[a]!];
      if (!list) continue;
      for (const t of list) {
        const term = terms[t]!;
        const len = term.words.length;
        if (len === 1) {
          pushHit(buf, t, term.group, s, j, tok, tok);
          continue;
        }
        if (len > MAX_PHRASE_WORDS) continue;
        const anchor = term.anchor;
        let start = s;
        let end = j;
        let ok = true;
        for (let q = anchor - 1; q >= 0 && ok; q--) {
          // The word before `start`: from the history while it is usable, else read back.
          const u = tok - (anchor - q);
          const uh = u & (H - 1);
          if (u >= 0 && hLen[uh]! >= 0 && hLen[(u + 1) & (H - 1)]! >= 0) {
            if (hBrk[(u + 1) & (H - 1)] !== 0 || !historyHas(uh, term.words[q]!)) ok = false;
            else start = hS[uh]!;
          } else if (u < 0) ok = false;
          else {
            if (!cacheUsed) {
              resetNeighbours();
              cacheUsed = true;
            }
            const w = neighbour(det, text, start, from, to, false);
            if (w < 0 || !idsHave(w, term.words[q]!)) ok = false;
            else start = nbS[w]!;
          }
        }
        if (ok && anchor + 1 < len && !cacheUsed) {
          resetNeighbours();
          cacheUsed = true;
        }
        for (let q = anchor + 1; q < len && ok; q++) {
          const w = neighbour(det, text, end, from, to, true);
          if (w < 0 || !idsHave(w, term.words[q]!)) ok = false;
          else end = nbE[w]!;
        }
        if (ok) pushHit(buf, t, term.group, start, end, tok - anchor, tok + (len - 1 - anchor));
      }
    }
    tok++;
    i = j;
    if (buf.n - base >= MAX_HITS) break;
  }
  sortHits(buf, base);
  return buf.n - base;
}
