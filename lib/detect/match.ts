/**
 * The hot loop: cut text into words, walk each word through the compiled trie while folding
 * it, and resolve phrases over consecutive matched words. Linear in the text length: every
 * code unit is visited a bounded number of times, phrases are at most a few words long, and
 * words that match nothing allocate nothing.
 */
import type { CompiledDetector } from './compile';
import { APOS, BRK, CYR, IGN, LAT, MARK, SLOW, charClass, foldChar, foldWord, lookalike } from './normalize';

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

const MAX_PHRASE_WORDS = 24;

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isWord(k: number): boolean {
  return k >= 1 && k <= 6 || k === SLOW;
}

/** Walk an already-folded key through the trie; push matched word ids to `out`. */
function walkKey(det: CompiledDetector, key: string, out: number[]): void {
  const { trie, exact, prefix } = det;
  let node = 0;
  for (let q = 0; q < key.length; q++) {
    const c = key.charCodeAt(q);
    if (c === 0x27 && node !== 0 && q + 2 === key.length && key.charCodeAt(q + 1) === 0x73) {
      const ex = exact[node];
      if (ex) for (const w of ex) out.push(w);
    }
    const next = trie.get(node * 65536 + c);
    if (next === undefined) return;
    node = next;
    const pre = prefix[node];
    if (pre) for (const w of pre) out.push(w);
  }
  const ex = exact[node];
  if (ex) for (const w of ex) out.push(w);
}

/**
 * Find all term matches in `text[from, to)`. `tokBase` offsets token indices so that several
 * calls can share one token numbering.
 */
export function findHits(det: CompiledDetector, text: string, from = 0, to = text.length): Hit[] {
  const { trie, exact, prefix, firstWordTerms, terms } = det;
  const hits: Hit[] = [];
  const mTok: number[] = [];
  const mStart: number[] = [];
  const mEnd: number[] = [];
  const mBrk: boolean[] = [];
  const mWords: number[][] = [];
  const buf: number[] = [];
  let tok = 0;
  let brk = false;
  let i = from;
  while (i < to) {
    const c0 = text.charCodeAt(i);
    const k0 = charClass(c0);
    if (!isWord(k0) || k0 === IGN || k0 === MARK) {
      // A dot or colon between digits ("700.000", "10:30") does not end a phrase.
      if (k0 === BRK && !(i > from && i + 1 < to && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1)))) brk = true;
      i++;
      continue;
    }
    // Cut one word.
    const s = i;
    let lat = 0;
    let cyr = 0;
    let slow = false;
    let apos = -1;
    let j = i;
    while (j < to) {
      const k = charClass(text.charCodeAt(j));
      if (k === LAT) lat++;
      else if (k === CYR) cyr++;
      else if (k === MARK || k === SLOW) slow = true;
      if (isWord(k)) j++;
      else if (k === APOS && j + 1 < to && isWord(charClass(text.charCodeAt(j + 1))) && charClass(text.charCodeAt(j + 1)) !== IGN) {
        if (apos < 0) apos = j;
        j++;
      } else break;
    }
    buf.length = 0;
    if (slow) {
      walkKey(det, foldWord(text.slice(s, j)), buf);
    } else {
      const script = lat > 0 && cyr > 0 ? (cyr >= lat ? CYR : LAT) : 0;
      let node = 0;
      let alive = true;
      for (let q = s; q < j; q++) {
        const c = text.charCodeAt(q);
        const k = charClass(c);
        if (k === IGN) continue;
        let f = foldChar(c);
        if (script !== 0) f = lookalike(f, script);
        if (k === APOS && node !== 0 && q + 2 === j && foldChar(text.charCodeAt(q + 1)) === 0x73) {
          const ex = exact[node];
          if (ex) for (const w of ex) buf.push(w);
        }
        const next = trie.get(node * 65536 + f);
        if (next === undefined) {
          alive = false;
          break;
        }
        node = next;
        const pre = prefix[node];
        if (pre) for (const w of pre) buf.push(w);
      }
      if (alive) {
        const ex = exact[node];
        if (ex) for (const w of ex) buf.push(w);
      }
    }
    // French and Italian elision (l'enfant, d'enfants, dell'infanzia): match the rest too.
    if (apos > s && apos - s <= 4 && lat > 0) walkKey(det, foldWord(text.slice(apos + 1, j)), buf);
    if (buf.length > 0) {
      mTok.push(tok);
      mStart.push(s);
      mEnd.push(j);
      mBrk.push(brk);
      mWords.push(buf.slice());
    }
    brk = false;
    tok++;
    i = j;
  }

  // Resolve terms: single words at once, phrases over consecutive matched words.
  for (let m = 0; m < mTok.length; m++) {
    const ws = mWords[m]!;
    for (let a = 0; a < ws.length; a++) {
      const list = firstWordTerms[ws[a]!];
      if (!list) continue;
      for (const t of list) {
        const term = terms[t]!;
        const len = term.words.length;
        if (len === 1) {
          hits.push({ term: t, group: term.group, start: mStart[m]!, end: mEnd[m]!, tok: mTok[m]!, tokEnd: mTok[m]! });
          continue;
        }
        if (len > MAX_PHRASE_WORDS || m + len - 1 >= mTok.length) continue;
        let ok = true;
        for (let q = 1; q < len; q++) {
          const mm = m + q;
          if (mTok[mm] !== mTok[m]! + q || mBrk[mm] || !mWords[mm]!.includes(term.words[q]!)) {
            ok = false;
            break;
          }
        }
        if (ok) {
          const last = m + len - 1;
          hits.push({ term: t, group: term.group, start: mStart[m]!, end: mEnd[last]!, tok: mTok[m]!, tokEnd: mTok[last]! });
        }
      }
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits;
}
