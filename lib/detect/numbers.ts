/**
 * Read counts in every supported language: digits with any grouping ("19,546", "19 546",
 * "19.546", "19546"), decimals with a scale word ("19.5 thousand", "понад 19,5 тисячі",
 * "700 тыс."), number words ("seven children", "сімсот тисяч"), and vague quantities
 * ("hundreds", "Hunderte", "des centaines", "сотни", "hundreds of thousands", "a few hundred").
 * Years, dates, percentages, ages, times, ordinals and measures are not counts. The words
 * come from the lexicons' number vocabularies (number-vocab.ts); the tokens from
 * number-tokens.ts.
 *
 * Runs only on relevant blocks, so it favours clarity over speed; it is still linear.
 */
import type { Qualifier } from '../dataset/schema';
import { foldWord } from './normalize';
import {
  isAlnumCode,
  isDigit,
  isSpaceCode,
  isWordChar,
  lowerCode,
  tokenize,
  type Tok,
} from './number-tokens';
import { NO_NUMBER_WORDS, type NumberVocab } from './number-vocab';

export interface NumberMatch {
  start: number;
  end: number;
  text: string;
  value: number;
  qualifier: Qualifier;
  /** digits, number words, or a vague quantity word ("hundreds"). */
  kind: 'digits' | 'words' | 'vague';
}

/**
 * Index of the scale word that multiplies the number before token `at`: the token itself
 * ("700 тысяч"), or past a "de" to a thousand or more ("700 de mii"); -1 when there is none.
 */
function scaleTokenAt(v: NumberVocab, toks: readonly Tok[], at: number): number {
  const t = toks[at];
  if (!t || t.num !== null || t.gap !== '') return -1;
  if (v.scale.has(t.key)) return at;
  const big = toks[at + 1];
  if (
    v.scaleLink.has(t.key) &&
    big &&
    big.num === null &&
    big.gap === '' &&
    (v.scale.get(big.key) ?? 0) >= 1000
  )
    return at + 1;
  return -1;
}

/**
 * A scale word of a thousand or more right after token `at`, past an "of" ("hundreds of
 * thousands", "des centaines de milliers", "сотни тысяч"); `adjacent` also asks for the
 * two to be written with a plain space between them.
 */
function thousandsAfter(
  v: NumberVocab,
  toks: readonly Tok[],
  at: number,
  adjacent: boolean,
): { scale: number; at: number } | null {
  const of = toks[at + 1];
  const bigAt = of && of.num === null && v.of.has(of.key) ? at + 2 : at + 1;
  const big = toks[bigAt];
  if (!big || big.num !== null || (adjacent && big.gap !== '')) return null;
  const scale = v.scale.get(big.key) ?? 0;
  return scale >= 1000 ? { scale, at: bigAt } : null;
}

function prefixMatch(v: NumberVocab, key: string): boolean {
  if (v.unitExact.has(key)) return true;
  for (const p of v.unitPrefixes) if (key.startsWith(p)) return true;
  return false;
}

// Qualifiers are matched backwards from the number, character by character, against phrases
// indexed by their last character (no regular expressions on the hot path). A space in a
// phrase matches one or more spaces; the phrase must start the 40-unit window or follow a
// character that is not a letter or digit, and only spaces may separate it from the number.
function qualifierBefore(
  v: NumberVocab,
  text: string,
  from: number,
  start: number,
): { q: Qualifier; s: number } | null {
  const s0 = Math.max(from, start - 40);
  let e = start;
  while (e > s0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e <= s0) return null;
  const list = v.qualifiersByLast.get(lowerCode(text.charCodeAt(e - 1)));
  if (!list) return null;
  for (const [phrase, q] of list) {
    let i = e - 1;
    let p = phrase.length - 1;
    let ok = true;
    while (p >= 0) {
      const ch = phrase.charCodeAt(p);
      if (ch === 0x20) {
        if (i < s0 || !isSpaceCode(text.charCodeAt(i))) {
          ok = false;
          break;
        }
        while (i >= s0 && isSpaceCode(text.charCodeAt(i))) i--;
      } else {
        if (i < s0 || lowerCode(text.charCodeAt(i)) !== ch) {
          ok = false;
          break;
        }
        i--;
      }
      p--;
    }
    if (ok && (i < s0 || !isAlnumCode(text.charCodeAt(i)))) return { q, s: i + 1 };
  }
  return null;
}

/** At most this many numbers are read from one block (adversarial input stays linear). */
export const MAX_NUMBERS = 200;
/** Numbers are read in at most this many code units of one block. */
export const MAX_READ = 20_000;

export interface NumberOptions {
  /** Whether a child term starts at `pos` (within a few characters): lets "2000 children" be a count. */
  childAt?: (from: number, to: number) => boolean;
  /** The number words (a compiled detector's `numbers`); without it only digits are read. */
  vocab?: NumberVocab;
}

/** Read the counts in `text[from, to)`. */
export function readNumbers(
  text: string,
  from = 0,
  to = text.length,
  options: NumberOptions = {},
): NumberMatch[] {
  const v = options.vocab ?? NO_NUMBER_WORDS;
  // Article blocks are paragraphs; in a pathological block, only its start is read.
  const toks = tokenize(text, from, Math.min(to, from + MAX_READ));
  const out: NumberMatch[] = [];
  const childAfter = (t: Tok | undefined): boolean =>
    options.childAt !== undefined &&
    options.childAt(t ? t.s : to, Math.min(to, (t ? t.s : to) + 40));
  let i = 0;
  while (i < toks.length && out.length < MAX_NUMBERS) {
    const t = toks[i]!;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (t.num !== null) {
      i++;
      if (Number.isNaN(t.num)) continue;
      // Attached letters or symbols: "24th", "5G", "3-year-old", "10:30", "24/02", "50%", "$5".
      const after = text.charCodeAt(t.e);
      const afterCh = text[t.e] ?? ' ';
      let attachedScale = 0;
      let attachedEnd = t.e;
      if (t.e < to && isWordChar(after)) {
        // "20k", "700mila", "5тыс": a scale word glued to the digits.
        let e = t.e;
        while (e < to && isWordChar(text.charCodeAt(e)) && !isDigit(text.charCodeAt(e))) e++;
        const glued = foldWord(text.slice(t.e, e));
        if (
          v.scale.has(glued) &&
          (v.scale.get(glued) ?? 0) >= 1000 &&
          !(e < to && isDigit(text.charCodeAt(e)))
        ) {
          attachedScale = v.scale.get(glued)!;
          attachedEnd = e;
        } else continue;
      } else if (t.e < to && '%‰:/-‐‑–'.includes(afterCh)) {
        if (!('-‐‑–'.includes(afterCh) && isDigit(text.charCodeAt(t.e + 1)))) continue;
      }
      const beforeCh = t.s > from ? text[t.s - 1]! : ' ';
      if ('$€£₴₽#№/:.'.includes(beforeCh) || (t.s > from && isWordChar(text.charCodeAt(t.s - 1))))
        continue;
      if (
        next &&
        next.num === null &&
        next.gap === '' &&
        (next.key === '%' || prefixMatch(v, next.key))
      )
        continue;
      if (next && next.gap === '' && v.months.has(next.key)) continue;
      if (
        prev &&
        prev.num === null &&
        (v.months.has(prev.key) || v.notBefore.has(prev.key)) &&
        (t.gap === '' || t.gap === '.')
      )
        continue;
      if (t.gap.includes('%') || (next && next.gap.startsWith('%'))) continue;
      let value = t.num;
      let end = t.e;
      const kind: NumberMatch['kind'] = 'digits';
      if (attachedScale > 0) {
        value *= attachedScale;
        end = attachedEnd;
        while (i < toks.length && toks[i]!.s < attachedEnd) i++;
      } else if (scaleTokenAt(v, toks, i) >= 0) {
        // Scale word: "19.5 thousand", "700 тыс.", "1,5 млн", "700 de mii".
        const at = scaleTokenAt(v, toks, i);
        const scTok = toks[at]!;
        value *= v.scale.get(scTok.key)!;
        end = scTok.e;
        if (text[end] === '.' && v.abbreviations.has(scTok.key)) end++;
        i = at + 1;
        const after2 = toks[i];
        if (after2 && after2.num === null && after2.gap === '' && prefixMatch(v, after2.key))
          continue;
        // "19 тысяч 505": the hundreds after a thousands word belong to the same number.
        if (
          after2 &&
          after2.num !== null &&
          after2.gap === '' &&
          Number.isInteger(after2.num) &&
          after2.num < 1000 &&
          v.scale.get(scTok.key) === 1000 &&
          end === scTok.e &&
          !(after2.e < to && isWordChar(text.charCodeAt(after2.e)))
        ) {
          value += after2.num;
          end = after2.e;
          i++;
        }
      } else {
        if (t.bare && value >= 1800 && value <= 2100 && !childAfter(next)) continue; // a year
        if (next && next.num === null && next.gap === '' && prefixMatch(v, next.key)) continue;
        if (!Number.isInteger(value)) continue;
      }
      const qual = qualifierBefore(v, text, from, t.s);
      out.push({
        start: qual ? qual.s : t.s,
        end,
        text: text.slice(qual ? qual.s : t.s, end),
        value: Math.round(value),
        qualifier: qual ? qual.q : 'exact',
        kind,
      });
      continue;
    }
    // Words: vague quantities and number words.
    const key = t.key;
    const indefinite = v.indefinite.has(key) && next !== undefined && v.few.has(next.key);
    if (v.few.has(key) || indefinite) {
      // "a few hundred", "несколько сотен", "kilka tysięcy"
      const j = indefinite ? i + 1 : i;
      const sc = toks[j + 1];
      if (
        sc &&
        sc.num === null &&
        sc.gap === '' &&
        (v.scale.has(sc.key) || v.vague.has(sc.key)) &&
        (v.scale.get(sc.key) ?? v.vague.get(sc.key)!) >= 100
      ) {
        const base = v.scale.get(sc.key) ?? v.vague.get(sc.key)!;
        let value = base * 3;
        let endTok = j + 1;
        const big = base < 1000 ? thousandsAfter(v, toks, endTok, false) : null;
        if (big) {
          value = base * 3 * big.scale;
          endTok = big.at;
        }
        const qual = qualifierBefore(v, text, from, t.s);
        const endPos = toks[endTok]!.e;
        out.push({
          start: qual ? qual.s : t.s,
          end: endPos,
          text: text.slice(qual ? qual.s : t.s, endPos),
          value,
          qualifier: 'about',
          kind: 'vague',
        });
        i = endTok + 1;
        continue;
      }
    }
    if (v.vague.has(key)) {
      const of1 = toks[i + 1];
      const big1 = of1 && of1.num === null && v.of.has(of1.key) ? toks[i + 2] : of1;
      const followedByThousands =
        big1 !== undefined && big1.num === null && (v.scale.get(big1.key) ?? 0) >= 1000;
      if (v.vagueNeedsScale.has(key) && !followedByThousands) {
        i++;
        continue;
      }
      let value = v.vague.get(key)!;
      let endTok = i;
      const big = value < 1000 ? thousandsAfter(v, toks, i, true) : null;
      if (big) {
        value *= big.scale;
        endTok = big.at;
      }
      const qual = qualifierBefore(v, text, from, t.s);
      const endPos = toks[endTok]!.e;
      out.push({
        start: qual ? qual.s : t.s,
        end: endPos,
        text: text.slice(qual ? qual.s : t.s, endPos),
        value,
        qualifier: qual ? qual.q : 'at-least',
        kind: 'vague',
      });
      i = endTok + 1;
      continue;
    }
    if (
      v.words.has(key) ||
      (v.scale.has(key) &&
        !v.afterDigitsOnly.has(key) &&
        !(prev && prev.num !== null && t.gap === '') &&
        !(prev && v.percentLead.has(prev.key)))
    ) {
      // A run of number words: "seven", "сімсот тисяч", "seven hundred thousand".
      let total = 0;
      let current = 0;
      let j = i;
      let any = false;
      while (j < toks.length) {
        const w = toks[j]!;
        if (w.num !== null || (j > i && w.gap !== '' && w.gap !== '-')) break;
        if (v.words.has(w.key)) {
          current += v.words.get(w.key)!;
          any = true;
        } else if (v.scale.has(w.key) && !v.afterDigitsOnly.has(w.key) && (any || j === i)) {
          const sc = v.scale.get(w.key)!;
          if (sc === 100) current = (current || 1) * 100;
          else {
            total += (current || 1) * sc;
            current = 0;
          }
          any = true;
        } else if (j > i && v.and.has(w.key)) {
          const nx = toks[j + 1];
          if (!nx || !v.words.has(nx.key)) break;
        } else if (j > i && any && v.scaleLink.has(w.key) && w.gap === '') {
          // "o sută de mii", "două sute de mii": a "de" before a thousands word.
          const nx = toks[j + 1];
          if (!nx || nx.num !== null || nx.gap !== '' || (v.scale.get(nx.key) ?? 0) < 1000) break;
        } else break;
        j++;
      }
      const value = total + current;
      const lastTok = toks[j - 1]!;
      const isSmall = value < 100;
      // Small number words only count right before a child term ("seven children").
      const ambiguous = v.ambiguous.has(key);
      if (value > 0 && (!isSmall || (!ambiguous && childAfter(toks[j])))) {
        const qual = qualifierBefore(v, text, from, t.s);
        out.push({
          start: qual ? qual.s : t.s,
          end: lastTok.e,
          text: text.slice(qual ? qual.s : t.s, lastTok.e),
          value,
          qualifier: qual ? qual.q : 'exact',
          kind: 'words',
        });
      }
      i = Math.max(j, i + 1);
      continue;
    }
    i++;
  }
  return out;
}
