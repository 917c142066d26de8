import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readTabReport, type TabReport } from '@/lib/badge/tab-report';

export type TabReportState =
  { kind: 'loading' } | { kind: 'scanned'; report: TabReport } | { kind: 'not-scanned' };

/** The content script's last report for the tab the popup was opened on. */
export function useActiveTabReport(): TabReportState {
  const [state, setState] = useState<TabReportState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const report = tab?.id === undefined ? null : await readTabReport(tab.id);
      if (live) setState(report ? { kind: 'scanned', report } : { kind: 'not-scanned' });
    })().catch(() => live && setState({ kind: 'not-scanned' }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
