/**
 * The hot loop: cut text into words, walk each word through the compiled trie while folding
 * it, and resolve phrases over consecutive matched words. Linear in the text length: every
 * code unit is visited a bounded number of times, phrases are at most a few words long, and
 * words that match nothing allocate nothing.
 */
import type { CompiledDetector } from './compile';
import { step } from './hydrate';
import {
  APOS,
  BRK,
  CLASS as CLS,
  CYR,
  DIG as DIG_K,
  FOLD as FLD,
  IGN,
  LAT,
  LETTER_OTHER,
  MARK,
  SLOW,
  charClass,
  foldWord,
} from './normalize';

export interface Hit {
  term: number;
  group: number;
  /** UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
  /** Token indices (first and last word of the match). */
  tok: number;
  tokEnd: number;
}

/**
 * Hits as parallel typed arrays (no object per hit): `findHitsInto` appends to one, and the
 * caller materialises `Hit` objects only for the hits it reports.
 */
export interface HitBuffer {
  term: Int32Array;
  group: Int32Array;
  start: Int32Array;
  end: Int32Array;
  tok: Int32Array;
  tokEnd: Int32Array;
  /** Number of hits held. */
  n: number;
}

export function newHitBuffer(capacity = 256): HitBuffer {
  return {
    term: new Int32Array(capacity),
    group: new Int32Array(capacity),
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    tok: new Int32Array(capacity),
    tokEnd: new Int32Array(capacity),
    n: 0,
  };
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

function pushHit(
  buf: HitBuffer,
  term: number,
  group: number,
  start: number,
  end: number,
  tok: number,
  tokEnd: number,
): void {
  const k = buf.n;
  if (k === buf.term.length) {
    const size = 2 * k;
    buf.term = grow(buf.term, size);
    buf.group = grow(buf.group, size);
    buf.start = grow(buf.start, size);
    buf.end = grow(buf.end, size);
    buf.tok = grow(buf.tok, size);
    buf.tokEnd = grow(buf.tokEnd, size);
  }
  buf.term[k] = term;
  buf.group[k] = group;
  buf.start[k] = start;
  buf.end[k] = end;
  buf.tok[k] = tok;
  buf.tokEnd[k] = tokEnd;
  buf.n = k + 1;
}

/** The hit at index `k` of a buffer as an object. */
export function hitAt(buf: HitBuffer, k: number): Hit {
  return {
    term: buf.term[k]!,
    group: buf.group[k]!,
    start: buf.start[k]!,
    end: buf.end[k]!,
    tok: buf.tok[k]!,
    tokEnd: buf.tokEnd[k]!,
  };
}

const MAX_PHRASE_WORDS = 24;
/**
 * At most this many matches per call: a real paragraph has a few dozen; a block with more is
 * pathological (a 1 MB run of topic words), and its first matches decide it.
 */
export const MAX_HITS = 4000;
const MAX_WORD = 160;

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isWord(k: number): boolean {
  return (k >= 1 && k <= 6) || k === SLOW;
}

/** Walk an already-folded key through the trie; matched word ids go to the scratch. */
function walkKeyScratch(det: CompiledDetector, key: string): void {
  const { exact, prefix } = det;
  let node = 0;
  for (let q = 0; q < key.length; q++) {
    const c = key.charCodeAt(q);
    if (c === 0x27 && node !== 0 && q + 2 === key.length && key.charCodeAt(q + 1) === 0x73) {
      const ex = exact[node];
      if (ex) for (const w of ex) push(w);
    }
    const next = step(det, node, c);
    if (next < 0) return;
    node = next;
    const pre = prefix[node];
    if (pre) for (const w of pre) push(w);
  }
  const ex = exact[node];
  if (ex) for (const w of ex) push(w);
}

// Scratch space for the word ids one token matches (reset per token).
let sc = new Int32Array(64);
let scN = 0;
function push(w: number): void {
  if (scN === sc.length) {
    const bigger = new Int32Array(sc.length * 2);
    bigger.set(sc);
    sc = bigger;
  }
  sc[scN++] = w;
}

/**
 * Walk the word `text[s, e)` through the trie, folded exactly as `foldWord` folds it (marks,
 * compatibility letters, mixed scripts); matched word ids go to the scratch. French and
 * Italian elision (l'enfant, d'enfants, dell'infanzia): the rest after the apostrophe too.
 */
function walkToken(det: CompiledDetector, text: string, s: number, e: number): void {
  const word = text.slice(s, e);
  walkKeyScratch(det, foldWord(word));
  let apos = -1;
  let lat = false;
  for (let q = 0; q < word.length; q++) {
    const k = charClass(word.charCodeAt(q));
    if (k === LAT) lat = true;
    else if (k === APOS && apos < 0) apos = q;
  }
  if (apos > 0 && apos <= 4 && lat) walkKeyScratch(det, foldWord(word.slice(apos + 1)));
}

/** Whether a word (as cut by `wordEnd`) that reached `pos` ends there. */
function endsWordAt(text: string, pos: number, to: number): boolean {
  return wordEnd(text, pos, to) === pos;
}

function isBreakAt(text: string, i: number, from: number, to: number): boolean {
  return (
    charClass(text.charCodeAt(i)) === BRK &&
    !(
      i > from &&
      i + 1 < to &&
      isDigitCode(text.charCodeAt(i - 1)) &&
      isDigitCode(text.charCodeAt(i + 1))
    )
  );
}

/** End of the word starting at `s` (same rules as the main loop). */
function wordEnd(text: string, s: number, to: number): number {
  let j = s;
  while (j < to) {
    const k = charClass(text.charCodeAt(j));
    if (isWord(k)) j++;
    else if (
      k === APOS &&
      j + 1 < to &&
      isWord(charClass(text.charCodeAt(j + 1))) &&
      charClass(text.charCodeAt(j + 1)) !== IGN
    )
      j++;
    else break;
  }
  return j;
}

// Result registers of `nextWord` and `prevWord` (no array per call).
let wS = 0;
let wE = 0;

/** The word after position `pos` into (wS, wE); false at a break or the end. */
function nextWord(text: string, pos: number, to: number, from: number): boolean {
  let i = pos;
  while (i < to) {
    const k = charClass(text.charCodeAt(i));
    if (isWord(k) && k !== IGN && k !== MARK) {
      wS = i;
      wE = wordEnd(text, i, to);
      return true;
    }
    if (isBreakAt(text, i, from, to)) return false;
    i++;
  }
  return false;
}

/** The word before position `pos` into (wS, wE); false at a break or the start. */
function prevWord(text: string, pos: number, from: number, to: number): boolean {
  let i = pos - 1;
  while (i >= from) {
    const k = charClass(text.charCodeAt(i));
    if (isWord(k) && k !== IGN && k !== MARK) break;
    if (isBreakAt(text, i, from, to)) return false;
    i--;
  }
  if (i < from) return false;
  const e = i + 1;
  while (i > from) {
    const k = charClass(text.charCodeAt(i - 1));
    if (isWord(k)) i--;
    else if (
      k === APOS &&
      i - 2 >= from &&
      isWord(charClass(text.charCodeAt(i - 2))) &&
      charClass(text.charCodeAt(i)) !== IGN
    )
      i--;
    else break;
  }
  // The main loop never starts a word on an ignorable or a combining mark.
  while (i < e && (charClass(text.charCodeAt(i)) === IGN || charClass(text.charCodeAt(i)) === MARK))
    i++;
  wS = i;
  wE = e;
  return true;
}

/** Word ids kept inline per cached word; a word that matches more keeps its own array. */
const CAP = 16;

// Phrase verification looks at the words around an anchor; many phrases share an anchor
// ("to russia", "into russia", ...), so the neighbouring words and their matched word ids are
// memoised per call in a small direct-mapped cache keyed by position and direction. Words
// before the anchor usually come from the history of words already read (see `findHits`).
const NB = 64;
const nbPos = new Int32Array(NB).fill(-1);
const nbS = new Int32Array(NB);
const nbE = new Int32Array(NB);
/** Number of ids in `nbPool` for a slot, or -1 when they are in `nbBig`. */
const nbLen = new Int32Array(NB);
const nbPool = new Int32Array(NB * CAP);
const nbBig: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(NB).fill(undefined);

/** Cache slot of the word after (`forward`) or before `pos`, or -1 at a break or the edge. */
function neighbour(
  det: CompiledDetector,
  text: string,
  pos: number,
  from: number,
  to: number,
  forward: boolean,
): number {
  const key = forward ? 2 * pos + 1 : 2 * pos;
  const slot = key & (NB - 1);
  if (nbPos[slot] === key) return nbS[slot]! < 0 ? -1 : slot;
  nbPos[slot] = key;
  if (!(forward ? nextWord(text, pos, to, from) : prevWord(text, pos, from, to))) {
    nbS[slot] = -1;
    return -1;
  }
  nbS[slot] = wS;
  nbE[slot] = wE;
  const saved = scN;
  walkToken(det, text, wS, wE);
  const n = scN - saved;
  if (n <= CAP) {
    nbLen[slot] = n;
    const base = slot * CAP;
    for (let q = 0; q < n; q++) nbPool[base + q] = sc[saved + q]!;
  } else {
    nbLen[slot] = -1;
    nbBig[slot] = sc.slice(saved, scN);
  }
  scN = saved;
  return slot;
}

function idsHave(slot: number, word: number): boolean {
  const n = nbLen[slot]!;
  if (n < 0) return nbBig[slot]!.includes(word);
  const base = slot * CAP;
  for (let q = base; q < base + n; q++) if (nbPool[q] === word) return true;
  return false;
}

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
 * Sort the hits `[lo, buf.n)` by start, then longest first (stable; hits arrive almost
 * sorted): insertion sort for short runs, a stable sort of indices for long ones.
 */
function sortHits(buf: HitBuffer, lo: number): void {
  const n = buf.n;
  const { start, end } = buf;
  let sorted = true;
  for (let a = lo + 1; a < n && sorted; a++) {
    const ps = start[a - 1]!;
    const hs = start[a]!;
    if (hs < ps || (hs === ps && end[a]! > end[a - 1]!)) sorted = false;
  }
  if (sorted) return;
  if (n - lo > 64) {
    const order = Array.from({ length: n - lo }, (_, q) => lo + q);
    order.sort((a, b) => start[a]! - start[b]! || end[b]! - end[a]!);
    for (const arr of [buf.term, buf.group, buf.start, buf.end, buf.tok, buf.tokEnd]) {
      const copy = arr.slice(lo, n);
      for (let q = 0; q < order.length; q++) arr[lo + q] = copy[order[q]! - lo]!;
    }
    return;
  }
  const { term, group, tok, tokEnd } = buf;
  for (let a = lo + 1; a < n; a++) {
    const t = term[a]!;
    const g = group[a]!;
    const s = start[a]!;
    const e = end[a]!;
    const k = tok[a]!;
    const ke = tokEnd[a]!;
    let b = a - 1;
    while (b >= lo) {
      const ps = start[b]!;
      if (ps < s || (ps === s && end[b]! >= e)) break;
      term[b + 1] = term[b]!;
      group[b + 1] = group[b]!;
      start[b + 1] = ps;
      end[b + 1] = end[b]!;
      tok[b + 1] = tok[b]!;
      tokEnd[b + 1] = tokEnd[b]!;
      b--;
    }
    term[b + 1] = t;
    group[b + 1] = g;
    start[b + 1] = s;
    end[b + 1] = e;
    tok[b + 1] = k;
    tokEnd[b + 1] = ke;
  }
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
  scratch.n = 0;
  const n = findHitsInto(det, text, scratch, from, to);
  const hits = new Array<Hit>(n);
  for (let k = 0; k < n; k++) hits[k] = hitAt(scratch, k);
  return hits;
}

const scratch = newHitBuffer();

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
    scN = 0;
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
    if (long) scN = 0;
    else if (slow || (lat > 0 && cyr > 0)) {
      scN = 0;
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
    const n = scN;
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
      for (let q = 0; q < n; q++) hPool[base + q] = sc[q]!;
    }
    sticky = false;
    for (let a = 0; a < n; a++) {
      const list = anchorTerms[sc[a]!];
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
              nbPos.fill(-1);
              cacheUsed = true;
            }
            const w = neighbour(det, text, start, from, to, false);
            if (w < 0 || !idsHave(w, term.words[q]!)) ok = false;
            else start = nbS[w]!;
          }
        }
        if (ok && anchor + 1 < len && !cacheUsed) {
          nbPos.fill(-1);
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
