import { useEffect, useState } from 'preact/hooks';
import { readTabReport, watchTabReport, type TabReport } from '@/lib/badge/tab-report';

export type TabReportState =
  { kind: 'loading' } | { kind: 'scanned'; report: TabReport } | { kind: 'not-scanned' };

/**
 * The content script's last report for tab `tabId` (the tab the popup was opened on),
 * kept up to date: a rescan, a dismissal or the site switch sends a new one.
 */
export function useTabReport(tabId: number | null | undefined): TabReportState {
  const [state, setState] = useState<TabReportState>({ kind: 'loading' });
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setState({ kind: 'not-scanned' });
      return;
    }
    let live = true;
    // A report that arrives while the first read is under way is newer than what it reads.
    let changed = false;
    const show = (report: TabReport | null) =>
      live && setState(report ? { kind: 'scanned', report } : { kind: 'not-scanned' });
    const unwatch = watchTabReport(tabId, (report) => {
      changed = true;
      show(report);
    });
    readTabReport(tabId).then(
      (report) => changed || show(report),
      () => changed || show(null),
    );
    return () => {
      live = false;
      unwatch();
    };
  }, [tabId]);
  return state;
}
