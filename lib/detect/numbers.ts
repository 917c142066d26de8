/**
 * Read counts in every supported language: digits with any grouping ("19,546", "19 546",
 * "19.546", "19546"), decimals with a scale word ("19.5 thousand", "понад 19,5 тисячі",
 * "700 тыс."), number words ("seven children", "сімсот тисяч"), and vague quantities
 * ("hundreds", "Hunderte", "des centaines", "сотни", "hundreds of thousands", "a few hundred").
 * Years, dates, percentages, ages, times, ordinals and measures are not counts.
 *
 * Runs only on relevant blocks, so it favours clarity over speed; it is still linear.
 */
import type { Qualifier } from '../dataset/schema';
import { charClass as charClass_, foldWord as foldWord_ } from './normalize';

// Local copies: bindings imported through a CommonJS transform (tsx, vitest) are getters,
// too slow to read once per code unit.
const charClass = charClass_;
const foldWord = foldWord_;

export interface NumberMatch {
  start: number;
  end: number;
  text: string;
  value: number;
  qualifier: Qualifier;
  /** digits, number words, or a vague quantity word ("hundreds"). */
  kind: 'digits' | 'words' | 'vague';
}

type Vocab = Map<string, number>;
const vocab = (entries: [number, string][]): Vocab => {
  const m = new Map<string, number>();
  for (const [v, words] of entries) for (const w of words.split(' ')) m.set(w, v);
  return m;
};

/** Scale words after a number ("thousand", "тис.", "Mio."). */
const SCALE = vocab([
  [
    100,
    'hundred hundreds сто сотня сотни сотен сотні сотень hundert cent cents cien ciento cento centinaio sto sută sute',
  ],
  [
    1000,
    'thousand thousands k тыс тысяча тысячи тысяч тис тисяча тисячі тисяч tausend tsd mille milliers mil miles mila migliaia migliaio tys tysiąc tysiące tysięcy mie mii',
  ],
  [
    1_000_000,
    'million millions mln mn m млн миллион миллиона миллионов мільйон мільйона мільйонів mio millionen milliones millón millones milione milioni milion miliony milionów milioane',
  ],
]);

/** Number words: units and teens, tens, hundreds (ru/uk/pl compounds). */
const WORDS = vocab([
  [
    1,
    'one один одна одно одного один одна одне eins ein eine un une uno una jeden jedna jedno unu o',
  ],
  [2, 'two два две двое дві двоє zwei deux dos due dwa dwie dwoje doi două'],
  [3, 'three три трое троє drei trois tres tre trzy troje trei'],
  [4, 'four четыре четверо чотири четверо vier quatre cuatro quattro cztery czworo patru'],
  [5, "five пять пятеро п'ять п'ятеро fünf cinq cinco cinque pięć pięcioro cinci"],
  [6, 'six шесть шестеро шість шестеро sechs seis sei sześć sześcioro șase'],
  [7, 'seven семь семеро сім семеро sieben sept siete sette siedem siedmioro șapte'],
  [8, 'eight восемь восьмеро вісім восьмеро acht huit ocho otto osiem ośmioro opt'],
  [9, "nine девять девятеро дев'ять дев'ятеро neun neuf nueve nove dziewięć nouă"],
  [10, 'ten десять десятеро zehn dix diez dieci dziesięć zece'],
  [11, 'eleven одиннадцать одинадцять elf onze once undici jedenaście unsprezece'],
  [12, 'twelve двенадцать дванадцять zwölf douze doce dodici dwanaście doisprezece'],
  [13, 'thirteen тринадцать тринадцять dreizehn treize trece tredici trzynaście treisprezece'],
  [
    14,
    'fourteen четырнадцать чотирнадцять vierzehn quatorze catorce quattordici czternaście paisprezece',
  ],
  [15, "fifteen пятнадцать п'ятнадцять fünfzehn quinze quince quindici piętnaście cincisprezece"],
  [16, 'sixteen шестнадцать шістнадцять sechzehn seize dieciséis sedici szesnaście șaisprezece'],
  [
    17,
    'seventeen семнадцать сімнадцять siebzehn diecisiete diciassette siedemnaście șaptesprezece',
  ],
  [18, 'eighteen восемнадцать вісімнадцять achtzehn dieciocho diciotto osiemnaście optsprezece'],
  [
    19,
    "nineteen девятнадцать дев'ятнадцять neunzehn diecinueve diciannove dziewiętnaście nouăsprezece",
  ],
  [20, 'twenty двадцать двадцять zwanzig vingt veinte venti dwadzieścia douăzeci'],
  [30, 'thirty тридцать тридцять dreißig trente treinta trenta trzydzieści treizeci'],
  [40, 'forty сорок vierzig quarante cuarenta quaranta czterdzieści patruzeci'],
  [50, "fifty пятьдесят п'ятдесят fünfzig cinquante cincuenta cinquanta pięćdziesiąt cincizeci"],
  [60, 'sixty шестьдесят шістдесят sechzig soixante sesenta sessanta sześćdziesiąt șaizeci'],
  [70, 'seventy семьдесят сімдесят siebzig setenta settanta siedemdziesiąt șaptezeci'],
  [80, 'eighty восемьдесят вісімдесят achtzig ochenta ottanta osiemdziesiąt optzeci'],
  [90, "ninety девяносто дев'яносто neunzig noventa novanta dziewięćdziesiąt nouăzeci"],
  [200, 'двести двісті dwieście'],
  [300, 'триста trzysta'],
  [400, 'четыреста чотириста czterysta'],
  [500, "пятьсот п'ятсот pięćset"],
  [600, 'шестьсот шістсот sześćset'],
  [700, 'семьсот сімсот siedemset'],
  [800, 'восемьсот вісімсот osiemset'],
  [900, "девятьсот дев'ятсот dziewięćset"],
]);

/** Vague quantities: value and whether "of thousands" may follow. */
const VAGUE = vocab([
  [
    10,
    'dozens десятки десятков десятків dutzende dizaines decenas decine dziesiątki dziesiątek zeci',
  ],
  [
    100,
    'hundreds сотни сотен сотні сотень hunderte centaines cientos centenares centinaia setki setek sute',
  ],
  [
    1000,
    'thousands тысячи тысяч тисячі тисяч tausende milliers miles migliaia tysiące tysięcy mii',
  ],
  [10_000, 'zehntausende'],
  [10, 'tens'],
  [100_000, 'hunderttausende'],
  [300, 'kilkaset'],
  [3000, 'kilka'],
]);
/** "a few", "several" before a scale word: about three times the scale. */
const FEW = new Set(
  'few several несколько кілька декілька einige mehrere quelques plusieurs unos unas varios varias alcune alcuni diverse kilka parę câteva câțiva'.split(
    ' ',
  ),
);
const OF = new Set(['of', 'de', 'des', 'di', 'von', 'd']);
/** The word between a number and its scale ("700 de mii", "o sută de mii"). */
const SCALE_LINK = new Set(['de']);

const MONTHS = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'января февраля марта апреля мая июня июля августа сентября октября ноября декабря январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь ' +
    'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень ' +
    'januar februar märz mai juni juli oktober dezember janvier février mars avril juin juillet août septembre octobre novembre décembre ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre ' +
    'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia ianuarie februarie martie aprilie iunie iulie septembrie octombrie noiembrie decembrie'
  ).split(' '),
);

/** Words after a number that make it a measure, a time span, an age or a share, not a count. */
const UNIT_PREFIXES = (
  'percent per prozent pourcent por процент% відсот% procent procen% km kilomet% километр% кілометр% mile% meter% metr% ' +
  'dollar% euro% usd eur долар% доллар% рубл% гривен% гривн% грн руб złot% lei leu franc% ' +
  'year% лет год% рок% рік jahr% an ans année% año% anni anno lat ani month% месяц% місяц% monat% mois mes% mes mesi miesi% luni lună ' +
  'day% дня дней дни день tag% jour% día% giorn% dni zil% hour% час% годин% stund% heure% hora% ore ora oră godzin% minut% ' +
  'km² m² kg tonn% tonne% тонн% т sq'
)
  .split(' ')
  .map((w) => w.replace('%', '*'));

/** Words before a number that make it an age, a rank, a code or a time. */
const BEFORE_NOT_COUNT = new Set(
  'aged age ages возрасте віці віком im alter âgé âgée âgés âgées edad età età wieku vârsta vârstă no nr № номер number art article статья стаття paragraph resolution резолюции резолюції decree указ указу указом hours under below'.split(
    ' ',
  ),
);

const QUALIFIERS: [string, Qualifier][] = [
  ['more than', 'more-than'],
  ['over', 'more-than'],
  ['upwards of', 'more-than'],
  ['in excess of', 'more-than'],
  ['at least', 'at-least'],
  ['no fewer than', 'at-least'],
  ['not less than', 'at-least'],
  ['a minimum of', 'at-least'],
  ['nearly', 'about'],
  ['almost', 'about'],
  ['about', 'about'],
  ['around', 'about'],
  ['approximately', 'about'],
  ['roughly', 'about'],
  ['some', 'about'],
  ['close to', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['approx', 'about'],
  ['up to', 'up-to'],
  ['as many as', 'up-to'],
  ['fewer than', 'fewer-than'],
  ['less than', 'fewer-than'],
  // uk
  ['понад', 'more-than'],
  ['більше ніж', 'more-than'],
  ['більше', 'more-than'],
  ['більш ніж', 'more-than'],
  ['щонайменше', 'at-least'],
  ['принаймні', 'at-least'],
  ['не менше ніж', 'at-least'],
  ['не менше', 'at-least'],
  ['близько', 'about'],
  ['майже', 'about'],
  ['приблизно', 'about'],
  ['орієнтовно', 'about'],
  ['до', 'up-to'],
  ['менше ніж', 'fewer-than'],
  ['менше', 'fewer-than'],
  // ru
  ['более чем', 'more-than'],
  ['более', 'more-than'],
  ['больше чем', 'more-than'],
  ['больше', 'more-than'],
  ['свыше', 'more-than'],
  ['не менее чем', 'at-least'],
  ['не менее', 'at-least'],
  ['по меньшей мере', 'at-least'],
  ['как минимум', 'at-least'],
  ['минимум', 'at-least'],
  ['около', 'about'],
  ['почти', 'about'],
  ['примерно', 'about'],
  ['приблизительно', 'about'],
  ['порядка', 'about'],
  ['менее', 'fewer-than'],
  ['меньше', 'fewer-than'],
  // de
  ['mehr als', 'more-than'],
  ['über', 'more-than'],
  ['mindestens', 'at-least'],
  ['wenigstens', 'at-least'],
  ['fast', 'about'],
  ['beinahe', 'about'],
  ['etwa', 'about'],
  ['rund', 'about'],
  ['knapp', 'about'],
  ['ungefähr', 'about'],
  ['circa', 'about'],
  ['ca', 'about'],
  ['annähernd', 'about'],
  ['bis zu', 'up-to'],
  ['weniger als', 'fewer-than'],
  // fr
  ['plus de', 'more-than'],
  ['au moins', 'at-least'],
  ['près de', 'about'],
  ['environ', 'about'],
  ['quelque', 'about'],
  ['presque', 'about'],
  ["jusqu'à", 'up-to'],
  ['moins de', 'fewer-than'],
  // es
  ['más de', 'more-than'],
  ['al menos', 'at-least'],
  ['por lo menos', 'at-least'],
  ['casi', 'about'],
  ['cerca de', 'about'],
  ['unos', 'about'],
  ['unas', 'about'],
  ['alrededor de', 'about'],
  ['aproximadamente', 'about'],
  ['hasta', 'up-to'],
  ['menos de', 'fewer-than'],
  // it
  ['più di', 'more-than'],
  ['oltre', 'more-than'],
  ['almeno', 'at-least'],
  ['quasi', 'about'],
  ['circa', 'about'],
  ['fino a', 'up-to'],
  ['meno di', 'fewer-than'],
  // pl
  ['ponad', 'more-than'],
  ['więcej niż', 'more-than'],
  ['przeszło', 'more-than'],
  ['co najmniej', 'at-least'],
  ['przynajmniej', 'at-least'],
  ['prawie', 'about'],
  ['blisko', 'about'],
  ['około', 'about'],
  ['niemal', 'about'],
  ['mniej niż', 'fewer-than'],
  // ro
  ['peste', 'more-than'],
  ['mai mult de', 'more-than'],
  ['mai bine de', 'more-than'],
  ['cel puțin', 'at-least'],
  ['cel puţin', 'at-least'],
  ['aproape', 'about'],
  ['aproximativ', 'about'],
  ['în jur de', 'about'],
  ['până la', 'up-to'],
  ['mai puțin de', 'fewer-than'],
];
// Longest first, so "more than" wins over "than" and "не менее" over "менее".
QUALIFIERS.sort((a, b) => b[0].length - a[0].length);

interface Tok {
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

/**
 * A scale word of a thousand or more right after token `at`, past an "of" ("hundreds of
 * thousands", "des centaines de milliers", "сотни тысяч"); `adjacent` also asks for the
 * two to be written with a plain space between them.
 */
/**
 * Index of the scale word that multiplies the number before token `at`: the token itself
 * ("700 тысяч"), or past a "de" to a thousand or more ("700 de mii"); -1 when there is none.
 */
function scaleTokenAt(toks: readonly Tok[], at: number): number {
  const t = toks[at];
  if (!t || t.num !== null || t.gap !== '') return -1;
  if (SCALE.has(t.key)) return at;
  const big = toks[at + 1];
  if (
    SCALE_LINK.has(t.key) &&
    big &&
    big.num === null &&
    big.gap === '' &&
    (SCALE.get(big.key) ?? 0) >= 1000
  )
    return at + 1;
  return -1;
}

function thousandsAfter(
  toks: readonly Tok[],
  at: number,
  adjacent: boolean,
): { scale: number; at: number } | null {
  const of = toks[at + 1];
  const bigAt = of && of.num === null && OF.has(of.key) ? at + 2 : at + 1;
  const big = toks[bigAt];
  if (!big || big.num !== null || (adjacent && big.gap !== '')) return null;
  const scale = SCALE.get(big.key) ?? 0;
  return scale >= 1000 ? { scale, at: bigAt } : null;
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

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isWordChar(c: number): boolean {
  const k = charClass(c);
  return (k >= 1 && k <= 6) || k === 8;
}

/** Cut the text into word tokens and digit groups ("19 546" is one token). */
/** `text.slice(s, e).trim()`, without a string for the usual gap of plain spaces. */
function gapOf(text: string, s: number, e: number): string {
  let q = s;
  while (q < e && text.charCodeAt(q) === 0x20) q++;
  return q === e ? '' : text.slice(s, e).trim();
}

function tokenize(text: string, from: number, to: number): Tok[] {
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

function prefixMatch(key: string): boolean {
  for (const p of UNIT_PREFIXES) {
    if (p.endsWith('*') ? key.startsWith(p.slice(0, -1)) : key === p) return true;
  }
  return false;
}

// Qualifiers are matched backwards from the number, character by character, against phrases
// indexed by their last character (no regular expressions on the hot path). A space in a
// phrase matches one or more spaces; the phrase must start the 40-unit window or follow a
// character that is not a letter or digit, and only spaces may separate it from the number.
const QUAL_BY_LAST = new Map<number, [string, Qualifier][]>();
for (const [phrase, q] of QUALIFIERS) {
  const last = phrase.charCodeAt(phrase.length - 1);
  const list = QUAL_BY_LAST.get(last) ?? [];
  list.push([phrase, q]);
  QUAL_BY_LAST.set(last, list);
}

const spaceMemo = new Uint8Array(65536); // 0 unknown, 1 space, 2 not
function isSpaceCode(c: number): boolean {
  let v = spaceMemo[c]!;
  if (v === 0) {
    v = /\s/u.test(String.fromCharCode(c)) ? 1 : 2;
    spaceMemo[c] = v;
  }
  return v === 1;
}
const alnumMemo = new Uint8Array(65536);
function isAlnumCode(c: number): boolean {
  let v = alnumMemo[c]!;
  if (v === 0) {
    v = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 2;
    alnumMemo[c] = v;
  }
  return v === 1;
}
const lowerMemo = new Uint16Array(65536);
const lowerKnown = new Uint8Array(65536);
/** Lower case of one code unit, with ’ and ʼ read as an ASCII apostrophe. */
function lowerCode(c: number): number {
  if (lowerKnown[c] === 0) {
    const l = String.fromCharCode(c).toLowerCase();
    lowerMemo[c] = c === 0x2019 || c === 0x2bc ? 0x27 : l.length === 1 ? l.charCodeAt(0) : c;
    lowerKnown[c] = 1;
  }
  return lowerMemo[c]!;
}

function qualifierBefore(
  text: string,
  from: number,
  start: number,
): { q: Qualifier; s: number } | null {
  const s0 = Math.max(from, start - 40);
  let e = start;
  while (e > s0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e <= s0) return null;
  const list = QUAL_BY_LAST.get(lowerCode(text.charCodeAt(e - 1)));
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
}

/** Read the counts in `text[from, to)`. */
export function readNumbers(
  text: string,
  from = 0,
  to = text.length,
  options: NumberOptions = {},
): NumberMatch[] {
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
          SCALE.has(glued) &&
          (SCALE.get(glued) ?? 0) >= 1000 &&
          !(e < to && isDigit(text.charCodeAt(e)))
        ) {
          attachedScale = SCALE.get(glued)!;
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
        (next.key === '%' || prefixMatch(next.key))
      )
        continue;
      if (next && next.gap === '' && MONTHS.has(next.key)) continue;
      if (
        prev &&
        prev.num === null &&
        (MONTHS.has(prev.key) || BEFORE_NOT_COUNT.has(prev.key)) &&
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
      } else if (scaleTokenAt(toks, i) >= 0) {
        // Scale word: "19.5 thousand", "700 тыс.", "1,5 млн", "700 de mii".
        const at = scaleTokenAt(toks, i);
        const scTok = toks[at]!;
        value *= SCALE.get(scTok.key)!;
        end = scTok.e;
        if (
          text[end] === '.' &&
          ['тыс', 'тис', 'млн', 'tys', 'tsd', 'mln', 'mio', 'mn'].includes(scTok.key)
        )
          end++;
        i = at + 1;
        const after2 = toks[i];
        if (after2 && after2.num === null && after2.gap === '' && prefixMatch(after2.key)) continue;
        // "19 тысяч 505": the hundreds after a thousands word belong to the same number.
        if (
          after2 &&
          after2.num !== null &&
          after2.gap === '' &&
          Number.isInteger(after2.num) &&
          after2.num < 1000 &&
          SCALE.get(scTok.key) === 1000 &&
          end === scTok.e &&
          !(after2.e < to && isWordChar(text.charCodeAt(after2.e)))
        ) {
          value += after2.num;
          end = after2.e;
          i++;
        }
      } else {
        if (t.bare && value >= 1800 && value <= 2100 && !childAfter(next)) continue; // a year
        if (next && next.num === null && next.gap === '' && prefixMatch(next.key)) continue;
        if (!Number.isInteger(value)) continue;
      }
      const qual = qualifierBefore(text, from, t.s);
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
    if (FEW.has(key) || (key === 'a' && next && FEW.has(next.key))) {
      // "a few hundred", "несколько сотен", "kilka tysięcy"
      const j = key === 'a' ? i + 1 : i;
      const sc = toks[j + 1];
      if (
        sc &&
        sc.num === null &&
        sc.gap === '' &&
        (SCALE.has(sc.key) || VAGUE.has(sc.key)) &&
        (SCALE.get(sc.key) ?? VAGUE.get(sc.key)!) >= 100
      ) {
        const base = SCALE.get(sc.key) ?? VAGUE.get(sc.key)!;
        let value = base * 3;
        let endTok = j + 1;
        const big = base < 1000 ? thousandsAfter(toks, endTok, false) : null;
        if (big) {
          value = base * 3 * big.scale;
          endTok = big.at;
        }
        const qual = qualifierBefore(text, from, t.s);
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
    if (VAGUE.has(key)) {
      const of1 = toks[i + 1];
      const big1 = of1 && of1.num === null && OF.has(of1.key) ? toks[i + 2] : of1;
      const followedByThousands =
        big1 !== undefined && big1.num === null && (SCALE.get(big1.key) ?? 0) >= 1000;
      if ((key === 'kilka' || key === 'tens') && !followedByThousands) {
        i++;
        continue;
      }
      let value = VAGUE.get(key)!;
      let endTok = i;
      const big = value < 1000 ? thousandsAfter(toks, i, true) : null;
      if (big) {
        value *= big.scale;
        endTok = big.at;
      }
      const qual = qualifierBefore(text, from, t.s);
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
      WORDS.has(key) ||
      (SCALE.has(key) &&
        key !== 'm' &&
        key !== 'k' &&
        key !== 'mn' &&
        !(prev && prev.num !== null && t.gap === '') &&
        !(prev && (prev.key === 'per' || prev.key === 'por')))
    ) {
      // A run of number words: "seven", "сімсот тисяч", "seven hundred thousand".
      let total = 0;
      let current = 0;
      let j = i;
      let any = false;
      while (j < toks.length) {
        const w = toks[j]!;
        if (w.num !== null || (j > i && w.gap !== '' && w.gap !== '-')) break;
        if (WORDS.has(w.key)) {
          current += WORDS.get(w.key)!;
          any = true;
        } else if (
          SCALE.has(w.key) &&
          w.key !== 'm' &&
          w.key !== 'k' &&
          w.key !== 'mn' &&
          (any || j === i)
        ) {
          const sc = SCALE.get(w.key)!;
          if (sc === 100) current = (current || 1) * 100;
          else {
            total += (current || 1) * sc;
            current = 0;
          }
          any = true;
        } else if (
          j > i &&
          (w.key === 'and' ||
            w.key === 'и' ||
            w.key === 'і' ||
            w.key === 'und' ||
            w.key === 'et' ||
            w.key === 'y' ||
            w.key === 'e')
        ) {
          const nx = toks[j + 1];
          if (!nx || !WORDS.has(nx.key)) break;
        } else if (j > i && any && SCALE_LINK.has(w.key) && w.gap === '') {
          // "o sută de mii", "două sute de mii": a "de" before a thousands word.
          const nx = toks[j + 1];
          if (!nx || nx.num !== null || nx.gap !== '' || (SCALE.get(nx.key) ?? 0) < 1000) break;
        } else break;
        j++;
      }
      const value = total + current;
      const lastTok = toks[j - 1]!;
      const isSmall = value < 100;
      // Small number words only count right before a child term ("seven children").
      const ambiguous =
        key === 'one' ||
        key === 'un' ||
        key === 'une' ||
        key === 'uno' ||
        key === 'una' ||
        key === 'o' ||
        key === 'ein' ||
        key === 'eine' ||
        key === 'e';
      if (value > 0 && (!isSmall || (!ambiguous && childAfter(toks[j])))) {
        const qual = qualifierBefore(text, from, t.s);
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
