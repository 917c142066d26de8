import type { Handlers } from '@/lib/messages/router';
import { badgeText } from './index';
import { applyFrameReport, readTabReport, saveTabReport } from './tab-report';

/**
 * Handles a content script's `report-annotations`: each frame of a tab reports what it
 * painted, the tab's badge shows the sum, and the report is kept for the popup. Reports
 * for one tab are applied one after the other (two frames reporting at once must not
 * overwrite each other's count). Reports from outside a tab are acknowledged and ignored.
 */
export function createReportHandler(
  setBadgeText: (details: { tabId: number; text: string }) => Promise<void>,
  now: () => number = Date.now,
): Handlers['report-annotations'] {
  const queues = new Map<number, Promise<unknown>>();
  return async ({ count, url, timing, page, leaving }, sender) => {
    const tabId = sender.tabId;
    if (tabId === undefined) return { ok: true };
    const apply = async () => {
      const next = applyFrameReport(
        await readTabReport(tabId),
        { frameId: sender.frameId ?? 0, url, count, page, leaving, timing },
        now(),
      );
      if (!next) return;
      await setBadgeText({ tabId, text: badgeText(next.count) });
      await saveTabReport(tabId, next);
    };
    const run = (queues.get(tabId) ?? Promise.resolve()).then(apply, apply);
    const settled = run.catch(() => undefined);
    queues.set(tabId, settled);
    void settled.then(() => {
      if (queues.get(tabId) === settled) queues.delete(tabId);
    });
    await run;
    return { ok: true };
  };
}
