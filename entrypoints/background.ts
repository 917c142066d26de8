import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeText } from '@/lib/badge';
import { FactDb, createDataHandlers, createDataService } from '@/lib/db';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { createRouter } from '@/lib/messages';

export default defineBackground(() => {
  const data = createDataService(new FactDb(), () => loadBundledDataset(), {
    log: (message, detail) => console.info(`[factcheck] ${message}`, detail ?? ''),
  });

  // Install and update write the bundled dataset; browser start and any first query check
  // it (one shared promise, so queries wait), which also repairs a damaged database.
  const seed = () => void data.ensureSeeded();
  browser.runtime.onInstalled.addListener(seed);
  browser.runtime.onStartup.addListener(seed);

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
