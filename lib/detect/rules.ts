/**
 * The relevance rules for one block (see detect.ts for the rules in words): the closest
 * child/movement, child/euphemism and child/return pairs, their context and destination
 * checks and the exclude veto, and the result of a block past the page annotation cap.
 */
import { G, GROUPS, type CompiledDetector } from './compile';
import { annotate } from './annotate';
import { hitAt, type Hit, type HitBuffer } from './match';
import { bit, contextOf, firstOf, hasContext, hitsOf, near, type Page } from './page';
import type { Annotation, BlockResult, Explanation, MatchedTerm, Rule } from './types';

export const WINDOW = 24;

export const CTX = bit(G.context) | bit(G.destination) | bit(G.strong);

export function term(det: CompiledDetector, text: string, h: Hit): MatchedTerm {
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

/**
 * The closest pair (a in groupA, b in groupB) within WINDOW tokens among the hits
 * `[lo, hi)` of a buffer, as hit indices in the order of the explanation; null when there
 * is none. Linear.
 */
function nearPair(
  buf: HitBuffer,
  lo: number,
  hi: number,
  a: number,
  b: number,
): [number, number] | null {
  const { group, tok, tokEnd } = buf;
  let bestD = Infinity;
  let lastA = -1;
  let lastB = -1;
  let pairX = -1;
  let pairY = -1;
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
  return pairX >= 0 ? [pairX, pairY] : null;
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
export function judge(page: Page, i: number): BlockResult {
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
  const mv = nearPair(buf, lo, hi, G.child, G.movement);
  if (mv) {
    if (!hasContext(page, i, CTX)) note = 'child and movement terms, but no Ukraine/Russia context';
    else if (excluded && !destInBlock) note = 'child and movement terms, vetoed by an exclude term';
    else if (capped) return CAPPED.movement;
    else return fire(page, i, 'child+movement', mv, contextOf(page, i, CTX));
  }
  const eu = nearPair(buf, lo, hi, G.child, G.euphemism);
  if (eu) {
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
  const rt = nearPair(buf, lo, hi, G.child, G.return);
  if (rt) {
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
