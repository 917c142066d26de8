/**
 * The pre-filter's quick look at a plain text (see `NOT_PLAIN`): such a text reads as its
 * lower case without its ignorables, which native string search can look through for
 * stems.
 */
import { NOT_PLAIN, PLAIN_APOSTROPHES, PLAIN_IGNORABLES } from './prefilter-format';
import type { Prefilter } from './prefilter';

/**
 * False when `text` holds no child or strong stem anywhere: then no block of it can be
 * relevant, and it passes the pre-filter on no account of its own (`runPrefilterMask`
 * finds no `CHILD`, `STRONG` or `NEAR_*` bit in it). Told without the loop over its code
 * units when every unit is plain (see `NOT_PLAIN`): such a text reads as its lower case
 * without its ignorables, which is searched for each plain stem natively. True when a
 * stem occurs (anywhere, not only at a word's start) or when the text is not plain.
 */
export function mayHoldChildWords(pf: Prefilter, text: string): boolean {
  if (NOT_PLAIN.test(text)) return true;
  let lower = text.toLowerCase().replace(PLAIN_IGNORABLES, '');
  if (pf.plainApostrophe) lower = lower.replace(PLAIN_APOSTROPHES, "'");
  for (const stem of pf.plainStems) if (lower.includes(stem)) return true;
  return false;
}
