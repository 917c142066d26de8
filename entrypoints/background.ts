import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeText } from '@/lib/badge';
import { FactDb, createDataHandlers, createDataService } from '@/lib/db';
import type { Dataset } from '@/lib/dataset';
import { createRouter } from '@/lib/messages';

/** Placeholder until lib/dataset/bundled.ts lands; seeding reports this error meanwhile. */
function loadDataset(): Dataset {
  throw new Error('no bundled dataset in this build');
}

export default defineBackground(() => {
  const data = createDataService(new FactDb(), loadDataset, {
    log: (message, detail) => console.info(`[factcheck] ${message}`, detail ?? ''),
  });

  // Install and update write the bundled dataset; any first query also waits for it
  // (the promise is shared), so a restarted service worker repairs a damaged database.
  browser.runtime.onInstalled.addListener(() => {
    void data.ensureSeeded();
  });

  const route = createRouter(browser.runtime.id, {
    ping: () => ({ ok: true, pong: true }),
    ...createDataHandlers(data, () => browser.runtime.getManifest().version),
    'report-annotations': async ({ count }, sender) => {
      if (sender.tabId !== undefined) {
        await browser.action.setBadgeText({ tabId: sender.tabId, text: badgeText(count) });
      }
      return { ok: true };
    },
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, { id: sender.id, tabId: sender.tab?.id }).then(sendResponse);
    return true; // answer asynchronously
  });
});
