/**
 * Words around a matched word, for phrase verification: where a word ends, the word before
 * or after a position (not across a sentence break), each walked through the trie once and
 * memoised per call; and the scratch list of word ids a walk appends to.
 */
import type { CompiledDetector } from './compile';
import { step } from './hydrate';
import {
  APOS,
  BRK,
  CYR,
  IGN,
  LAT,
  MARK,
  SLOW,
  charClass,
  foldChar,
  foldWord,
  lookalike,
} from './normalize';

export function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isWord(k: number): boolean {
  return (k >= 1 && k <= 6) || k === SLOW;
}

/** Walk an already-folded key through the trie; matched word ids go to the scratch. */
export function walkKeyScratch(det: CompiledDetector, key: string): void {
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

// Scratch space for the word ids one token matches: `scratchIds[0, scratchN)`, read by the
// matcher through the live bindings, cleared per token with `clearScratch`.
export let scratchIds = new Int32Array(64);
export let scratchN = 0;
export function push(w: number): void {
  if (scratchN === scratchIds.length) {
    const bigger = new Int32Array(scratchIds.length * 2);
    bigger.set(scratchIds);
    scratchIds = bigger;
  }
  scratchIds[scratchN++] = w;
}
export function clearScratch(): void {
  scratchN = 0;
}

/** Walk the word `text[s, e)` through the trie; matched word ids go to the scratch. */
export function walkToken(det: CompiledDetector, text: string, s: number, e: number): void {
  const { exact, prefix } = det;
  let lat = 0;
  let cyr = 0;
  let slow = false;
  let apos = -1;
  for (let q = s; q < e; q++) {
    const k = charClass(text.charCodeAt(q));
    if (k === LAT) lat++;
    else if (k === CYR) cyr++;
    else if (k === MARK || k === SLOW) slow = true;
    else if (k === APOS && apos < 0) apos = q;
  }
  if (slow) {
    walkKeyScratch(det, foldWord(text.slice(s, e)));
  } else {
    const script = lat > 0 && cyr > 0 ? (cyr >= lat ? CYR : LAT) : 0;
    let node = 0;
    let alive = true;
    for (let q = s; q < e; q++) {
      const c = text.charCodeAt(q);
      const k = charClass(c);
      if (k === IGN) continue;
      let f = foldChar(c);
      if (script !== 0) f = lookalike(f, script);
      if (k === APOS && node !== 0 && q + 2 === e && foldChar(text.charCodeAt(q + 1)) === 0x73) {
        const ex = exact[node];
        if (ex) for (const w of ex) push(w);
      }
      const next = step(det, node, f);
      if (next < 0) {
        alive = false;
        break;
      }
      node = next;
      const pre = prefix[node];
      if (pre) for (const w of pre) push(w);
    }
    if (alive) {
      const ex = exact[node];
      if (ex) for (const w of ex) push(w);
    }
  }
  // French and Italian elision (l'enfant, d'enfants, dell'infanzia): match the rest too.
  if (apos > s && apos - s <= 4 && lat > 0) walkKeyScratch(det, foldWord(text.slice(apos + 1, e)));
}

/** Whether a word (as cut by `wordEnd`) that reached `pos` ends there. */
export function endsWordAt(text: string, pos: number, to: number): boolean {
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
export const CAP = 16;

// Phrase verification looks at the words around an anchor; many phrases share an anchor
// ("to russia", "into russia", ...), so the neighbouring words and their matched word ids are
// memoised per call in a small direct-mapped cache keyed by position and direction. Words
// before the anchor usually come from the history of words already read (see `findHits`).
const NB = 64;
const nbPos = new Int32Array(NB).fill(-1);
/** Forget the memoised neighbours (once per call of the matcher, before the first use). */
export function resetNeighbours(): void {
  nbPos.fill(-1);
}
export const nbS = new Int32Array(NB);
export const nbE = new Int32Array(NB);
/** Number of ids in `nbPool` for a slot, or -1 when they are in `nbBig`. */
const nbLen = new Int32Array(NB);
const nbPool = new Int32Array(NB * CAP);
const nbBig: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(NB).fill(undefined);

/** Cache slot of the word after (`forward`) or before `pos`, or -1 at a break or the edge. */
export function neighbour(
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
  const saved = scratchN;
  walkToken(det, text, wS, wE);
  const n = scratchN - saved;
  const ids = scratchIds;
  if (n <= CAP) {
    nbLen[slot] = n;
    const base = slot * CAP;
    for (let q = 0; q < n; q++) nbPool[base + q] = ids[saved + q]!;
  } else {
    nbLen[slot] = -1;
    nbBig[slot] = ids.slice(saved, scratchN);
  }
  scratchN = saved;
  return slot;
}

export function idsHave(slot: number, word: number): boolean {
  const n = nbLen[slot]!;
  if (n < 0) return nbBig[slot]!.includes(word);
  const base = slot * CAP;
  for (let q = base; q < base + n; q++) if (nbPool[q] === word) return true;
  return false;
}
