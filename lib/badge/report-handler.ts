import type { Handlers } from '@/lib/messages/router';
import { badgeText } from './index';
import { saveTabReport } from './tab-report';

/**
 * Handles a content script's `report-annotations`: the tab's badge shows the count and
 * the report is kept for the popup. Reports from outside a tab are acknowledged and
 * ignored.
 */
export function createReportHandler(
  setBadgeText: (details: { tabId: number; text: string }) => Promise<void>,
  now: () => number = Date.now,
): Handlers['report-annotations'] {
  return async ({ count, url, timing }, sender) => {
    if (sender.tabId === undefined) return { ok: true };
    await setBadgeText({ tabId: sender.tabId, text: badgeText(count) });
    await saveTabReport(sender.tabId, { url, count, at: now(), timing });
    return { ok: true };
  };
}
