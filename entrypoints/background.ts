import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeText } from '@/lib/badge';
import { createRouter } from '@/lib/messages';

export default defineBackground(() => {
  const route = createRouter(browser.runtime.id, {
    ping: () => ({ ok: true, pong: true }),
    status: () => ({
      ok: true,
      version: browser.runtime.getManifest().version,
      datasetVersion: null,
      ready: true,
    }),
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
