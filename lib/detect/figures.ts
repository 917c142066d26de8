/**
 * Which series a number belongs to: the most specific series cue of its clause (lexicon
 * weights; a cue right after the number wins), else the series whose documented figure has
 * exactly its value; and where it stands among that series' figures ("a newer one exists").
 */
import type { CompiledDetector, FigureRef } from './compile';
import type { Hit } from './match';
import type { FigureNote } from './types';

export function placeFigure(
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

export function seriesByValue(det: CompiledDetector, value: number): string | null {
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
export function lowerBound(hits: Hit[], pos: number): number {
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
export function isRange(text: string, from: number, to: number): boolean {
  if (to - from > 6) return false;
  for (let q = from; q < to; q++) if (',.;:!?()'.includes(text[q]!)) return false;
  return true;
}

/**
 * Whether `text[from, to)` joins two items of a list: one comma or semicolon and at most
 * three words ("children were injured, 358"), no sentence end.
 */
export function listed(text: string, from: number, to: number): boolean {
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
export function seriesCueFor(
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
