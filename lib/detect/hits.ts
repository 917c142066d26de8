/**
 * Hits as parallel typed arrays (no object per hit), appended by the matcher and sorted by
 * start, longest first; `Hit` objects are made only for the hits a caller reports.
 */

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

export function pushHit(
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

/**
 * Sort the hits `[lo, buf.n)` by start, then longest first (stable; hits arrive almost
 * sorted): insertion sort for short runs, a stable sort of indices for long ones.
 */
export function sortHits(buf: HitBuffer, lo: number): void {
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
