/**
 * The annotations of a relevant block: claim cues, the numbers that count children or
 * belong to a series (with their series and place among its figures), or else the sentence
 * of the terms that fired; overlapping spans merged, at most MAX_ANNOTATIONS per block.
 */
import { G, type CompiledDetector } from './compile';
import { isRange, listed, lowerBound, placeFigure, seriesByValue, seriesCueFor } from './figures';
import type { Hit } from './match';
import { readNumbers } from './numbers';
import type { Annotation } from './types';

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

/** At most this many annotations per block. */
export const MAX_ANNOTATIONS = 100;

export function annotate(
  det: CompiledDetector,
  text: string,
  hits: Hit[],
  fired: Hit[],
): Annotation[] {
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
    vocab: det.numbers,
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
