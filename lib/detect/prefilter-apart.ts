/**
 * Words run together in a page's text: `textContent` joins the texts of elements without
 * anything between them, so where the markup has no white space between two blocks (a
 * heading and the paragraph after it, in minified HTML) the last word of one and the
 * first of the next read as one word ("War in UkraineChildren were deported…"), and the
 * second word's stem is not at a word's start. Stage 2 reads each block on its own and
 * would find it; stage 1 must too. Of the 130 saved pages, 9 run block starts together
 * (66 of their 9,772 blocks), 37 of them with a capital after a small letter.
 *
 * Where a capital follows a small letter or a digit, or a capital and a small letter
 * follow a capital ("USAChildren"), a text is also read with a space put there, when the
 * word after holds a stem. A fixed expression of Latin and Cyrillic letters: nothing of the
 * dataset is compiled into it.
 */
import type { Prefilter } from './prefilter';
import { walkWord } from './prefilter-units';

// A capital that starts a word run into the one before: matched on the capital (rarer than
// a small letter, so the search tests far fewer places), its neighbours looked at around it.
const RUN_TOGETHER =
  /[A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f](?<=[a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u045f0-9][A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f]|[A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f]{2}(?=[a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u045f]))/g;

/**
 * `text` with a space where words run together and the second one holds a stem, or null
 * when no such place is in it (then reading `text` sees every stem at a word's start).
 */
export function wordsApart(pf: Prefilter, text: string): string | null {
  RUN_TOGETHER.lastIndex = 0;
  for (let m = RUN_TOGETHER.exec(text); m !== null; m = RUN_TOGETHER.exec(text)) {
    if (walkWord(pf, text, m.index) !== 0) return text.replace(RUN_TOGETHER, ' $&');
  }
  return null;
}
