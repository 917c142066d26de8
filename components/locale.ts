/**
 * The language of the extension's own pages (options and popup): Ukrainian when the
 * browser prefers it to English, English otherwise. Both pages use this one rule, so they
 * always speak the same language.
 */
export type Locale = 'en' | 'uk';

/** Ukrainian when the browser prefers it (before English), English otherwise. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    if (base === 'uk') return 'uk';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** The locale for this browser's preferred languages (`navigator.languages`). */
export function browserLocale(): Locale {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return pickLocale(nav?.languages ?? (nav?.language ? [nav.language] : []));
}
