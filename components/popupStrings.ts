/**
 * Every text of the popup, in English and Ukrainian, in the language of the options page
 * (`components/locale.ts`). Annotation quotes and card titles come from the page's cards,
 * in the card's language.
 */
import type { Locale } from './locale';

const en = {
  title: 'Context Cards',
  unavailable:
    'Extensions cannot read this page (browser pages and extension stores are closed to them), so nothing is marked here.',
  summary: {
    loading: 'Looking at this page…',
    nothing: 'Nothing on this page is about deported Ukrainian children.',
    notScanned: 'This page was not scanned (only http and https pages are).',
    found: (n: number) =>
      `${n} ${n === 1 ? 'passage' : 'passages'} on this page about deported Ukrainian children.`,
    siteOff: 'Turned off on this site: nothing is marked here.',
    allOff: 'Marking is turned off on every site (Options, General): nothing is marked here.',
  },
  listLabel: 'Passages on this page',
  category: { claim: 'Official claim', figure: 'Figure', topic: 'Topic' },
  quote: (text: string) => `“${text}”`,
  onThisSite: (host: string) => `On this site (${host})`,
  alsoRemoved: (patterns: string) => `Also removed from the excluded sites: ${patterns}.`,
  links: 'Extension pages',
  options: 'Options',
  explorer: 'Data explorer',
  status: {
    checking: 'Checking…',
    unreachable: (message: string) => `Background not reachable: ${message}`,
    ready: (version: string, dataset: string) => `Version ${version} · dataset ${dataset}`,
    noDataset: (version: string) => `Version ${version} · dataset not loaded yet`,
  },
};

export type PopupStrings = typeof en;

/** 1 фрагмент, 2–4 фрагменти, 5–20 фрагментів, 21 фрагмент, 22 фрагменти, 111 фрагментів. */
function ukPassages(n: number): string {
  const last = n % 10;
  const lastTwo = n % 100;
  if (last === 1 && lastTwo !== 11) return 'фрагмент';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'фрагменти';
  return 'фрагментів';
}

const uk: PopupStrings = {
  title: 'Context Cards',
  unavailable:
    'Розширення не можуть читати цю сторінку (сторінки браузера й магазини розширень для них закриті), тому тут нічого не позначено.',
  summary: {
    loading: 'Переглядаємо сторінку…',
    nothing: 'На цій сторінці немає нічого про депортованих українських дітей.',
    notScanned: 'Цю сторінку не переглянуто (лише сторінки http і https).',
    found: (n) => `${n} ${ukPassages(n)} на цій сторінці про депортованих українських дітей.`,
    siteOff: 'На цьому сайті вимкнено: тут нічого не позначено.',
    allOff: 'Позначення вимкнено на всіх сайтах (Налаштування, Загальні): тут нічого не позначено.',
  },
  listLabel: 'Фрагменти на цій сторінці',
  category: { claim: 'Офіційна заява', figure: 'Число', topic: 'Тема' },
  quote: (text) => `«${text}»`,
  onThisSite: (host) => `На цьому сайті (${host})`,
  alsoRemoved: (patterns) => `Також вилучено з винятків: ${patterns}.`,
  links: 'Сторінки розширення',
  options: 'Налаштування',
  explorer: 'Перегляд даних',
  status: {
    checking: 'Перевірка…',
    unreachable: (message) => `Фонова частина недоступна: ${message}`,
    ready: (version, dataset) => `Версія ${version} · набір даних ${dataset}`,
    noDataset: (version) => `Версія ${version} · набір даних ще не завантажено`,
  },
};

export const POPUP_STRINGS: Record<Locale, PopupStrings> = { en, uk };
