import { storage } from 'wxt/utils/storage';

/** What the content scripts last reported for a tab: the popup and the tests read it. */
export interface TabReport {
  /** The tab's page (its top frame's URL). */
  url: string;
  /** Annotations painted in the tab: the sum of `frames` (the badge's number). */
  count: number;
  /** Epoch milliseconds. */
  at: number;
  /** Main-thread cost of the scan on the page, when the content script measured it. */
  timing?: { prefilterMs: number; detectMs: number } | undefined;
  /** Which document of the tab the counts are for (see `report-annotations`). */
  page?: string | null | undefined;
  /** Each reporting frame's count, by frame id (0: the top frame). */
  frames?: Record<string, number> | undefined;
}

/** One frame's report, as the background receives it. */
export interface FrameReport {
  frameId: number;
  url: string;
  count: number;
  page?: string | undefined;
  leaving?: true | undefined;
  timing?: TabReport['timing'];
}

/**
 * The tab's report after one frame's: counts are kept per frame and summed; a report for
 * another page of the tab (a new top document) starts again from that frame alone; a
 * leaving frame's count is dropped (all of them when the top frame leaves). A frame that
 * leaves a page the tab no longer shows changes nothing: null.
 */
export function applyFrameReport(
  previous: TabReport | null,
  report: FrameReport,
  at: number,
): TabReport | null {
  const page = report.page ?? null;
  const samePage = previous !== null && (previous.page ?? null) === page;
  const before: Record<string, number> = samePage
    ? { ...(previous.frames ?? { 0: previous.count }) }
    : {};
  const key = String(report.frameId);
  if (report.leaving) {
    if (!samePage) return null;
    const frames = report.frameId === 0 ? {} : before;
    delete frames[key];
    return { ...previous, frames, count: sum(frames), at };
  }
  const frames = { ...before, [key]: report.count };
  // The top frame's cost is the page's; a frame's stands in until the top frame reports.
  const timing =
    report.frameId === 0 || !samePage || previous.frames?.['0'] === undefined
      ? report.timing
      : previous.timing;
  return { url: report.url, count: sum(frames), at, timing, page, frames };
}

function sum(frames: Record<string, number>): number {
  let total = 0;
  for (const count of Object.values(frames)) total += count;
  return total;
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

/** The frames of a report that have annotations, the top frame first (for the popup). */
export function framesWithAnnotations(report: TabReport | null): number[] {
  if (!report?.frames) return report && report.count > 0 ? [0] : [];
  return Object.entries(report.frames)
    .filter(([, count]) => count > 0)
    .map(([id]) => Number(id))
    .sort((a, b) => a - b);
}

/**
 * The frame a keyboard command goes to: the top frame, unless it has no annotations and
 * a frame has (the commands move among one frame's markers).
 */
export function commandFrame(report: TabReport | null): number {
  return framesWithAnnotations(report)[0] ?? 0;
}
