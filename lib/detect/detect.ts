/**
 * Relevance per block, explanations and annotations.
 *
 * A block is relevant when
 *  - it holds a strong term (rule `strong`), or
 *  - a child term and a movement term lie within WINDOW words of each other, with a
 *    Ukraine/Russia context in the block, a neighbour block or the title (`child+movement`), or
 *  - a child term near an official euphemism ("evacuated", "received") with a Russia-side
 *    destination term in the block or a neighbour (`child+euphemism+destination`), or
 *  - a child term near a return term, with a destination term or a movement term in the
 *    block or a neighbour, and a context (`child+return`).
 * Exclude terms (Soviet-era deportations, other countries' deportations, other ICC cases,
 * prisoner exchanges) in the block veto the weak rules unless a destination term is there too.
 */
import type { Qualifier } from '../dataset/schema';
import { G, GROUPS, type CompiledDetector, type FigureRef, type Group } from './compile';
import { findHitsInto, hitAt, newHitBuffer, type Hit, type HitBuffer } from './match';
import { readNumbers } from './numbers';
import { prefilterOf, runPrefilterMask } from './prefilter';

export const WINDOW = 24;
const NEIGHBOURS = 2;

export type Rule =
  'strong' | 'child+movement' | 'child+euphemism+destination' | 'child+return' | 'neighbour+figure';

export interface MatchedTerm {
  group: Group;
  /** The lexicon pattern that matched, its language, and the claim/series id for cues. */
  pattern: string;
  lang: string;
  ref: string | null;
  /** The matched text and its offsets in the block. */
  text: string;
  start: number;
  end: number;
}

export interface Explanation {
  rule: Rule | null;
  /** Terms that made the rule fire (the pair, or the strong term). */
  terms: MatchedTerm[];
  /** Where the Ukraine/Russia context came from, and the word that gave it. */
  context: { where: 'block' | 'neighbour' | 'title'; text: string } | null;
  /** Why a candidate did not fire, when it did not (for debugging and the card). */
  note?: string;
}

export interface FigureNote {
  text: string;
  value: number;
  qualifier: Qualifier;
  series: string | null;
  /** A later figure of the same series than the one this number matches. */
  newer?: FigureRef;
  /** The latest figure of the series, when the series has figures. */
  latest?: FigureRef;
}

export interface Annotation {
  start: number;
  end: number;
  quote: string;
  kind: 'claim' | 'figure' | 'topic';
  /** Claim ids and series ids of the cards this span opens. */
  cards: string[];
  figures: FigureNote[];
}

export interface BlockResult {
  relevant: boolean;
  explanation: Explanation;
  annotations: Annotation[];
}

export interface DetectOptions {
  title?: string;
  lang?: string;
}

const bit = (g: number) => 1 << g;

function term(det: CompiledDetector, text: string, h: Hit): MatchedTerm {
  const t = det.terms[h.term]!;
  return {
    group: GROUPS[t.group]!,
    pattern: t.pattern,
    lang: t.lang,
    ref: t.ref,
    text: text.slice(h.start, h.end),
    start: h.start,
    end: h.end,
  };
}

// Result registers of `nearPair` (no array per call).
let pairX = -1;
let pairY = -1;

/**
 * The closest pair (a in groupA, b in groupB) within WINDOW tokens among the hits
 * `[lo, hi)` of a buffer, into (pairX, pairY) in the order of the explanation; false when
 * there is none. Linear.
 */
function nearPair(buf: HitBuffer, lo: number, hi: number, a: number, b: number): boolean {
  const { group, tok, tokEnd } = buf;
  let bestD = Infinity;
  let lastA = -1;
  let lastB = -1;
  pairX = -1;
  pairY = -1;
  for (let h = lo; h < hi; h++) {
    const g = group[h]!;
    if (g === a) {
      if (lastB >= 0) {
        const d = tok[h]! - tokEnd[lastB]!;
        if (d <= WINDOW && d < bestD) {
          pairX = h;
          pairY = lastB;
          bestD = d;
        }
      }
      lastA = h;
    }
    if (g === b) {
      if (lastA >= 0) {
        const d = Math.max(0, tok[h]! - tokEnd[lastA]!);
        if (d <= WINDOW && d < bestD) {
          pairX = lastA;
          pairY = h;
          bestD = d;
        }
      }
      lastB = h;
    }
  }
  return pairX >= 0;
}

/** Index of the first hit in `[lo, hi)` whose group is in `mask`, or -1. */
function firstOf(buf: HitBuffer, lo: number, hi: number, mask: number): number {
  const { group } = buf;
  for (let h = lo; h < hi; h++) if ((mask & bit(group[h]!)) !== 0) return h;
  return -1;
}

/** Sentence around [start, end) in a block: split at . ! ? … followed by a space or the end. */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
  limit = 400,
): [number, number] {
  let s = start;
  const sMin = Math.max(0, start - limit);
  const eMax = Math.min(text.length, end + limit);
  while (s > sMin) {
    const c = text[s - 1]!;
    if (c === '\n') break;
    if (
      (c === ' ' || c === '\u00A0') &&
      s >= 2 &&
      '.!?…'.includes(text[s - 2]!) &&
      !/\d/u.test(text[s - 3] ?? '')
    )
      break;
    s--;
  }
  let e = end;
  while (e < eMax) {
    const c = text[e]!;
    if (c === '\n') break;
    if ('.!?…'.includes(c) && (e + 1 >= text.length || /\s/u.test(text[e + 1]!))) {
      e++;
      break;
    }
    e++;
  }
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return [s, e];
}

function placeFigure(
  det: CompiledDetector,
  series: string | null,
  value: number,
): Pick<FigureNote, 'newer' | 'latest'> {
  if (!series) return {};
  const list = det.figuresBySeries.get(series);
  if (!list || list.length === 0) return {};
  const latest = list[list.length - 1]!;
  const out: Pick<FigureNote, 'newer' | 'latest'> = { latest };
  // The figure this number most likely quotes: the latest one with a value within 1%.
  let matched: FigureRef | undefined;
  for (const f of list) if (Math.abs(f.value - value) <= Math.max(1, f.value * 0.01)) matched = f;
  if (matched && latest.asOf > matched.asOf && latest.value !== matched.value) out.newer = latest;
  return out;
}

function seriesByValue(det: CompiledDetector, value: number): string | null {
  if (value < 100) return null;
  let found: string | null = null;
  for (const [series, list] of det.figuresBySeries) {
    if (list.some((f) => f.value === value)) {
      if (found && found !== series) return null;
      found = series;
    }
  }
  return found;
}

/** First index whose hit starts at or after `pos` (hits are sorted by start). */
function lowerBound(hits: Hit[], pos: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether two numbers are written as one range or compound ("200,000 to 300,000",
 * "5–7", "19 тысяч 505"): at most one short word or a dash between them, no punctuation.
 */
function isRange(text: string, from: number, to: number): boolean {
  if (to - from > 6) return false;
  for (let q = from; q < to; q++) if (',.;:!?()'.includes(text[q]!)) return false;
  return true;
}

/**
 * Whether `text[from, to)` joins two items of a list: one comma or semicolon and at most
 * three words ("children were injured, 358"), no sentence end.
 */
function listed(text: string, from: number, to: number): boolean {
  if (to - from > 60) return false;
  let commas = 0;
  let words = 0;
  let inWord = false;
  for (let q = from; q < to; q++) {
    const c = text[q]!;
    if (c === ',' || c === ';') commas++;
    else if ('.!?:()'.includes(c)) return false;
    const space = c === ' ' || c === ',' || c === ';' || c === '\u00A0';
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return commas === 1 && words <= 3;
}

/** Series cues count only this far from their number (characters; before it, 1.2 times). */
const CUE_REACH = 120;

/** Whether `text[from, to)` is at most two words, with no punctuation ("43 facilities"). */
function adjacent(text: string, from: number, to: number): boolean {
  if (to - from > 40) return false;
  let words = 0;
  let inWord = false;
  for (let q = from; q < to; q++) {
    const c = text[q]!;
    if (',.;:!?()«»"“”'.includes(c)) return false;
    const space = c === ' ' || c === '\u00A0';
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words <= 2;
}

/**
 * The series of the most specific cue in `[ss, se)` for the number at `[ns, ne)` (its span,
 * with the child noun after it, ends at `spanEnd`). A cue written right after the number
 * names what it counts ("43 facilities") and wins; otherwise, among the cues within
 * CUE_REACH, the heaviest wins, the nearest among equals (a cue before the number counts 1.2
 * times its distance). Null when there is none.
 */
function seriesCueFor(
  det: CompiledDetector,
  text: string,
  seriesHits: Hit[],
  ss: number,
  se: number,
  ns: number,
  ne: number,
  spanEnd: number,
): string | null {
  let series: string | null = null;
  let bestW = 0;
  let bestD = Infinity;
  for (
    let k = lowerBound(seriesHits, ss);
    k < seriesHits.length && seriesHits[k]!.start < se;
    k++
  ) {
    const h = seriesHits[k]!;
    if (h.end > se) continue;
    const t = det.terms[h.term]!;
    if (h.start >= ne && adjacent(text, ne, h.start)) return t.ref;
    const d = h.start >= spanEnd ? h.start - spanEnd : h.end <= ns ? (ns - h.end) * 1.2 : 0;
    if (d > CUE_REACH) continue;
    if (t.weight > bestW || (t.weight === bestW && d < bestD)) {
      bestW = t.weight;
      bestD = d;
      series = t.ref;
    }
  }
  return series;
}

/** At most this many annotations per block. */
export const MAX_ANNOTATIONS = 100;

function annotate(det: CompiledDetector, text: string, hits: Hit[], fired: Hit[]): Annotation[] {
  const anns: Annotation[] = [];
  const childHits = hits.filter((h) => h.group === G.child);
  for (const h of hits) {
    if (h.group !== G.claim) continue;
    if (anns.length >= MAX_ANNOTATIONS) break;
    anns.push({
      start: h.start,
      end: h.end,
      quote: '',
      kind: 'claim',
      cards: [det.terms[h.term]!.ref!],
      figures: [],
    });
  }
  const seriesHits = hits.filter((h) => h.group === G.series);
  // The child noun after a number, with at most two words between ("300 Ukrainian children").
  const nounAfter = (pos: number): Hit | undefined => {
    const h = childHits[lowerBound(childHits, pos)];
    if (!h || h.start - pos > 40) return undefined;
    const between = text.slice(pos, h.start);
    if (/[.,;:!?()«»"“”]/u.test(between)) return undefined;
    return between
      .trim()
      .split(/\s+/u)
      .filter((w) => w.length > 0).length <= 2
      ? h
      : undefined;
  };
  const numbers = readNumbers(text, 0, text.length, {
    childAt: (from) => nounAfter(from) !== undefined,
  });
  let counted = -1; // the last number read as a count of children
  for (let k = 0; k < numbers.length; k++) {
    if (anns.length >= 2 * MAX_ANNOTATIONS) break;
    const n = numbers[k]!;
    // The child noun after the number belongs to the span ("19,546 children").
    const noun = nounAfter(n.end);
    const end = noun ? noun.end : n.end;
    // The number's clause: its sentence, cut at the numbers before and after it, so that
    // "19,546 were deported and 388 returned" gives each number its own cue.
    const [s0, e0] = sentenceAround(text, n.start, end);
    let a = k;
    while (a > 0 && isRange(text, numbers[a - 1]!.end, numbers[a]!.start)) a--;
    let b = k;
    while (b + 1 < numbers.length && isRange(text, numbers[b]!.end, numbers[b + 1]!.start)) b++;
    const ss = Math.max(s0, a > 0 ? numbers[a - 1]!.end : s0);
    const se = Math.min(e0, b + 1 < numbers.length ? numbers[b + 1]!.start : e0);
    const series =
      seriesCueFor(det, text, seriesHits, ss, se, n.start, n.end, end) ??
      seriesByValue(det, n.value);
    // Neither a series nor "N children" nor the next item of a list of child counts ("693
    // children were injured, 358 killed"): not a count we place.
    if (noun) counted = k;
    else if (
      series === null &&
      !(counted === k - 1 && k > 0 && listed(text, numbers[k - 1]!.end, n.start))
    )
      continue;
    else if (series === null) counted = k;
    anns.push({
      start: n.start,
      end,
      quote: '',
      kind: 'figure',
      cards: series ? [series] : [],
      figures: [
        {
          text: n.text,
          value: n.value,
          qualifier: n.qualifier,
          series,
          ...placeFigure(det, series, n.value),
        },
      ],
    });
  }
  if (anns.length === 0 && fired.length > 0) {
    const start = Math.min(...fired.map((h) => h.start));
    const end = Math.max(...fired.map((h) => h.end));
    const [s, e] = sentenceAround(text, start, end);
    const cards = [
      ...new Set(
        hits
          .filter(
            (h) => (h.group === G.series || h.group === G.claim) && h.start >= s && h.end <= e,
          )
          .map((h) => det.terms[h.term]!.ref!),
      ),
    ];
    anns.push({ start: s, end: e, quote: '', kind: 'topic', cards, figures: [] });
  }
  // Merge overlapping spans.
  anns.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Annotation[] = [];
  for (const a of anns) {
    const last = merged[merged.length - 1];
    if (last && a.start < last.end) {
      last.end = Math.max(last.end, a.end);
      for (const c of a.cards) if (!last.cards.includes(c)) last.cards.push(c);
      last.figures.push(...a.figures);
      if (a.kind === 'figure' || last.kind === 'figure')
        last.kind = last.figures.length > 0 ? 'figure' : last.kind;
    } else merged.push({ ...a, cards: [...a.cards], figures: [...a.figures] });
  }
  if (merged.length > MAX_ANNOTATIONS) merged.length = MAX_ANNOTATIONS;
  for (const a of merged) a.quote = text.slice(a.start, a.end);
  return merged;
}

/**
 * Decide relevance and annotate each block. Blocks give each other context (up to two on
 * either side); the page title gives context to all. Offsets are into each block's text.
 */
const NONE: BlockResult = Object.freeze({
  relevant: false,
  explanation: Object.freeze({ rule: null, terms: [], context: null }),
  annotations: [],
}) as BlockResult;

const CTX = bit(G.context) | bit(G.destination) | bit(G.strong);
const CHILD_OR_STRONG = bit(G.child) | bit(G.strong);

interface Page {
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

/**
 * At most this many annotations per page: later relevant blocks of a pathological page are
 * still marked relevant, without spans, so that the page costs linear time with a small
 * constant. Past the cap a block is judged by the rules alone: its explanation names the rule
 * but no terms or context (one shared, frozen result per rule), and no numbers are read.
 */
export const MAX_PAGE_ANNOTATIONS = 2000;

const CAPPED_NOTE = 'page annotation cap reached: terms and context not recorded';

function frozenResult(relevant: boolean, rule: Rule | null, note?: string): BlockResult {
  const explanation: Explanation = { rule, terms: [], context: null };
  if (note) explanation.note = note;
  Object.freeze(explanation.terms);
  return Object.freeze({
    relevant,
    explanation: Object.freeze(explanation),
    annotations: Object.freeze([]) as unknown as Annotation[],
  }) as BlockResult;
}

const CAPPED = {
  strong: frozenResult(true, 'strong', CAPPED_NOTE),
  movement: frozenResult(true, 'child+movement', CAPPED_NOTE),
  euphemism: frozenResult(true, 'child+euphemism+destination', CAPPED_NOTE),
  return: frozenResult(true, 'child+return', CAPPED_NOTE),
};
const cappedMisses = new Map<string, BlockResult>();

/** Add the hits of `text` to the page's buffer; returns the groups present. */
function scanText(page: Page, text: string): number {
  const { buf } = page;
  const lo = buf.n;
  findHitsInto(page.det, text, buf);
  const { group } = buf;
  let has = 0;
  for (let h = lo; h < buf.n; h++) has |= 1 << group[h]!;
  return has;
}

function scanBlock(page: Page, i: number): void {
  page.lo[i] = page.buf.n;
  page.has[i] = scanText(page, page.blocks[i]!.text);
  page.hi[i] = page.buf.n;
  page.scanned[i] = 1;
}

/** Run the matcher on block j if it exists and has not been matched yet. */
function ensure(page: Page, j: number): void {
  if (j >= 0 && j < page.blocks.length && page.scanned[j] === 0) scanBlock(page, j);
}

function hitsOf(page: Page, i: number): Hit[] {
  const lo = page.lo[i]!;
  const hi = page.hi[i]!;
  const out = new Array<Hit>(hi - lo);
  for (let h = lo; h < hi; h++) out[h - lo] = hitAt(page.buf, h);
  return out;
}

// Result register of `findContext`: the block the context hit is in (-1: the title).
let ctxBlock = -1;

/** Index of the hit that gives block i its context, or -1 (see `contextOf`). */
function findContext(page: Page, i: number, mask: number): number {
  const { buf, lo, hi, has } = page;
  const n = page.blocks.length;
  ctxBlock = i;
  const own = firstOf(buf, lo[i]!, hi[i]!, mask);
  if (own >= 0) return own;
  for (let d = 1; d <= NEIGHBOURS; d++) {
    for (let side = 0; side < 2; side++) {
      const j = side === 0 ? i - d : i + d;
      if (j < 0 || j >= n) continue;
      ensure(page, j);
      if ((has[j]! & mask) === 0) continue;
      ctxBlock = j;
      return firstOf(buf, lo[j]!, hi[j]!, mask);
    }
  }
  ctxBlock = -1;
  if ((page.titleHas & mask) !== 0) return firstOf(buf, page.titleLo, page.titleHi, mask);
  return -1;
}

/** Whether block i has a context (`findContext` finds one), from the group masks alone. */
function hasContext(page: Page, i: number, mask: number): boolean {
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
const COMPACT_AT = 4096;

/**
 * Past the page annotation cap, only blocks from i on are judged, each by its own hits and
 * the group masks of its neighbours (no contexts, no second pass): the hits of earlier blocks
 * and of the title are dropped, and the page's buffer stays small however long the page.
 */
function compact(page: Page, i: number): void {
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

function contextOf(page: Page, i: number, mask: number): Explanation['context'] {
  const h = findContext(page, i, mask);
  if (h < 0) return null;
  const { start, end } = page.buf;
  if (ctxBlock === -1) return { where: 'title', text: page.titleText.slice(start[h], end[h]) };
  return {
    where: ctxBlock === i ? 'block' : 'neighbour',
    text: page.blocks[ctxBlock]!.text.slice(start[h], end[h]),
  };
}

function near(page: Page, i: number, mask: number, d = 1): boolean {
  const { has } = page;
  if ((has[i]! & mask) !== 0) return true;
  for (let k = 1; k <= d; k++) {
    ensure(page, i - k);
    ensure(page, i + k);
    if (((has[i - k] ?? 0) & mask) !== 0 || ((has[i + k] ?? 0) & mask) !== 0) return true;
  }
  return false;
}

function fire(
  page: Page,
  i: number,
  rule: Rule,
  firedIdx: number[],
  context: Explanation['context'],
): BlockResult {
  const text = page.blocks[i]!.text;
  const fired = firedIdx.map((h) => hitAt(page.buf, h));
  return {
    relevant: true,
    explanation: { rule, terms: fired.map((h) => term(page.det, text, h)), context },
    annotations: count(page, annotate(page.det, text, hitsOf(page, i), fired)),
  };
}

function count(page: Page, anns: Annotation[]): Annotation[] {
  page.annotations += anns.length;
  return anns;
}

/**
 * The rules for one block that holds a child or a strong term. Past the page's annotation
 * cap only the rules run, and the result is a shared one per rule or note.
 */
function judge(page: Page, i: number): BlockResult {
  const capped = page.annotations >= MAX_PAGE_ANNOTATIONS;
  const { buf } = page;
  const lo = page.lo[i]!;
  const hi = page.hi[i]!;
  const has = page.has[i]!;
  const excluded = (has & bit(G.exclude)) !== 0;
  const destInBlock = (has & bit(G.destination)) !== 0;

  const strong = firstOf(buf, lo, hi, bit(G.strong));
  if (strong >= 0)
    return capped ? CAPPED.strong : fire(page, i, 'strong', [strong], contextOf(page, i, CTX));

  let note: string | undefined;
  if (nearPair(buf, lo, hi, G.child, G.movement)) {
    const mv = [pairX, pairY];
    if (!hasContext(page, i, CTX)) note = 'child and movement terms, but no Ukraine/Russia context';
    else if (excluded && !destInBlock) note = 'child and movement terms, vetoed by an exclude term';
    else if (capped) return CAPPED.movement;
    else return fire(page, i, 'child+movement', mv, contextOf(page, i, CTX));
  }
  if (nearPair(buf, lo, hi, G.child, G.euphemism)) {
    const eu = [pairX, pairY];
    if (excluded) note ??= 'child and euphemism terms, vetoed by an exclude term';
    else if (!near(page, i, bit(G.destination), 1))
      note ??= 'child and euphemism terms, but no Russia-side destination';
    else if (capped) return CAPPED.euphemism;
    else
      return fire(
        page,
        i,
        'child+euphemism+destination',
        eu,
        contextOf(page, i, bit(G.destination)),
      );
  }
  if (nearPair(buf, lo, hi, G.child, G.return)) {
    const rt = [pairX, pairY];
    if (excluded) note ??= 'child and return terms, vetoed by an exclude term';
    else if (!hasContext(page, i, CTX) || !near(page, i, bit(G.destination) | bit(G.movement), 1))
      note ??= 'child and return terms, but no destination or movement term nearby';
    else if (capped) return CAPPED.return;
    else return fire(page, i, 'child+return', rt, contextOf(page, i, CTX));
  }
  if (capped) {
    const key = note ?? '';
    let r = cappedMisses.get(key);
    if (!r) {
      r = frozenResult(false, null, note);
      cappedMisses.set(key, r);
    }
    return r;
  }
  return {
    relevant: false,
    explanation: { rule: null, terms: [], context: null, ...(note ? { note } : {}) },
    annotations: [],
  };
}

// The hit buffer of `detectBlocks`, reused from call to call (calls never overlap).
let pageBuf: HitBuffer = newHitBuffer(1024);

export function detectBlocks(
  det: CompiledDetector,
  blocks: readonly { text: string }[],
  options: DetectOptions = {},
): BlockResult[] {
  const n = blocks.length;
  // Only a block with a child or strong word can be relevant, and only its neighbours are
  // read for context. The cheap pre-filter pass finds the blocks that may hold such a word;
  // the matcher runs on those, and on a neighbour only when a rule asks about it (`ensure`).
  // A block that the pre-filter passes over holds no child or strong hit (its groups are a
  // superset of the matcher's), so it is never judged, and is matched only as a neighbour.
  const buf = pageBuf;
  buf.n = 0;
  const page: Page = {
    det,
    blocks,
    buf,
    lo: new Int32Array(n),
    hi: new Int32Array(n),
    has: new Int32Array(n),
    scanned: new Uint8Array(n),
    titleLo: 0,
    titleHi: 0,
    titleHas: 0,
    titleText: options.title ?? '',
    annotations: 0,
  };
  if (options.title) {
    page.titleLo = buf.n;
    page.titleHas = scanText(page, options.title);
    page.titleHi = buf.n;
  }
  const pf = prefilterOf(det);
  const { has, scanned } = page;
  const first: BlockResult[] = new Array<BlockResult>(n);
  for (let i = 0; i < n; i++) {
    first[i] = NONE;
    if (page.annotations >= MAX_PAGE_ANNOTATIONS && buf.n > COMPACT_AT) compact(page, i);
    if (scanned[i] === 0) {
      if ((runPrefilterMask(pf, blocks[i]!.text, CHILD_OR_STRONG) & CHILD_OR_STRONG) === 0)
        continue;
      scanBlock(page, i);
    }
    if ((has[i]! & CHILD_OR_STRONG) !== 0) first[i] = judge(page, i);
  }
  // Second pass: a block next to a relevant one that counts children ("464 children were
  // ...", "about 20,000 children who ...") or echoes a claim carries its figures too.
  const out: BlockResult[] = new Array<BlockResult>(n);
  for (let i = 0; i < n; i++) {
    const r = first[i]!;
    out[i] = r;
    if (r.relevant) continue;
    const h = has[i]!;
    if ((h & bit(G.child)) === 0 || (h & bit(G.exclude)) !== 0) continue;
    if (!(first[i - 1]?.relevant || first[i + 1]?.relevant)) continue;
    if (page.annotations >= MAX_PAGE_ANNOTATIONS) continue;
    const anns = annotate(det, blocks[i]!.text, hitsOf(page, i), []).filter(
      (a) => a.kind === 'figure' || a.kind === 'claim',
    );
    if (anns.length === 0) continue;
    const child = hitAt(buf, firstOf(buf, page.lo[i]!, page.hi[i]!, bit(G.child)));
    out[i] = {
      relevant: true,
      explanation: {
        rule: 'neighbour+figure',
        terms: [term(det, blocks[i]!.text, child)],
        context: { where: 'neighbour', text: '' },
      },
      annotations: anns,
    };
  }
  // A buffer grown by a pathological page is not kept.
  if (buf.term.length > 1 << 13) pageBuf = newHitBuffer(1024);
  return out;
}
