import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  getSettings,
  isSiteActive,
  setSiteEnabled,
  watchSettings,
  type Settings,
} from '@/lib/settings';
import { browserLocale, type Locale } from './locale';
import { PageSummary, type SiteState } from './PageSummary';
import { POPUP_STRINGS } from './popupStrings';
import { StatusLine } from './StatusLine';
import { useActiveTab } from './useActiveTab';
import { useBackgroundStatus } from './useBackgroundStatus';
import { openAnnotation, usePageAnnotations } from './usePageAnnotations';
import { useTabReport } from './useTabReport';

function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings((next) => setSettings(next));
  }, []);
  return settings;
}

/**
 * The popup: what was found on this page (a list; choosing one scrolls the page to it and
 * opens its card), the "On this site" switch, and links to the options and the data. It
 * follows the page live: a rescan, a dismissal or the switch updates the count and the
 * list. In the language and theme of the options page.
 */
export function PopupApp({ locale = browserLocale() }: { locale?: Locale }) {
  const t = POPUP_STRINGS[locale];
  const status = useBackgroundStatus();
  const tab = useActiveTab();
  const page = useTabReport(tab ? tab.id : undefined);
  // Listed once the tab's report is read, and again whenever the tab reports a change.
  const annotations = usePageAnnotations(
    tab && page.kind !== 'loading' ? tab.id : undefined,
    page.kind === 'scanned' ? page.report : null,
  );
  const settings = useSettings();
  const [removed, setRemoved] = useState<string[]>([]);
  const hostname = tab?.url ? new URL(tab.url).hostname : null;
  const siteOn = settings && hostname ? isSiteActive(settings, hostname) : null;
  const site: SiteState = !settings
    ? 'on'
    : !settings.enabled
      ? 'all-off'
      : siteOn === false
        ? 'site-off'
        : 'on';

  const theme = settings?.theme ?? 'system';
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  const openOptions = (hash = '') => {
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
    window.close();
  };

  return (
    <main class="popup">
      <h1>{t.title}</h1>
      {tab && !tab.url ? (
        <p class="page-summary" data-state="unavailable">
          {t.unavailable}
        </p>
      ) : (
        <PageSummary state={page} readable={!!tab?.url} site={site} locale={locale} />
      )}
      {site === 'on' && annotations.kind === 'listed' && annotations.items.length > 0 ? (
        <ul class="popup-list" aria-label={t.listLabel}>
          {annotations.items.map((item) => (
            <li key={`${item.frameId}:${item.key}`}>
              <button
                type="button"
                class="popup-item"
                onClick={() => {
                  if (tab?.id == null) return;
                  void openAnnotation(tab.id, item.key, item.frameId).then(() => window.close());
                }}
              >
                <span class="popup-category">{t.category[item.category]}</span>
                <span class="popup-quote">{t.quote(item.quote)}</span>
                <span class="popup-title">{item.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {hostname && siteOn !== null && settings?.enabled ? (
        <label class="popup-switch">
          <input
            type="checkbox"
            role="switch"
            checked={siteOn}
            onChange={(event) => {
              const on = (event.currentTarget as HTMLInputElement).checked;
              void setSiteEnabled(hostname, on).then((patterns) =>
                // The exact host is the one the switch adds; others were the reader's own.
                setRemoved(patterns.filter((p) => p !== hostname)),
              );
            }}
          />{' '}
          {t.onThisSite(hostname)}
        </label>
      ) : null}
      {removed.length > 0 ? <p class="popup-note">{t.alsoRemoved(removed.join(', '))}</p> : null}
      <nav class="popup-links" aria-label={t.links}>
        <button type="button" class="link-button" onClick={() => openOptions()}>
          {t.options}
        </button>
        <button type="button" class="link-button" onClick={() => openOptions('#data')}>
          {t.explorer}
        </button>
      </nav>
      <StatusLine state={status} locale={locale} />
    </main>
  );
}
