/**
 * The number reader's tokens: words (folded like page text) and digit groups, where "19 546",
 * "19,546" and "19.546" are one token and "19,5" a decimal, each with the punctuation
 * between it and the token before; and the per-code-unit tests the reader uses.
 */
import { charClass, foldWord } from './normalize';

export interface Tok {
  s: number;
  e: number;
  key: string;
  /** true when the token is digits (possibly grouped / decimal), already read as `num`. */
  num: number | null;
  /** number of digits before any decimal part; 4-digit bare numbers may be years. */
  bare: boolean;
  /** punctuation between the previous token and this one (trimmed). */
  gap: string;
}

const GROUP_SEPS = new Set([
  ',',
  '.',
  ' ',
  '\u00A0',
  '\u202F',
  '\u2009',
  '\u2007',
  '\u2008',
  "'",
  '’',
]);

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isWordChar(c: number): boolean {
  const k = charClass(c);
  return (k >= 1 && k <= 6) || k === 8;
}

/** `text.slice(s, e).trim()`, without a string for the usual gap of plain spaces. */
function gapOf(text: string, s: number, e: number): string {
  let q = s;
  while (q < e && text.charCodeAt(q) === 0x20) q++;
  return q === e ? '' : text.slice(s, e).trim();
}

/** Cut the text into word tokens and digit groups ("19 546" is one token). */
export function tokenize(text: string, from: number, to: number): Tok[] {
  const toks: Tok[] = [];
  let i = from;
  let gapStart = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      const s = i;
      let j = i;
      while (j < to && isDigit(text.charCodeAt(j))) j++;
      const firstLen = j - s;
      let digits = text.slice(s, j);
      let grouped = false;
      let sepUsed = '';
      // Thousands groups: exactly three digits after one separator, the same separator each time.
      while (firstLen <= 3 && j + 4 <= to) {
        const sep = text[j]!;
        if (!GROUP_SEPS.has(sep) || (sepUsed !== '' && sep !== sepUsed)) break;
        let k = j + 1;
        let n = 0;
        while (k < to && isDigit(text.charCodeAt(k)) && n < 4) {
          k++;
          n++;
        }
        if (n !== 3) break;
        // "1,500.5" style decimals after groups are rare: stop at another digit run.
        digits += text.slice(j + 1, k);
        sepUsed = sep;
        grouped = true;
        j = k;
      }
      let value = Number(digits);
      let end = j;
      // Decimal part: "19.5", "19,5" (one or two digits, or three after a non-grouped dot
      // when a scale word follows, handled by the caller's scale logic).
      if (
        !grouped &&
        j + 1 < to &&
        (text[j] === '.' || text[j] === ',') &&
        isDigit(text.charCodeAt(j + 1))
      ) {
        let k = j + 1;
        while (k < to && isDigit(text.charCodeAt(k))) k++;
        const frac = text.slice(j + 1, k);
        if (frac.length <= 2 || (frac.length > 3 && firstLen > 3)) {
          value = Number(`${digits}.${frac}`);
          end = k;
        } else if (frac.length === 3 && firstLen > 3) {
          end = k; // "2022.123": not a count; swallow
          value = Number.NaN;
        }
      }
      toks.push({
        s,
        e: end,
        key: '',
        num: value,
        bare: !grouped && end === j && firstLen === 4,
        gap: gapOf(text, gapStart, s),
      });
      i = end;
      gapStart = end;
      continue;
    }
    if (isWordChar(c)) {
      const s = i;
      let j = i + 1;
      while (j < to) {
        const cj = text.charCodeAt(j);
        if (isWordChar(cj) && !isDigit(cj)) j++;
        else if (
          (cj === 0x27 || cj === 0x2019 || cj === 0x2bc) &&
          j + 1 < to &&
          isWordChar(text.charCodeAt(j + 1)) &&
          !isDigit(text.charCodeAt(j + 1))
        )
          j++;
        else break;
      }
      toks.push({
        s,
        e: j,
        key: foldWord(text.slice(s, j)),
        num: null,
        bare: false,
        gap: gapOf(text, gapStart, s),
      });
      i = j;
      gapStart = j;
      continue;
    }
    i++;
  }
  return toks;
}

const spaceMemo = new Uint8Array(65536); // 0 unknown, 1 space, 2 not
export function isSpaceCode(c: number): boolean {
  let v = spaceMemo[c]!;
  if (v === 0) {
    v = /\s/u.test(String.fromCharCode(c)) ? 1 : 2;
    spaceMemo[c] = v;
  }
  return v === 1;
}
const alnumMemo = new Uint8Array(65536);
/** Made when first used, not a literal (see the `\p{...}` rule in eslint.config.js). */
let alnum: RegExp | null = null;
export function isAlnumCode(c: number): boolean {
  let v = alnumMemo[c]!;
  if (v === 0) {
    alnum ??= new RegExp('[\\p{L}\\p{N}]', 'u');
    v = alnum.test(String.fromCharCode(c)) ? 1 : 2;
    alnumMemo[c] = v;
  }
  return v === 1;
}
const lowerMemo = new Uint16Array(65536);
const lowerKnown = new Uint8Array(65536);
/** Lower case of one code unit, with ’ and ʼ read as an ASCII apostrophe. */
export function lowerCode(c: number): number {
  if (lowerKnown[c] === 0) {
    const l = String.fromCharCode(c).toLowerCase();
    lowerMemo[c] = c === 0x2019 || c === 0x2bc ? 0x27 : l.length === 1 ? l.charCodeAt(0) : c;
    lowerKnown[c] = 1;
  }
  return lowerMemo[c]!;
}
