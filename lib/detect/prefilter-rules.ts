/**
 * The pre-filter's groups and when they let a text pass: shared by the readers of a text
 * (`prefilter-units.ts`, `prefilter-lines.ts`, `prefilter-plain.ts`) and by stage 1, which
 * adds the groups of the texts a page shows over time.
 */
import { ACTION, CHILD, PARTNER, PLACE, STRONG } from './prefilter-format';

/** The groups a pass needs beside a strong stem (see `prefilterPasses`). */
export const PASS_GROUPS = CHILD | PLACE | ACTION | PARTNER;

/**
 * The groups a page's text without child or strong stems (`mayHoldChildWords` false) is
 * taken to have, unread: every other group. Alone it never passes; beside a child word
 * that text added later brings, the page's blocks are read (`prefilterPassesBlocks`), and
 * they tell exactly.
 */
export const UNREAD_GROUPS = PLACE | ACTION | PARTNER;

/**
 * Bits the pre-filter adds beside the groups: a child word within `NEAR_WORDS` words of an
 * action word, and of a partner word, in the same text.
 */
export const NEAR_ACTION = 1 << 11;
export const NEAR_PARTNER = 1 << 12;
/**
 * How close a child word and an action word must be. The rules pair them within `WINDOW`
 * (24) tokens of one block, and a phrase's indexed word may sit a few words from its
 * end; the page's text can also hold words a block leaves out (hidden or inline elements).
 * Well over twice the window keeps every relevant block in.
 */
export const NEAR_WORDS = 64;

/**
 * Whether the groups in `mask` (from `runPrefilterMask`) let a page pass the pre-filter:
 * a strong stem; or a child stem near an action stem, with a place stem anywhere (every
 * rule but `strong` needs a child term within a few words of a movement, euphemism or
 * return term, and a Ukraine/Russia context or destination on the page); or a child stem
 * near the partner of a strong phrase ("kids" and "bring" of "bring kids back").
 */
export function prefilterPasses(mask: number): boolean {
  if ((mask & (STRONG | NEAR_PARTNER)) !== 0) return true;
  return (mask & NEAR_ACTION) !== 0 && (mask & PLACE) !== 0;
}

/**
 * Whether the groups in `mask` would let a page pass if the words were near each other:
 * texts checked apart (added by different mutations) cannot tell, so the page's whole text
 * is worth checking again.
 */
export function prefilterPassesApart(mask: number): boolean {
  if (prefilterPasses(mask)) return true;
  if ((mask & CHILD) === 0) return false;
  return (mask & PARTNER) !== 0 || ((mask & ACTION) !== 0 && (mask & PLACE) !== 0);
}

/** The group bits of a mask (without the `NEAR_*` bits). */
export const GROUP_BITS = NEAR_ACTION - 1;

/** The groups a block needs one of to be relevant: a child or a strong stem. */
export const RELEVANT_GROUPS = CHILD | STRONG;
