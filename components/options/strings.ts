/**
 * Every text of the options page, in English and Ukrainian. Dataset texts are not here:
 * they come with their own translations. Messages from `lib/settings` (a bad host
 * pattern) and from dataset validation (an import problem) are English for now.
 */
import { browserLocale, type Locale } from '../locale';

export { pickLocale, type Locale } from '../locale';

const en = {
  title: 'Context Cards: Options',
  nav: 'Sections',
  sections: {
    general: 'General',
    sites: 'Sites',
    appearance: 'Appearance',
    data: 'Data',
    import: 'Import',
    export: 'Export',
    dismissed: 'Dismissed annotations',
    privacy: 'Privacy and about',
  },
  general: {
    enabled: 'Mark passages on web pages',
    enabledHint: 'When off, the extension reads no page at all.',
    languages: 'Languages to mark',
    languagesHint: 'Pages in other languages are left alone.',
    categories: 'What to mark',
    category: {
      claim: 'Official claims',
      figure: 'Documented figures',
      topic: 'Other sentences on the topic',
    },
    cardDetail: 'Card detail',
    detail: {
      compact: 'Compact: the claim and the latest count',
      full: 'Full: every figure, finding and source',
    },
    reset: 'Reset all settings',
    resetDone: 'Settings reset to the defaults.',
  },
  languageNames: {
    en: 'English',
    uk: 'Ukrainian',
    ru: 'Russian',
    de: 'German',
    fr: 'French',
    es: 'Spanish',
    it: 'Italian',
    pl: 'Polish',
    ro: 'Romanian',
    cs: 'Czech',
    et: 'Estonian',
    pt: 'Portuguese',
    nl: 'Dutch',
    hu: 'Hungarian',
    bg: 'Bulgarian',
  } satisfies Record<string, string> as Record<string, string>,
  sites: {
    intro:
      'The extension does nothing on these sites. "example.com" is that site only; "*.example.com" is the site and all its subdomains.',
    label: 'Site to exclude',
    add: 'Exclude',
    remove: (pattern: string) => `Remove ${pattern}`,
    empty: 'No site is excluded.',
    added: (pattern: string) => `${pattern} is excluded.`,
    listLabel: 'Excluded sites',
  },
  appearance: {
    style: 'Highlight style',
    styles: {
      underline: 'Underline',
      background: 'Background',
      marker: 'Marker in the margin only',
    },
    theme: 'Theme of cards and these pages',
    themes: { system: 'As the system', light: 'Light', dark: 'Dark' },
    preview: 'Preview',
    previewBefore: 'In March 2023, officials said that ',
    previewMark: 'the children were evacuated for their own safety',
    previewAfter: ', while Ukraine had verified more than 16,000 deported children by name.',
    cardTitle: 'Official claim',
    cardBody: 'The children were evacuated for their safety.',
    cardContrast: 'Ukraine had verified 16,221 children as deported by name (March 2023).',
    cardSource: 'Source: Government of Ukraine, Children of War portal',
  },
  data: {
    intro: 'Every record the cards use, with its sources.',
    version: (version: string, origin: string, date: string) =>
      `Dataset ${version} of ${date}, ${origin === 'imported' ? 'imported by you' : 'bundled with the extension'}.`,
    noDataset: 'No dataset is stored yet.',
    search: 'Search',
    searchLabel: 'Words',
    actor: 'Who (actor, body or publisher)',
    from: 'From',
    to: 'To',
    lang: 'Language',
    anyLang: 'Any',
    kinds: 'Records',
    kind: { claim: 'Claims', figure: 'Figures', finding: 'Findings', source: 'Sources' },
    kindOne: { claim: 'Claim', figure: 'Figure', finding: 'Finding', source: 'Source' },
    results: (shown: number, total: number) =>
      total === 0
        ? 'Nothing matches.'
        : total === 1
          ? '1 record matches.'
          : shown < total
            ? `${total} records match; the first ${shown} are shown.`
            : `${total} records match.`,
    back: 'Back to the results',
    contrasts: 'What the records say',
    sources: 'Sources',
    missing: 'This record is not in the stored dataset.',
    series: 'Series',
    timeline: (label: string) => `Timeline: ${label}`,
    noFigures: 'No figures.',
    sourcesTable: 'All sources',
    publisher: 'Publisher',
    titleCol: 'Title',
    published: 'Published',
    kindCol: 'Kind',
    undated: 'undated',
    sortBy: (col: string) => `Sort by ${col}`,
    resultsLabel: 'Results',
    newer: (value: string, date: string) => `A newer figure: ${value} (${date}).`,
    latest: (label: string, value: string, date: string) => `${label}: latest ${value} (${date})`,
    qualifier: {
      exact: '',
      about: 'about',
      'at-least': 'at least',
      'more-than': 'more than',
      'up-to': 'up to',
      'fewer-than': 'fewer than',
    } as Record<string, string>,
    loading: 'Loading…',
    error: (message: string) => `The data could not be read: ${message}`,
  },
  import: {
    intro:
      'Load an updated dataset file (JSON, at most 5 MB). It is checked against the same rules as the bundled data; nothing changes until you confirm.',
    file: 'Dataset file',
    checking: 'Checking the file…',
    tooLarge: (mb: string) => `The file is ${mb} MB; the limit is 5 MB. Nothing was changed.`,
    invalid: (n: number) =>
      `The file cannot be imported: ${n} ${n === 1 ? 'problem' : 'problems'}. Nothing was changed.`,
    more: (n: number) => `…and ${n} more.`,
    summary: (version: string, previous: string | null) =>
      previous
        ? `Importing dataset ${version} would replace ${previous}:`
        : `Importing dataset ${version} would store:`,
    collection: 'Collection',
    added: 'Added',
    removed: 'Removed',
    changed: 'Changed',
    unchanged: 'Unchanged',
    warnings: (n: number) =>
      `${n} ${n === 1 ? 'thing' : 'things'} to fix later (the import can go ahead):`,
    confirm: 'Import',
    cancel: 'Cancel',
    cancelled: 'Import cancelled. Nothing was changed.',
    applying: 'Importing…',
    done: (version: string) =>
      `Dataset ${version} is imported. Open pages use it from their next scan.`,
    stale: 'The stored data changed since the check. Choose the file again.',
    restore: 'Restore bundled data',
    restoreAsk: 'Replace the stored dataset with the one bundled with the extension?',
    restoreYes: 'Restore',
    restored: (version: string) => `Bundled dataset ${version} is restored.`,
    failed: (message: string) => `The import failed: ${message}. Nothing was changed.`,
  },
  exportSection: {
    intro: 'Files for other tools. They are made here, in your browser.',
    dataset: 'Dataset (JSON)',
    claimReview: 'ClaimReview (JSON-LD)',
    datasetLd: 'schema.org Dataset (JSON-LD)',
    csv: 'Figures (CSV)',
    settings: 'Your settings and dismissals (JSON)',
    settingsImport: 'Load settings and dismissals',
    settingsLoaded: 'Settings and dismissals loaded.',
    settingsInvalid: 'This is not a valid settings file. Nothing was changed:',
    saved: (name: string) => `${name} is saved.`,
  },
  dismissed: {
    intro: 'Annotations you dismissed on a page. Restore one to see it again.',
    empty: 'You have dismissed nothing.',
    restore: 'Restore',
    restoreLabel: (key: string, url: string) => `Restore ${key} on ${url}`,
    at: (date: string) => `dismissed ${date}`,
  },
  privacy: {
    paragraphs: [
      'The extension reads the text of the web pages you open (http and https pages) to find passages about the deportation of Ukrainian children. It reads them in your browser and keeps nothing of them.',
      'Nothing leaves your browser: the extension makes no network requests, has no account, no analytics and no tracking. The dataset ships with the extension; an updated one is only loaded when you choose a file here.',
      'It stores your settings (synced between your browsers if you use browser sync), the annotations you dismissed and the dataset, all in the extension’s own storage.',
      'The cards set official claims beside documented, sourced and dated records. They give no verdict; every figure names its sources.',
    ],
    source: 'Source code and dataset',
  },
};

export type Strings = typeof en;

const uk: Strings = {
  title: 'Context Cards: налаштування',
  nav: 'Розділи',
  sections: {
    general: 'Загальні',
    sites: 'Сайти',
    appearance: 'Вигляд',
    data: 'Дані',
    import: 'Імпорт',
    export: 'Експорт',
    dismissed: 'Приховані позначки',
    privacy: 'Приватність і відомості',
  },
  general: {
    enabled: 'Позначати фрагменти на вебсторінках',
    enabledHint: 'Коли вимкнено, розширення не читає жодної сторінки.',
    languages: 'Мови, у яких позначати',
    languagesHint: 'Сторінки іншими мовами залишаються без змін.',
    categories: 'Що позначати',
    category: {
      claim: 'Офіційні заяви',
      figure: 'Задокументовані дані',
      topic: 'Інші речення на цю тему',
    },
    cardDetail: 'Докладність картки',
    detail: {
      compact: 'Стисло: заява й останнє число',
      full: 'Повністю: усі дані, висновки й джерела',
    },
    reset: 'Скинути всі налаштування',
    resetDone: 'Налаштування повернуто до типових.',
  },
  languageNames: {
    en: 'англійська',
    uk: 'українська',
    ru: 'російська',
    de: 'німецька',
    fr: 'французька',
    es: 'іспанська',
    it: 'італійська',
    pl: 'польська',
    ro: 'румунська',
    cs: 'чеська',
    et: 'естонська',
    pt: 'португальська',
    nl: 'нідерландська',
    hu: 'угорська',
    bg: 'болгарська',
  },
  sites: {
    intro:
      'На цих сайтах розширення нічого не робить. «example.com» — лише цей сайт; «*.example.com» — сайт і всі його піддомени.',
    label: 'Сайт, який виключити',
    add: 'Виключити',
    remove: (pattern) => `Прибрати ${pattern}`,
    empty: 'Жоден сайт не виключено.',
    added: (pattern) => `${pattern} виключено.`,
    listLabel: 'Виключені сайти',
  },
  appearance: {
    style: 'Стиль позначки',
    styles: { underline: 'Підкреслення', background: 'Тло', marker: 'Лише знак на полі' },
    theme: 'Тема карток і цих сторінок',
    themes: { system: 'Як у системі', light: 'Світла', dark: 'Темна' },
    preview: 'Попередній перегляд',
    previewBefore: 'У березні 2023 року посадовці заявили, що ',
    previewMark: 'дітей евакуювали заради їхньої ж безпеки',
    previewAfter: ', тоді як Україна поіменно підтвердила депортацію понад 16 000 дітей.',
    cardTitle: 'Офіційна заява',
    cardBody: 'Дітей евакуювали заради їхньої безпеки.',
    cardContrast: 'Україна поіменно підтвердила депортацію 16 221 дитини (березень 2023).',
    cardSource: 'Джерело: Уряд України, портал «Діти війни»',
  },
  data: {
    intro: 'Усі записи, якими користуються картки, з їхніми джерелами.',
    version: (version, origin, date) =>
      `Набір даних ${version} від ${date}, ${origin === 'imported' ? 'імпортований вами' : 'вбудований у розширення'}.`,
    noDataset: 'Набір даних ще не збережено.',
    search: 'Шукати',
    searchLabel: 'Слова',
    actor: 'Хто (особа, орган чи видавець)',
    from: 'Від',
    to: 'До',
    lang: 'Мова',
    anyLang: 'Будь-яка',
    kinds: 'Записи',
    kind: { claim: 'Заяви', figure: 'Числа', finding: 'Висновки', source: 'Джерела' },
    kindOne: { claim: 'Заява', figure: 'Число', finding: 'Висновок', source: 'Джерело' },
    results: (shown, total) =>
      total === 0
        ? 'Нічого не знайдено.'
        : shown < total
          ? `Знайдено записів: ${total}; показано перші ${shown}.`
          : `Знайдено записів: ${total}.`,
    back: 'Назад до результатів',
    contrasts: 'Що кажуть записи',
    sources: 'Джерела',
    missing: 'Цього запису немає в збереженому наборі даних.',
    series: 'Ряди',
    timeline: (label) => `Хронологія: ${label}`,
    noFigures: 'Чисел немає.',
    sourcesTable: 'Усі джерела',
    publisher: 'Видавець',
    titleCol: 'Назва',
    published: 'Опубліковано',
    kindCol: 'Тип',
    undated: 'без дати',
    sortBy: (col) => `Сортувати за: ${col}`,
    resultsLabel: 'Результати',
    newer: (value, date) => `Новіше число: ${value} (${date}).`,
    latest: (label, value, date) => `${label}: останнє ${value} (${date})`,
    qualifier: {
      exact: '',
      about: 'близько',
      'at-least': 'щонайменше',
      'more-than': 'понад',
      'up-to': 'до',
      'fewer-than': 'менше ніж',
    },
    loading: 'Завантаження…',
    error: (message) => `Не вдалося прочитати дані: ${message}`,
  },
  import: {
    intro:
      'Завантажте оновлений файл набору даних (JSON, до 5 МБ). Його перевіряють за тими самими правилами, що й вбудовані дані; нічого не зміниться, доки ви не підтвердите.',
    file: 'Файл набору даних',
    checking: 'Перевірка файлу…',
    tooLarge: (mb) => `Файл має ${mb} МБ; межа — 5 МБ. Нічого не змінено.`,
    invalid: (n) => `Файл не можна імпортувати: проблем — ${n}. Нічого не змінено.`,
    more: (n) => `…і ще ${n}.`,
    summary: (version, previous) =>
      previous
        ? `Імпорт набору ${version} замінить ${previous}:`
        : `Імпорт набору ${version} збереже:`,
    collection: 'Колекція',
    added: 'Додано',
    removed: 'Вилучено',
    changed: 'Змінено',
    unchanged: 'Без змін',
    warnings: (n) => `Що варто виправити згодом (імпорт можливий): ${n}`,
    confirm: 'Імпортувати',
    cancel: 'Скасувати',
    cancelled: 'Імпорт скасовано. Нічого не змінено.',
    applying: 'Імпорт…',
    done: (version) =>
      `Набір даних ${version} імпортовано. Відкриті сторінки використають його під час наступного сканування.`,
    stale: 'Збережені дані змінилися після перевірки. Виберіть файл ще раз.',
    restore: 'Відновити вбудовані дані',
    restoreAsk: 'Замінити збережений набір даних на вбудований у розширення?',
    restoreYes: 'Відновити',
    restored: (version) => `Вбудований набір даних ${version} відновлено.`,
    failed: (message) => `Імпорт не вдався: ${message}. Нічого не змінено.`,
  },
  exportSection: {
    intro: 'Файли для інших інструментів. Їх створено тут, у вашому браузері.',
    dataset: 'Набір даних (JSON)',
    claimReview: 'ClaimReview (JSON-LD)',
    datasetLd: 'schema.org Dataset (JSON-LD)',
    csv: 'Числа (CSV)',
    settings: 'Ваші налаштування й приховані позначки (JSON)',
    settingsImport: 'Завантажити налаштування й приховані позначки',
    settingsLoaded: 'Налаштування й приховані позначки завантажено.',
    settingsInvalid: 'Це не чинний файл налаштувань. Нічого не змінено:',
    saved: (name) => `${name} збережено.`,
  },
  dismissed: {
    intro: 'Позначки, які ви приховали на сторінках. Відновіть, щоб побачити знову.',
    empty: 'Ви нічого не приховали.',
    restore: 'Відновити',
    restoreLabel: (key, url) => `Відновити ${key} на ${url}`,
    at: (date) => `приховано ${date}`,
  },
  privacy: {
    paragraphs: [
      'Розширення читає текст вебсторінок, які ви відкриваєте (сторінки http і https), щоб знайти фрагменти про депортацію українських дітей. Воно читає їх у вашому браузері й нічого з них не зберігає.',
      'Ніщо не залишає вашого браузера: розширення не робить мережевих запитів, не має облікового запису, аналітики чи стеження. Набір даних постачається разом із розширенням; оновлений завантажується лише тоді, коли ви самі виберете файл тут.',
      'Воно зберігає ваші налаштування (синхронізуються між вашими браузерами, якщо ви користуєтеся синхронізацією), приховані позначки й набір даних — усе у власному сховищі розширення.',
      'Картки ставлять офіційні заяви поруч із задокументованими, датованими записами з джерелами. Вони не виносять вердиктів; кожне число називає свої джерела.',
    ],
    source: 'Вихідний код і набір даних',
  },
};

export const STRINGS: Record<Locale, Strings> = { en, uk };

export const locale: Locale = browserLocale();
/** The strings of the page, in the browser's language. */
export const t: Strings = STRINGS[locale];
