import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface ActiveTab {
  id: number | null;
  /** Only for pages the extension may read (http and https); null elsewhere. */
  url: string | null;
}

/** The tab the popup was opened on. */
export function useActiveTab(): ActiveTab | null {
  const [tab, setTab] = useState<ActiveTab | null>(null);
  useEffect(() => {
    let live = true;
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([active]) => {
        const url = active?.url && /^https?:\/\//.test(active.url) ? active.url : null;
        if (live) setTab({ id: active?.id ?? null, url });
      })
      .catch(() => live && setTab({ id: null, url: null }));
    return () => {
      live = false;
    };
  }, []);
  return tab;
}
