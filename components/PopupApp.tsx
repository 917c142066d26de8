import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  getSettings,
  isSiteActive,
  setSiteEnabled,
  watchSettings,
  type Settings,
} from '@/lib/settings';
import { PageSummary } from './PageSummary';
import { StatusLine } from './StatusLine';
import { useActiveTab } from './useActiveTab';
import { useActiveTabReport } from './useActiveTabReport';
import { useBackgroundStatus } from './useBackgroundStatus';
import { openAnnotation, usePageAnnotations } from './usePageAnnotations';

const CATEGORY: Record<'claim' | 'figure' | 'topic', string> = {
  claim: 'Official claim',
  figure: 'Figure',
  topic: 'Topic',
};

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
 * opens its card), the "On this site" switch, and links to the options and the data.
 */
export function PopupApp() {
  const status = useBackgroundStatus();
  const page = useActiveTabReport();
  const tab = useActiveTab();
  const annotations = usePageAnnotations(tab ? tab.id : null);
  const settings = useSettings();
  const hostname = tab?.url ? new URL(tab.url).hostname : null;
  const siteOn = settings && hostname ? isSiteActive(settings, hostname) : null;

  const openOptions = (hash = '') => {
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
    window.close();
  };

  return (
    <main class="popup">
      <h1>Context Cards</h1>
      {tab && !tab.url ? (
        <p class="page-summary" data-state="unavailable">
          Extensions cannot read this page (browser pages and extension stores are closed to them),
          so nothing is marked here.
        </p>
      ) : (
        <PageSummary state={page} readable={!!tab?.url} />
      )}
      {annotations.kind === 'listed' && annotations.items.length > 0 ? (
        <ul class="popup-list" aria-label="Passages on this page">
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
                <span class="popup-category">{CATEGORY[item.category]}</span>
                <span class="popup-quote">“{item.quote}”</span>
                <span class="popup-title">{item.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {hostname && siteOn !== null ? (
        <label class="popup-switch">
          <input
            type="checkbox"
            role="switch"
            checked={siteOn}
            onChange={(event) =>
              void setSiteEnabled(hostname, (event.currentTarget as HTMLInputElement).checked)
            }
          />{' '}
          On this site ({hostname})
        </label>
      ) : null}
      <nav class="popup-links" aria-label="Extension pages">
        <button type="button" class="link-button" onClick={() => openOptions()}>
          Options
        </button>
        <button type="button" class="link-button" onClick={() => openOptions('#data')}>
          Data explorer
        </button>
      </nav>
      <StatusLine state={status} />
    </main>
  );
}
