/**
 * The pre-filter's serialised form, shared by its compiler (`prefilter-compile.ts`, in
 * the background) and its reader (`prefilter.ts`, on every page): the group bits of its
 * stems, how long a stem is, and how the stem trie is packed into strings.
 */
import { G, PARTNER as PARTNER_GROUP } from './compile';

export const STRONG = 1 << G.strong;
export const CHILD = 1 << G.child;
export const PLACE = (1 << G.context) | (1 << G.destination);
export const ACTION = (1 << G.movement) | (1 << G.euphemism) | (1 << G.return);
export const PARTNER = 1 << PARTNER_GROUP;

/** Code units of a word's start that the trie reads (a stem is at most this long). */
export const STEM = 8;

/**
 * The stem trie, built once when the pre-filter is compiled (in the background) so that a
 * page reads it as it is, with no work before the first word. Node 0 is the root; the
 * children of node `n` are the nodes `first[n]` to `first[n + 1] - 1`, sorted by the
 * skeleton code of their edge, `codes[k]`; `mask[k]` holds the groups of the stems that
 * node `k` starts, `exact[k]` those of the whole (short) words that end there.
 *
 * Each array is a string of code units (`codes` as they are, the others plus `BASE`, which
 * keeps them clear of control characters and surrogates): a third of the size of number
 * arrays in storage, and read with `charCodeAt`.
 */
export interface PrefilterTrie {
  codes: string;
  first: string;
  mask: string;
  exact: string;
}

export const BASE = 0x30;
/** Node numbers and masks stay below the surrogates once `BASE` is added. */
export const MAX_VALUE = 0xd7ff - BASE;

/** The serialised form's name; a reader refuses any other. */
export const PREFILTER_FORMAT = 'cdc-prefilter/5';

/**
 * Code units outside the plain set. A text of plain code units only reads, for the stems
 * of the pre-filter, as its lower case with its ignorables taken out (`PLAIN_IGNORABLES`)
 * and its apostrophes as U+0027 (`PLAIN_APOSTROPHES`): then native search finds every
 * stem the reading unit by unit would (`mayHoldChildWords`). The set:
 *  - letters and digits that read as their lower case, with no mark, compatibility form
 *    or Cyrillic look-alike to fold: ASCII, Latin-1 and Extended-A but the letters folded
 *    beyond their lower case, the Romanian comma letters, and the ideographs, kana and
 *    Hangul of Chinese, Japanese and Korean text (their own fold);
 *  - units no word holds (separators and breaks), whatever their lower case: general
 *    punctuation, currency, arrows, mathematical and technical signs, shapes, symbols and
 *    dingbats, CJK and full-width punctuation, the private use area (icon fonts) and
 *    surrogates (emoji and other astral characters);
 *  - the ignorables (soft hyphen, zero-width characters), which the reading skips inside
 *    a word and which are taken out before the search.
 * A test checks every unit of the set against `normalize.ts`. A fixed expression: nothing
 * of the dataset is compiled into it.
 */
export const NOT_PLAIN =
  /[^\t-\r -~\u00a0-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u012f\u0131\u0134-\u013e\u0141-\u0148\u014a-\u015d\u0160\u0161\u0164-\u017e\u0218-\u021b\u180e\u2000-\u206f\u20a0-\u20cf\u2100\u2101\u2103-\u2106\u2108\u2109\u2114\u2116-\u2118\u211e-\u2123\u2125\u2127\u2129\u212e\u213a\u213b\u2140-\u2144\u214a-\u214d\u214f\u218a-\u2bff\u3000-\u3029\u3030-\u303f\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\ud800-\udfff\ue000-\uf8ff\ufeff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/;

/**
 * Runs of the plain set's most common units (ASCII, Latin-1 and Extended-A up to U+012F,
 * general punctuation, CJK punctuation, kana, ideographs, Hangul): every one is plain (a
 * test checks each). Taking them out first leaves a text's plain-or-not answer as it was,
 * and it is told from a few units: `NOT_PLAIN`, a class of some seventy ranges, costs
 * Chromium about 35 ns a unit on a news page's text (5 ms on 150 kB), this class of
 * sixteen and `NOT_PLAIN` on what is left about 0.3 ms in all (timed in the page).
 */
export const COMMON_PLAIN_RUNS =
  /[\t-\r -~\u00a0-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u012f\u2000-\u206f\u3000-\u3029\u3030-\u303f\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]+/g;

/**
 * `COMMON_PLAIN_RUNS` as one run from `lastIndex` (sticky, maybe empty): where it ends is
 * the next unit outside the common runs. A text that is not plain is told at its first
 * unit outside the plain set, with no pass over the rest (the same class: a test checks).
 */
export const COMMON_PLAIN_RUN =
  /[\t-\r -~\u00a0-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u012f\u2000-\u206f\u3000-\u3029\u3030-\u303f\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]*/y;

/** The ignorables of the plain set: the reading skips them inside words; the search too. */
export const PLAIN_IGNORABLES = /[\u00ad\u180e\u200b-\u200d\u2060\ufeff]/g;

/** The apostrophes of the plain set other than U+0027, which read as U+0027. */
export const PLAIN_APOSTROPHES = /[`\u00b4\u2018\u2019\u2032\uff07]/g;

/**
 * The serialised pre-filter: the trie of its stems, and the child and strong stems a
 * plain text can hold (each cut to the `STEM` units the trie reads, in the code units of
 * a plain text's lower case, none holding another; separated by spaces). It is what every
 * page reads, so it holds nothing else (the stems by role are `prefilterStems` in
 * `prefilter-compile.ts`).
 */
export interface PrefilterJSON {
  format: typeof PREFILTER_FORMAT;
  trie: PrefilterTrie;
  plainStems: string;
}
