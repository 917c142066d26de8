/**
 * The state of one page while its blocks are judged: every matched block's hits in one
 * buffer, the groups present per block, lazy matching of neighbours, the contexts a block
 * borrows from its neighbours or the title, and compaction past the page annotation cap.
 */
import { findHitsInto, hitAt, type Hit, type HitBuffer } from './match';
import type { CompiledDetector } from './compile';
import type { Explanation } from './types';

export const NEIGHBOURS = 2;

export const bit = (g: number) => 1 << g;

/** Index of the first hit in `[lo, hi)` whose group is in `mask`, or -1. */
export function firstOf(buf: HitBuffer, lo: number, hi: number, mask: number): number {
  const { group } = buf;
  for (let h = lo; h < hi; h++) if ((mask & bit(group[h]!)) !== 0) return h;
  return -1;
}

export interface Page {
  det: CompiledDetector;
  blocks: readonly { text: string }[];
  /** The hits of all matched blocks and the title; block i holds `[lo[i], hi[i])`. */
  buf: HitBuffer;
  lo: Int32Array;
  hi: Int32Array;
  /** Bit mask of the groups present in each block (0 for blocks not matched). */
  has: Int32Array;
  /** Whether the matcher ran on each block (see `detectBlocks`). */
  scanned: Uint8Array;
  titleLo: number;
  titleHi: number;
  titleHas: number;
  titleText: string;
  /** Annotations made so far on this page (see MAX_PAGE_ANNOTATIONS). */
  annotations: number;
}

/** Add the hits of `text` to the page's buffer; returns the groups present. */
export function scanText(page: Page, text: string): number {
  const { buf } = page;
  const lo = buf.n;
  findHitsInto(page.det, text, buf);
  const { group } = buf;
  let has = 0;
  for (let h = lo; h < buf.n; h++) has |= 1 << group[h]!;
  return has;
}

export function scanBlock(page: Page, i: number): void {
  page.lo[i] = page.buf.n;
  page.has[i] = scanText(page, page.blocks[i]!.text);
  page.hi[i] = page.buf.n;
  page.scanned[i] = 1;
}

/** Run the matcher on block j if it exists and has not been matched yet. */
function ensure(page: Page, j: number): void {
  if (j >= 0 && j < page.blocks.length && page.scanned[j] === 0) scanBlock(page, j);
}

export function hitsOf(page: Page, i: number): Hit[] {
  const lo = page.lo[i]!;
  const hi = page.hi[i]!;
  const out = new Array<Hit>(hi - lo);
  for (let h = lo; h < hi; h++) out[h - lo] = hitAt(page.buf, h);
  return out;
}

/**
 * The context of block i: the first hit of a group in `mask` in the block, else in the
 * nearest neighbour (up to NEIGHBOURS on either side, the one before first) that has one,
 * else in the title; null when there is none.
 */
export function contextOf(page: Page, i: number, mask: number): Explanation['context'] {
  const { buf, lo, hi, has } = page;
  const n = page.blocks.length;
  const quote = (j: number, h: number) => page.blocks[j]!.text.slice(buf.start[h], buf.end[h]);
  const own = firstOf(buf, lo[i]!, hi[i]!, mask);
  if (own >= 0) return { where: 'block', text: quote(i, own) };
  for (let d = 1; d <= NEIGHBOURS; d++) {
    for (let side = 0; side < 2; side++) {
      const j = side === 0 ? i - d : i + d;
      if (j < 0 || j >= n) continue;
      ensure(page, j);
      if ((has[j]! & mask) === 0) continue;
      return { where: 'neighbour', text: quote(j, firstOf(buf, lo[j]!, hi[j]!, mask)) };
    }
  }
  if ((page.titleHas & mask) === 0) return null;
  const h = firstOf(buf, page.titleLo, page.titleHi, mask);
  return { where: 'title', text: page.titleText.slice(buf.start[h], buf.end[h]) };
}

/** Whether block i has a context (`contextOf` finds one), from the group masks alone. */
export function hasContext(page: Page, i: number, mask: number): boolean {
  const { has } = page;
  const n = page.blocks.length;
  if ((has[i]! & mask) !== 0) return true;
  for (let d = 1; d <= NEIGHBOURS; d++) {
    for (let side = 0; side < 2; side++) {
      const j = side === 0 ? i - d : i + d;
      if (j < 0 || j >= n) continue;
      ensure(page, j);
      if ((has[j]! & mask) !== 0) return true;
    }
  }
  return (page.titleHas & mask) !== 0;
}

/** Compact the page's hits past this many, once the page annotation cap is reached. */
export const COMPACT_AT = 4096;

/**
 * Past the page annotation cap, only blocks from i on are judged, each by its own hits and
 * the group masks of its neighbours (no contexts, no second pass): the hits of earlier blocks
 * and of the title are dropped, and the page's buffer stays small however long the page.
 */
export function compact(page: Page, i: number): void {
  const { buf, lo, hi, scanned } = page;
  const last = Math.min(page.blocks.length - 1, i + NEIGHBOURS);
  let from = buf.n;
  for (let j = i; j <= last; j++) if (scanned[j] !== 0) from = Math.min(from, lo[j]!);
  // Only when at least half the buffer is dead: amortised linear.
  if (2 * from < buf.n) return;
  const end = buf.n;
  buf.term.copyWithin(0, from, end);
  buf.group.copyWithin(0, from, end);
  buf.start.copyWithin(0, from, end);
  buf.end.copyWithin(0, from, end);
  buf.tok.copyWithin(0, from, end);
  buf.tokEnd.copyWithin(0, from, end);
  buf.n = end - from;
  for (let j = i; j <= last; j++) {
    if (scanned[j] === 0) continue;
    lo[j] = lo[j]! - from;
    hi[j] = hi[j]! - from;
  }
  page.titleLo = page.titleHi = 0;
}

export function near(page: Page, i: number, mask: number, d = 1): boolean {
  const { has } = page;
  if ((has[i]! & mask) !== 0) return true;
  for (let k = 1; k <= d; k++) {
    ensure(page, i - k);
    ensure(page, i + k);
    if (((has[i - k] ?? 0) & mask) !== 0 || ((has[i + k] ?? 0) & mask) !== 0) return true;
  }
  return false;
}
