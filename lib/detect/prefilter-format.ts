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
export const PREFILTER_FORMAT = 'cdc-prefilter/3';

/**
 * The serialised pre-filter: the trie of its stems. It is what every page reads, so it
 * holds nothing else (the stems by role are `prefilterStems` in `prefilter-compile.ts`).
 */
export interface PrefilterJSON {
  format: typeof PREFILTER_FORMAT;
  trie: PrefilterTrie;
}
