/**
 * The pre-filter's quick look at a plain text (see `NOT_PLAIN`): such a text reads as its
 * lower case without its ignorables, which native string search can look through for
 * stems.
 */
import {
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

/** Whether `text` holds a unit outside the plain set: as `NOT_PLAIN.test(text)`, faster. */
export function holdsUnplainUnit(text: string): boolean {
  return NOT_PLAIN.test(text.replace(COMMON_PLAIN_RUNS, ''));
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
  if (holdsUnplainUnit(text)) return true;
  let lower = text.toLowerCase().replace(PLAIN_IGNORABLES, '');
  if (pf.plainApostrophe) lower = lower.replace(PLAIN_APOSTROPHES, "'");
  return holdsPlainStem(lower, pf.plainGroups);
}
