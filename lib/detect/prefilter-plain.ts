/**
 * The pre-filter's quick look at a plain text (see `NOT_PLAIN`): such a text reads as its
 * lower case, so native string search finds where its child and strong stems could be,
 * and only the words around those places need the reading one code unit at a time.
 */
import { charClass } from './normalize';
import { NOT_PLAIN, PLAIN_APOSTROPHES } from './prefilter-format';
import { NEAR_ACTION, NEAR_WORDS, UNREAD_GROUPS } from './prefilter-rules';
import { IN_WORD, addHits, newScan, readChunk, UNITS_PER_CALL } from './prefilter-units';
import type { Prefilter } from './prefilter';

/** A plain text's lower case, its apostrophes read as U+0027 (unit for unit). */
function plainLowerCase(pf: Prefilter, text: string): string {
  const lower = text.toLowerCase();
  return pf.plainApostrophe ? lower.replace(PLAIN_APOSTROPHES, "'") : lower;
}

/**
 * False when `text` holds no child or strong stem anywhere: then no block of it can be
 * relevant, and it passes the pre-filter on no account of its own (`runPrefilterMask`
 * finds no `CHILD`, `STRONG` or `NEAR_*` bit in it). Told without the loop over its code
 * units when every unit is plain (see `NOT_PLAIN`): such a text reads as its lower case,
 * which is searched for each plain stem natively. True when a stem occurs (anywhere, not
 * only at a word's start) or when the text is not plain.
 */
export function mayHoldChildWords(pf: Prefilter, text: string): boolean {
  if (NOT_PLAIN.test(text)) return true;
  const lower = plainLowerCase(pf, text);
  for (const stem of pf.plainStems) if (lower.includes(stem)) return true;
  return false;
}

/**
 * Where the plain stems occur in a plain text (anywhere, not only at a word's start), in
 * order; null when there are more than `MOST_PLACES`.
 */
function stemPlaces(pf: Prefilter, text: string): number[] | null {
  const lower = plainLowerCase(pf, text);
  const places: number[] = [];
  for (const stem of pf.plainStems) {
    for (let at = lower.indexOf(stem); at >= 0; at = lower.indexOf(stem, at + 1)) {
      if (places.length === MOST_PLACES) return null;
      places.push(at);
    }
  }
  return places.sort((a, b) => a - b);
}

/**
 * More places than this, and the windows around them would cover much of a page: the
 * text is read whole instead.
 */
const MOST_PLACES = 64;

/**
 * Words read on each side of a place: more than `NEAR_WORDS`, and one more for the word
 * the place is in (a stem may sit inside its word, as "kind" in "Heimkinder").
 */
const MARGIN_WORDS = NEAR_WORDS + 2;

/** Code units first read on each side of a place (about twice `MARGIN_WORDS` words). */
const FIRST_REACH = 1024;

/**
 * The groups stage 1 takes a page's whole text to hold, read as little as a plain text
 * allows; null when the text is to be read whole (`runPrefilterMask`): it is not plain,
 * or its stems occur in too many places, or a child word lies near an action word (the
 * text then passes if a place word is anywhere in it, which only the whole reading tells).
 *
 * Only the words around the places where a child or strong stem occurs are read, unit by
 * unit, far enough on each side that every word within `NEAR_WORDS` of a child word is
 * read too: so the `STRONG` and `NEAR_*` bits are those of the whole reading (a pass
 * needs one of them). The other groups are taken as present (`UNREAD_GROUPS`), as for a
 * text without stems: beside a child word that text added later brings, stage 1 reads the
 * page's blocks, and they tell exactly.
 */
export function plainTextMask(pf: Prefilter, text: string): number | null {
  if (NOT_PLAIN.test(text)) return null;
  const places = stemPlaces(pf, text);
  if (places === null) return null;
  if (places.length === 0) return UNREAD_GROUPS;
  for (let reach = FIRST_REACH; reach < text.length; reach *= 4) {
    const read = readAround(pf, text, places, reach);
    if (read === null) continue;
    return (read & NEAR_ACTION) !== 0 ? null : read | UNREAD_GROUPS;
  }
  return null;
}

/**
 * Reads `reach` code units on each side of each place (windows that overlap are read as
 * one); the groups of their words and how near those lie, or null when a place has fewer
 * than `MARGIN_WORDS` words read on a side that does not end the text.
 */
function readAround(
  pf: Prefilter,
  text: string,
  places: readonly number[],
  reach: number,
): number | null {
  const n = text.length;
  let mask = 0;
  for (let p = 0; p < places.length;) {
    const from = Math.max(0, places[p]! - reach);
    let to = Math.min(n, places[p]! + reach);
    let last = p + 1;
    while (last < places.length && places[last]! - reach <= to) {
      to = Math.min(n, places[last]! + reach);
      last++;
    }
    // The window's words, counted where each place is.
    const scan = newScan();
    // A window that starts inside a word goes on with it (in a plain text every unit that
    // belongs to a word can also start one: a test checks it).
    scan.prevWord = from > 0 && ((IN_WORD >> charClass(text.charCodeAt(from - 1))) & 1) === 1;
    const hits: number[] = [];
    const wordsAt: number[] = [];
    let at = from;
    for (let q = p; q <= last; q++) {
      const end = q < last ? places[q]! : to;
      for (; at < end; at = Math.min(end, at + UNITS_PER_CALL))
        readChunk(pf, text, at, Math.min(end, at + UNITS_PER_CALL), scan, hits);
      if (q < last) wordsAt.push(scan.words);
    }
    for (const words of wordsAt) {
      if (from > 0 && words < MARGIN_WORDS) return null;
      if (to < n && scan.words - words < MARGIN_WORDS) return null;
    }
    const near = newScan();
    addHits(near, hits, 0, 0, 0, false);
    mask |= near.mask;
    p = last;
  }
  return mask;
}
