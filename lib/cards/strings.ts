/**
 * The card's own words in English and Ukrainian, and number and date formats for each.
 * Dataset text comes in the same language where the dataset has it (see `view.ts`).
 */
import type { Qualifier, Series, Stance } from '@/lib/dataset/schema';

/** The languages a card is written in. */
export const UI_LANGS = ['en', 'uk'] as const;
export type UiLang = (typeof UI_LANGS)[number];

/** The card language for a browser UI language ("uk", "uk-UA" → Ukrainian; else English). */
export function uiLangOf(browserLang: string | undefined): UiLang {
  return browserLang?.toLowerCase().startsWith('uk') ? 'uk' : 'en';
}

// Written out rather than with Intl: building an Intl formatter costs tens of ms on a
// page (measured in bench:browser), and these two formats are all a card needs.
const GROUP: Record<UiLang, string> = { en: ',', uk: '\u00a0' };
// English uses one form; Ukrainian the nominative alone ("липень 2023") and the genitive
// after a day ("31 липня 2023").
const EN_MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );
const MONTHS: Record<UiLang, { month: string[]; day: string[] }> = {
  en: { month: EN_MONTHS, day: EN_MONTHS },
  uk: {
    month: [
      'січень',
      'лютий',
      'березень',
      'квітень',
      'травень',
      'червень',
      'липень',
      'серпень',
      'вересень',
      'жовтень',
      'листопад',
      'грудень',
    ],
    day: [
      'січня',
      'лютого',
      'березня',
      'квітня',
      'травня',
      'червня',
      'липня',
      'серпня',
      'вересня',
      'жовтня',
      'листопада',
      'грудня',
    ],
  },
};

/** "19,546" in English, "19 546" in Ukrainian (integers; others as they are). */
export function formatNumber(value: number, lang: UiLang): string {
  if (!Number.isInteger(value)) return String(value);
  const digits = String(Math.abs(value));
  let out = '';
  for (let k = 0; k < digits.length; k++) {
    if (k > 0 && (digits.length - k) % 3 === 0) out += GROUP[lang];
    out += digits[k];
  }
  return value < 0 ? `-${out}` : out;
}

/** "31 July 2023", "July 2023" (a partial date stays partial); "31 липня 2023", "липень 2023". */
export function formatDate(date: string, lang: UiLang): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || m > 12) return date;
  const names = MONTHS[lang];
  return d ? `${d} ${names.day[m - 1]} ${y}` : `${names.month[m - 1]} ${y}`;
}

interface Strings {
  stance: Record<Stance, string>;
  unit: Record<Series['unit'], string>;
  qualifier: Record<Qualifier, (n: string) => string>;
  asOf: (date: string) => string;
  placed: (series: string, stance: string) => string;
  noSeries: string;
  outdated: (series: string, latest: string, date: string) => string;
  claimTitle: (actor: string) => string;
  topicTitle: string;
  marker: (title: string) => string;
  close: string;
  quote: string;
  claimHeading: string;
  original: string;
  documentedHeading: string;
  numbersHeading: string;
  scaleHeading: string;
  scaleAlt: (points: string) => string;
  timelineHeading: (series: string) => string;
  timelineSummary: (n: number, first: string, last: string, max: string) => string;
  sources: string;
  unconfirmed: string;
  via: (who: string) => string;
  why: string;
  rule: (rule: string) => string;
  matched: string;
  notRelevant: string;
  datasetVersion: (v: string) => string;
  loading: string;
  unavailable: string;
  roles: Record<'text' | 'claim' | 'documented' | 'estimate', string>;
}

const EN: Strings = {
  stance: {
    documented: 'Documented count',
    'official-claim': 'Official claim',
    estimate: 'Estimate',
  },
  unit: {
    children: 'children',
    facilities: 'facilities',
    regions: 'regions',
    locations: 'locations',
    people: 'people',
  },
  qualifier: {
    exact: (n) => n,
    about: (n) => `about ${n}`,
    'at-least': (n) => `at least ${n}`,
    'more-than': (n) => `more than ${n}`,
    'up-to': (n) => `up to ${n}`,
    'fewer-than': (n) => `fewer than ${n}`,
  },
  asOf: (date) => `as of ${date}`,
  placed: (series, stance) => `This number reads as: ${series} (${stance.toLowerCase()}).`,
  noSeries: 'This number matches no series in the dataset.',
  outdated: (series, latest, date) =>
    `Not the latest figure: ${series} was ${latest} as of ${date}.`,
  claimTitle: (actor) => `Claim by ${actor}`,
  topicTitle: 'Deportation of Ukrainian children',
  marker: (title) => `Context: ${title}`,
  close: 'Close',
  quote: 'On this page',
  claimHeading: 'The claim this echoes',
  original: 'Original wording',
  documentedHeading: 'What the record shows',
  numbersHeading: 'Numbers in this passage',
  scaleHeading: 'On one scale',
  scaleAlt: (points) => `Logarithmic scale: ${points}.`,
  timelineHeading: (series) => `Over time: ${series}`,
  timelineSummary: (n, first, last, max) =>
    `${n} figures from ${first} to ${last}; the highest is ${max}.`,
  sources: 'Sources',
  unconfirmed: 'Unconfirmed: not verified in a second source.',
  via: (who) => `via ${who}`,
  why: 'Why is this highlighted?',
  rule: (rule) => `Rule: ${rule}`,
  matched: 'Matched words',
  notRelevant: 'Not relevant',
  datasetVersion: (v) => `Dataset ${v}`,
  loading: 'Loading the records…',
  unavailable: 'The records for this passage are not available right now.',
  roles: {
    text: 'in this passage',
    claim: 'official claim',
    documented: 'documented',
    estimate: 'estimate',
  },
};

const UK: Strings = {
  stance: {
    documented: 'Задокументована кількість',
    'official-claim': 'Офіційна заява',
    estimate: 'Оцінка',
  },
  unit: {
    children: 'дітей',
    facilities: 'закладів',
    regions: 'регіонів',
    locations: 'місць',
    people: 'осіб',
  },
  qualifier: {
    exact: (n) => n,
    about: (n) => `близько ${n}`,
    'at-least': (n) => `щонайменше ${n}`,
    'more-than': (n) => `понад ${n}`,
    'up-to': (n) => `до ${n}`,
    'fewer-than': (n) => `менше ніж ${n}`,
  },
  asOf: (date) => `станом на ${date}`,
  placed: (series, stance) => `Це число належить до ряду: ${series} (${stance.toLowerCase()}).`,
  noSeries: 'Це число не належить до жодного ряду в наборі даних.',
  outdated: (series, latest, date) =>
    `Це не найновіше число: ${series} — ${latest} станом на ${date}.`,
  claimTitle: (actor) => `Заява: ${actor}`,
  topicTitle: 'Депортація українських дітей',
  marker: (title) => `Контекст: ${title}`,
  close: 'Закрити',
  quote: 'На цій сторінці',
  claimHeading: 'Заява, яку це повторює',
  original: 'Мовою оригіналу',
  documentedHeading: 'Що показують документи',
  numbersHeading: 'Числа в цьому уривку',
  scaleHeading: 'На одній шкалі',
  scaleAlt: (points) => `Логарифмічна шкала: ${points}.`,
  timelineHeading: (series) => `У часі: ${series}`,
  // Dates stay in the nominative ("липень 2024"): no preposition asks for another case.
  timelineSummary: (n, first, last, max) =>
    `Чисел: ${n}; перше — ${first}, останнє — ${last}; найбільше — ${max}.`,
  sources: 'Джерела',
  unconfirmed: 'Не підтверджено: немає другого джерела.',
  via: (who) => `через ${who}`,
  why: 'Чому це виділено?',
  rule: (rule) => `Правило: ${rule}`,
  matched: 'Знайдені слова',
  notRelevant: 'Не стосується',
  datasetVersion: (v) => `Набір даних ${v}`,
  loading: 'Завантаження записів…',
  unavailable: 'Записи для цього уривка зараз недоступні.',
  roles: {
    text: 'у цьому уривку',
    claim: 'офіційна заява',
    documented: 'задокументовано',
    estimate: 'оцінка',
  },
};

export function strings(lang: UiLang): Strings {
  return lang === 'uk' ? UK : EN;
}
