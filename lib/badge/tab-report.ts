import { storage } from 'wxt/utils/storage';

/** What the content script last reported for a tab: the popup and the tests read it. */
export interface TabReport {
  url: string;
  count: number;
  /** Epoch milliseconds. */
  at: number;
  /** Main-thread cost of the scan on the page, when the content script measured it. */
  timing?: { prefilterMs: number; detectMs: number } | undefined;
}

// Session storage: cleared when the browser closes, never synced, never on disk.
const keyOf = (tabId: number) => `session:tab-report:${tabId}` as const;

export function saveTabReport(tabId: number, report: TabReport): Promise<void> {
  return storage.setItem<TabReport>(keyOf(tabId), report);
}

export function readTabReport(tabId: number): Promise<TabReport | null> {
  return storage.getItem<TabReport>(keyOf(tabId));
}

export function clearTabReport(tabId: number): Promise<void> {
  return storage.removeItem(keyOf(tabId));
}

/** Calls `callback` with the tab's report whenever the content script sends a new one. */
export function watchTabReport(
  tabId: number,
  callback: (report: TabReport | null) => void,
): () => void {
  return storage.watch<TabReport>(keyOf(tabId), (report) => callback(report));
}
