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
import { findHits, type Hit } from './match';
import { readNumbers } from './numbers';
import { prefilterMask } from './prefilter';

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

interface BlockScan {
  hits: Hit[];
  has: number; // bit mask of groups present
}

function scan(det: CompiledDetector, text: string): BlockScan {
  const hits = findHits(det, text);
  let has = 0;
  for (const h of hits) has |= 1 << h.group;
  return { hits, has };
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

/** The closest pair (a in groupA, b in groupB) within WINDOW tokens, or null. Linear. */
function nearPair(hits: Hit[], a: number, b: number): [Hit, Hit] | null {
  let best: [Hit, Hit] | null = null;
  let bestD = Infinity;
  let lastA: Hit | null = null;
  let lastB: Hit | null = null;
  for (const h of hits) {
    if (h.group === a) {
      if (lastB) {
        const d = h.tok - lastB.tokEnd;
        if (d <= WINDOW && d < bestD) {
          best = [h, lastB];
          bestD = d;
        }
      }
      lastA = h;
    }
    if (h.group === b) {
      if (lastA) {
        const d = Math.max(0, h.tok - lastA.tokEnd);
        if (d <= WINDOW && d < bestD) {
          best = [lastA, h];
          bestD = d;
        }
      }
      lastB = h;
    }
  }
  return best;
}

function firstOf(hits: Hit[], mask: number): Hit | undefined {
  return hits.find((h) => (mask & bit(h.group)) !== 0);
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

/** At most this many annotations per block. */
export const MAX_ANNOTATIONS = 100;

function annotate(det: CompiledDetector, text: string, sc: BlockScan, fired: Hit[]): Annotation[] {
  const anns: Annotation[] = [];
  const childHits = sc.hits.filter((h) => h.group === G.child);
  for (const h of sc.hits) {
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
  const seriesHits = sc.hits.filter((h) => h.group === G.series);
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
  for (const n of numbers) {
    if (anns.length >= 2 * MAX_ANNOTATIONS) break;
    // The child noun after the number belongs to the span ("19,546 children").
    const noun = nounAfter(n.end);
    const end = noun ? noun.end : n.end;
    // Nearest series cue in the same sentence.
    const [ss, se] = sentenceAround(text, n.start, end);
    let series: string | null = null;
    let bestD = Infinity;
    for (
      let k = lowerBound(seriesHits, ss);
      k < seriesHits.length && seriesHits[k]!.start < se;
      k++
    ) {
      const h = seriesHits[k]!;
      if (h.end > se) continue;
      const d = h.start >= end ? h.start - end : h.end <= n.start ? (n.start - h.end) * 1.2 : 0;
      if (d < bestD) {
        bestD = d;
        series = det.terms[h.term]!.ref;
      }
    }
    if (series === null || bestD > 120)
      series = seriesByValue(det, n.value) ?? (bestD <= 120 ? series : null);
    if (series === null && !noun) continue; // neither a series nor "N children": not a count we place
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
        sc.hits
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
const EMPTY_SCAN: BlockScan = { hits: [], has: 0 };

interface Page {
  det: CompiledDetector;
  blocks: readonly { text: string }[];
  scans: BlockScan[];
  title: BlockScan | null;
  titleText: string;
  /** Annotations made so far on this page (see MAX_PAGE_ANNOTATIONS). */
  annotations: number;
}

/**
 * At most this many annotations per page: later relevant blocks of a pathological page are
 * still marked relevant, without spans, so that the page costs linear time with a small
 * constant.
 */
export const MAX_PAGE_ANNOTATIONS = 2000;

function contextOf(page: Page, i: number, mask: number): Explanation['context'] {
  const sc = page.scans[i]!;
  const own = firstOf(sc.hits, mask);
  if (own) return { where: 'block', text: page.blocks[i]!.text.slice(own.start, own.end) };
  for (let d = 1; d <= NEIGHBOURS; d++) {
    for (const j of [i - d, i + d]) {
      const nb = page.scans[j];
      if (!nb || (nb.has & mask) === 0) continue;
      const h = firstOf(nb.hits, mask)!;
      return { where: 'neighbour', text: page.blocks[j]!.text.slice(h.start, h.end) };
    }
  }
  const title = page.title;
  if (title && (title.has & mask) !== 0) {
    const h = firstOf(title.hits, mask)!;
    return { where: 'title', text: page.titleText.slice(h.start, h.end) };
  }
  return null;
}

function near(page: Page, i: number, mask: number, d = 1): boolean {
  const { scans } = page;
  if ((scans[i]!.has & mask) !== 0) return true;
  for (let k = 1; k <= d; k++)
    if (((scans[i - k]?.has ?? 0) & mask) !== 0 || ((scans[i + k]?.has ?? 0) & mask) !== 0)
      return true;
  return false;
}

function fire(
  page: Page,
  i: number,
  rule: Rule,
  fired: Hit[],
  context: Explanation['context'],
): BlockResult {
  const text = page.blocks[i]!.text;
  return {
    relevant: true,
    explanation: { rule, terms: fired.map((h) => term(page.det, text, h)), context },
    annotations:
      page.annotations >= MAX_PAGE_ANNOTATIONS
        ? []
        : count(page, annotate(page.det, text, page.scans[i]!, fired)),
  };
}

function count(page: Page, anns: Annotation[]): Annotation[] {
  page.annotations += anns.length;
  return anns;
}

/** The rules for one block that holds a child or a strong term. */
function judge(page: Page, i: number): BlockResult {
  const sc = page.scans[i]!;
  const excluded = (sc.has & bit(G.exclude)) !== 0;
  const destInBlock = (sc.has & bit(G.destination)) !== 0;

  const strong = firstOf(sc.hits, bit(G.strong));
  if (strong) return fire(page, i, 'strong', [strong], contextOf(page, i, CTX));

  let note: string | undefined;
  const mv = nearPair(sc.hits, G.child, G.movement);
  if (mv) {
    const ctx = contextOf(page, i, CTX);
    if (!ctx) note = 'child and movement terms, but no Ukraine/Russia context';
    else if (excluded && !destInBlock) note = 'child and movement terms, vetoed by an exclude term';
    else return fire(page, i, 'child+movement', mv, ctx);
  }
  const eu = nearPair(sc.hits, G.child, G.euphemism);
  if (eu) {
    if (excluded) note ??= 'child and euphemism terms, vetoed by an exclude term';
    else if (near(page, i, bit(G.destination), 1))
      return fire(
        page,
        i,
        'child+euphemism+destination',
        eu,
        contextOf(page, i, bit(G.destination)),
      );
    else note ??= 'child and euphemism terms, but no Russia-side destination';
  }
  const rt = nearPair(sc.hits, G.child, G.return);
  if (rt) {
    const ctx = contextOf(page, i, CTX);
    if (excluded) note ??= 'child and return terms, vetoed by an exclude term';
    else if (ctx && near(page, i, bit(G.destination) | bit(G.movement), 1))
      return fire(page, i, 'child+return', rt, ctx);
    else note ??= 'child and return terms, but no destination or movement term nearby';
  }
  return {
    relevant: false,
    explanation: { rule: null, terms: [], context: null, ...(note ? { note } : {}) },
    annotations: [],
  };
}

export function detectBlocks(
  det: CompiledDetector,
  blocks: readonly { text: string }[],
  options: DetectOptions = {},
): BlockResult[] {
  const n = blocks.length;
  // Only a block with a child or strong word can be relevant, and only its neighbours are
  // read for context. The matcher runs on those blocks and their neighbours alone: a block
  // within NEIGHBOURS after one with a child or strong hit is matched directly (its hits say
  // whether the next ones are needed); any other block is matched only when the cheap
  // pre-filter pass finds a child or strong word in it, and then its earlier neighbours too.
  // (The pre-filter's groups are a superset of the matcher's, so the blocks judged and the
  // neighbours they read are the same as when every block passes the pre-filter first.)
  const scans: BlockScan[] = new Array<BlockScan>(n).fill(EMPTY_SCAN);
  let matched = -1; // the last block the matcher ran on
  let needUntil = -1; // blocks up to here are needed by an earlier block
  for (let i = 0; i < n; i++) {
    let sc: BlockScan;
    if (i <= needUntil) sc = scan(det, blocks[i]!.text);
    else if ((prefilterMask(det, blocks[i]!.text) & CHILD_OR_STRONG) !== 0) {
      for (let j = Math.max(matched + 1, i - NEIGHBOURS); j < i; j++)
        scans[j] = scan(det, blocks[j]!.text);
      sc = scan(det, blocks[i]!.text);
    } else sc = EMPTY_SCAN;
    scans[i] = sc;
    if (sc !== EMPTY_SCAN) matched = i;
    if ((sc.has & CHILD_OR_STRONG) !== 0) needUntil = i + NEIGHBOURS;
  }
  const page: Page = {
    det,
    blocks,
    scans,
    title: options.title ? scan(det, options.title) : null,
    titleText: options.title ?? '',
    annotations: 0,
  };
  const first: BlockResult[] = new Array<BlockResult>(n);
  for (let i = 0; i < n; i++)
    first[i] = (scans[i]!.has & CHILD_OR_STRONG) === 0 ? NONE : judge(page, i);
  // Second pass: a block next to a relevant one that counts children ("464 children were
  // ...", "about 20,000 children who ...") or echoes a claim carries its figures too.
  const out: BlockResult[] = new Array<BlockResult>(n);
  for (let i = 0; i < n; i++) {
    const r = first[i]!;
    out[i] = r;
    if (r.relevant) continue;
    const sc = scans[i]!;
    if ((sc.has & bit(G.child)) === 0 || (sc.has & bit(G.exclude)) !== 0) continue;
    if (!(first[i - 1]?.relevant || first[i + 1]?.relevant)) continue;
    if (page.annotations >= MAX_PAGE_ANNOTATIONS) continue;
    const anns = annotate(det, blocks[i]!.text, sc, []).filter(
      (a) => a.kind === 'figure' || a.kind === 'claim',
    );
    if (anns.length === 0) continue;
    const child = firstOf(sc.hits, bit(G.child))!;
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
  return out;
}
