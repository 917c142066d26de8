/**
 * The pre-filter's quick look at a plain text (see `NOT_PLAIN`): such a text reads as its
 * lower case without its ignorables, which native string search can look through for
 * stems.
 */
import {
  COMMON_PLAIN_RUN,
  COMMON_PLAIN_RUNS,
  NOT_PLAIN,
  PLAIN_APOSTROPHES,
  PLAIN_IGNORABLES,
} from './prefilter-format';
import type { Prefilter } from './prefilter';

/** How many leading units of a stem its group is searched by (see `groupPlainStems`). */
const KEY_UNITS = 3;

/** Plain stems that begin alike: the units they begin with, and the stems. */
export type PlainStemGroup = readonly [key: string, stems: readonly string[]];

/**
 * The plain stems grouped by their first units, so the text is searched once per group.
 * Native search for a pattern of seven units or more takes another path in V8 that, on a
 * two-byte text (any page with a curly quote), costs about ten times a short pattern's
 * (75 stems over twelve news pages: 2.3 ms a page in all, against 0.3 ms searched by
 * their groups' keys, in Node), and stems that begin alike share one search.
 */
export function groupPlainStems(stems: readonly string[]): PlainStemGroup[] {
  const groups = new Map<string, string[]>();
  for (const stem of stems) {
    const key = stem.slice(0, KEY_UNITS);
    const group = groups.get(key);
    if (group) group.push(stem);
    else groups.set(key, [stem]);
  }
  return [...groups];
}

/** Whether `text` holds one of the grouped stems: as `stems.some((s) => text.includes(s))`. */
export function holdsPlainStem(text: string, groups: readonly PlainStemGroup[]): boolean {
  for (const [key, stems] of groups) {
    // Every place a stem occurs is a place its key occurs.
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1))
      for (const stem of stems) if (text.startsWith(stem, at)) return true;
  }
  return false;
}

/**
 * How many plain units outside the common runs are looked at one by one before the rest
 * of a text is told at once: a text that is not plain usually shows it at its first such
 * unit (a Cyrillic letter, a mark), and a plain one with many (Polish or Romanian letters)
 * is told by one pass over what is left.
 */
const UNCOMMON_ONE_BY_ONE = 32;

/** Whether `text` holds a unit outside the plain set: as `NOT_PLAIN.test(text)`, faster. */
export function holdsUnplainUnit(text: string): boolean {
  let at = 0;
  for (let uncommon = 0; uncommon < UNCOMMON_ONE_BY_ONE; uncommon++) {
    COMMON_PLAIN_RUN.lastIndex = at;
    COMMON_PLAIN_RUN.test(text);
    at = COMMON_PLAIN_RUN.lastIndex;
    if (at >= text.length) return false;
    if (NOT_PLAIN.test(text.charAt(at))) return true;
    at++;
  }
  return NOT_PLAIN.test(text.slice(at).replace(COMMON_PLAIN_RUNS, ''));
}

/**
 * Where the plain stems occur in `text` (ascending; anywhere, not only at a word's start),
 * when it is plain and they occur at no more than `most` places. Null when it is not
 * plain, or they occur more often, or it holds ignorables and a stem (taking them out
 * moves the places). An empty list: `mayHoldChildWords` is false.
 */
export function plainStemPlaces(pf: Prefilter, text: string, most: number): number[] | null {
  if (holdsUnplainUnit(text)) return null;
  let lower = text.toLowerCase();
  if (pf.plainApostrophe) lower = lower.replace(PLAIN_APOSTROPHES, "'");
  if (lower.search(PLAIN_IGNORABLES) >= 0)
    return holdsPlainStem(lower.replace(PLAIN_IGNORABLES, ''), pf.plainGroups) ? null : [];
  const places: number[] = [];
  for (const [key, stems] of pf.plainGroups) {
    for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) {
      if (!stems.some((stem) => lower.startsWith(stem, at))) continue;
      if (places.length === most) return null;
      places.push(at);
    }
  }
  return places.sort((a, b) => a - b);
}

/**
 * False when `text` holds no child or strong stem anywhere: then no block of it can be
 * relevant, and it passes the pre-filter on no account of its own (`runPrefilterMask`
 * finds no `CHILD`, `STRONG` or `NEAR_*` bit in it). Told without the loop over its code
 * units when every unit is plain (see `NOT_PLAIN`): such a text reads as its lower case
 * without its ignorables, which is searched for each plain stem natively. True when a
 * stem occurs (anywhere, not only at a word's start) or when the text is not plain.
 */
export function mayHoldChildWords(pf: Prefilter, text: string): boolean {
  // No place allowed: null at the first stem, or when the text is not plain.
  return plainStemPlaces(pf, text, 0) === null;
}
