/**
 * The pre-filter's reading of a plain text around its child and strong stems only. Every
 * way a text passes needs a strong word, or a child word with an action or partner word
 * at most `NEAR_WORDS` words away: so the words further than that from every child and
 * strong stem can add nothing to a pass but a place word, and those are taken as there
 * (as `UNREAD_GROUPS`, the quick look's answer for a text with no child word). A news
 * page that says "kind" or "minor" a few times is read around those few places, not
 * unit by unit throughout (63 of the 130 saved pages hold such a stem somewhere).
 */
import { PLACE } from './prefilter-format';
import { plainStemPlaces } from './prefilter-plain';
import { NEAR_ACTION, NEAR_WORDS, UNREAD_GROUPS, prefilterPasses } from './prefilter-rules';
import { runPrefilterMask, type Prefilter } from './prefilter';
import { wordsApart } from './prefilter-apart';

/** Words read on each side of a stem's word: the near distance, and one to spare. */
export const AROUND_WORDS = NEAR_WORDS + 1;

/**
 * The most places a text's stems may occur at for it to be read around them: beyond, or
 * when the parts to read would be half the text, it is read whole.
 */
export const MOST_PLACES = 40;

/** How many times the text the parts of its places may span, overlaps counted (below). */
export const MOST_SPANNED = 4;

/**
 * The groups of `text` as far as they decide a pass, read only around its child and
 * strong stems: `prefilterPasses` answers for them as for `runPrefilterMask(pf, text)`
 * (with the words run together read apart, as stage 1 reads a text), and they hold all of
 * its groups, with every group but the child and strong ones taken as there. Null when
 * the text is to be read whole: it is not plain (see `NOT_PLAIN`), or its stems occur too
 * often. Where a child word lies near an action word with no place word around them, the
 * text is read as far as its first place word (one anywhere makes it pass).
 */
export function readAroundStems(pf: Prefilter, text: string): number | null {
  const places = plainStemPlaces(pf, text, MOST_PLACES);
  if (places === null) return null;
  if (places.length === 0) return UNREAD_GROUPS;
  const parts = partsAround(text, places);
  if (parts === null) return null;
  let length = 0;
  for (const [from, to] of parts) length += to - from;
  if (length * 2 > text.length) return null;
  let mask = 0;
  for (const [from, to] of parts) {
    mask |= readApartToo(pf, text.slice(from, to));
    if (prefilterPasses(mask)) break;
  }
  // A child word near an action word: the text passes if it holds a place word anywhere.
  if ((mask & NEAR_ACTION) !== 0 && (mask & PLACE) === 0 && !holdsPlaceWord(pf, text))
    return mask | (UNREAD_GROUPS & ~PLACE);
  return mask | UNREAD_GROUPS;
}

/**
 * Whether the whole reading finds a place word in `text` (or a pass), read only up to the
 * first: a page that holds one usually holds it early.
 */
function holdsPlaceWord(pf: Prefilter, text: string): boolean {
  const found = readApartToo(pf, text, PLACE);
  return (found & PLACE) !== 0 || prefilterPasses(found);
}

/**
 * The groups of `text` as stage 1 reads a text (`runPrefilterMask`, with `stopAny`), and
 * with the words the markup ran together read apart (see `wordsApart`) unless it passes
 * already, with the groups `known` beside it, or found a group of `stopAny`.
 */
export function readApartToo(pf: Prefilter, text: string, stopAny = 0, known = 0): number {
  let found = runPrefilterMask(pf, text, stopAny);
  if (prefilterPasses(known | found) || (found & stopAny) !== 0) return found;
  const apart = wordsApart(pf, text);
  if (apart !== null) found |= runPrefilterMask(pf, apart, stopAny);
  return found;
}

/**
 * The parts of `text` that hold every word within `AROUND_WORDS` words of a word holding
 * one of `places` (ascending), as `[from, to)` ranges, joined where they meet. Each begins
 * at a word's start (or the text's) and ends before one (or at the text's end), so a
 * reading of it sees the same words, in the same order, as one of the whole text.
 *
 * Null once the parts of all places so far add up to more than `MOST_SPANNED` times the
 * text: finding a part costs about as many units as it spans (natively, a few times less
 * than reading them), and places crowded into a stretch of very long words (a hostile
 * page) would otherwise cost many times the text's length.
 */
export function partsAround(text: string, places: readonly number[]): [number, number][] | null {
  const parts: [number, number][] = [];
  let spanned = 0;
  for (const at of places) {
    const [from, to] = partAround(text, at);
    spanned += to - from;
    if (spanned > MOST_SPANNED * text.length) return null;
    const last = parts[parts.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else parts.push([from, to]);
  }
  return parts;
}

/**
 * The units of a plain text's words: in a plain text (see `NOT_PLAIN`), those of classes 1
 * to 4 of `charClass`, its letters and digits (a test checks every plain unit; the ranges
 * run over units that are not plain, which such a text never holds). Astral characters
 * are separators to the pre-filter, as to this class.
 */
const WORD_UNITS =
  '0-9A-Za-z\\u00b2\\u00b3\\u00b9\\u00bc-\\u00be\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u021b\\u2460-\\u249b\\u24ea-\\u24ff\\u2776-\\u2793\\u3005-\\u3007\\u3021-\\u3029\\u3031-\\u3035\\u3038-\\u303c\\u3041-\\ud7a3';
const WORD = `[${WORD_UNITS}]`;
const NOT_WORD = `[^${WORD_UNITS}]`;
// Each expression reads `AROUND_WORDS` words past the word it starts in: `FORWARD` from
// inside a word to the start of the next word but that many (or fails: fewer follow);
// `BACKWARD`, matched where a word is, looks behind it (a lookbehind is matched right to
// left, natively) for the word that many before it, whose start its group's index gives
// (or fails: fewer come before). Built from the constants above, once, where first
// needed (most pages never read around a stem): nothing of the dataset is compiled in.
let expressions: { FORWARD: RegExp; BACKWARD: RegExp } | null = null;
function wordExpressions(): { FORWARD: RegExp; BACKWARD: RegExp } {
  expressions ??= {
    FORWARD: new RegExp(`${WORD}*(?:${NOT_WORD}+${WORD}+){${AROUND_WORDS}}${NOT_WORD}*`, 'y'),
    BACKWARD: new RegExp(
      `(?<=(${WORD}+(?:${NOT_WORD}+${WORD}+){${AROUND_WORDS - 1}})${NOT_WORD}+${WORD}*)`,
      'dy',
    ),
  };
  return expressions;
}

/** Exposed for tests: the two expressions (their class of word units, the words they read). */
export const wordsForTests = wordExpressions;

/** The part around the word at `at`: `AROUND_WORDS` words before it and after it. */
function partAround(text: string, at: number): [number, number] {
  const { FORWARD, BACKWARD } = wordExpressions();
  FORWARD.lastIndex = at;
  const to = FORWARD.test(text) ? FORWARD.lastIndex : text.length;
  BACKWARD.lastIndex = at;
  const before = BACKWARD.exec(text)?.indices?.[1];
  return [before ? before[0] : 0, to];
}
