import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clearTabReport, commandFrame, readTabReport } from '@/lib/badge/tab-report';
import { createReportHandler } from '@/lib/badge/report-handler';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import {
  FactDb,
  createDataHandlers,
  createDataService,
  createOptionsHandlers,
  readDetectorInputs,
} from '@/lib/db';
import { createPublisher } from '@/lib/detector-store/publish';
import { createRouter } from '@/lib/messages';
import { createDetectorCache } from '@/lib/detector-store/cache';
import { createCheckPageHandler } from '@/lib/messages/check-page';
import { createDetectBlocksHandler } from '@/lib/messages/detect-blocks';
import { createLoadStageHandler, type InjectTarget } from '@/lib/messages/stage-loader';
import { PageCommand } from '@/lib/messages/page-answers';
import { runLegacyMigration } from '@/lib/settings/legacy';
import { dismiss } from '@/lib/settings/items';
import { keepSiteGateMirrored } from '@/lib/settings/site-gate';

export default defineBackground(() => {
  const log = (message: string, detail?: unknown) =>
    console.info(`[context-cards] ${message}`, detail ?? '');
  const db = new FactDb();
  // The detector follows the stored dataset: after install, an update, an import, a
  // restore, and a rebuild of a database deleted behind the extension's back.
  const publish = createPublisher(() => readDetectorInputs(db));
  const data = createDataService(db, () => loadBundledDataset(), {
    log,
    onWrite: () =>
      void publish().then(
        (result) => log(`detector ${result} after the dataset was written`),
        (error: unknown) => log('publishing the detector failed', error),
      ),
  });

  // Seeding, then the detector compiled from what is stored. One shared promise per wake,
  // so the install handler, browser start and a content script's request wait together.
  let preparing: Promise<boolean> | null = null;
  const prepare = (): Promise<boolean> =>
    (preparing ??= data
      .ensureSeeded()
      .then(() => publish())
      .then((result) => {
        log(`detector ${result}`);
        return result !== 'no-dataset';
      })
      .catch((error: unknown) => {
        log('preparing the detector failed', error);
        preparing = null;
        return false;
      }));

  browser.runtime.onInstalled.addListener(() => void prepare());
  browser.runtime.onStartup.addListener(() => void prepare());
  // Dismissals and per-site state move from IndexedDB to extension storage (once).
  browser.runtime.onInstalled.addListener(
    () =>
      void runLegacyMigration(db).then(
        (moved) => moved && log('moved user data to extension storage', moved),
        (error: unknown) => log('moving user data failed', error),
      ),
  );
  browser.tabs.onRemoved.addListener((tabId) => void clearTabReport(tabId));
  // Stage 1 reads whether to work on a site from this copy of the settings, beside the
  // pre-filter, in one storage read on every page.
  keepSiteGateMirrored((error) => log('copying the site gate failed', error));

  // The highlight styles go in as stylesheets of the page's own (no element is added to
  // it), then the script. Twice: as the page's own styles, and as the reader's (user
  // origin), which also reach text in the page's shadow trees where the browser scopes
  // `::highlight()` rules per tree (Firefox does; Chromium applies the page's own there).
  const injectStage2 = async (target: InjectTarget) => {
    await browser.scripting.insertCSS({ target, files: ['/highlights.css'] });
    await browser.scripting.insertCSS({ target, files: ['/highlights.css'], origin: 'USER' });
    await browser.scripting.executeScript({ target, files: ['/stage2.js'] });
  };

  // The engine, hydrated once per dataset: it judges pages here, never on their main thread.
  const detector = createDetectorCache();
  const route = createRouter(browser.runtime.id, {
    ping: () => ({ ok: true, pong: true }),
    ...createDataHandlers(data, () => browser.runtime.getManifest().version),
    // The options page: explorer, export, import (the detector follows), restore.
    ...createOptionsHandlers({
      db,
      service: data,
      loadBundled: () => loadBundledDataset(),
      republish: publish,
    }),
    'report-annotations': createReportHandler((details) => browser.action.setBadgeText(details)),
    'ensure-detector': async () => ({ ok: true, ready: await prepare() }),
    // A page too big for a check (see lib/page/page-check.ts) asks for stage 2 directly.
    'load-stage-2': createLoadStageHandler('load-stage-2', injectStage2),
    // Stage 1's blocks passed the pre-filter: stage 2 loads only if the engine, run here
    // rather than on the page, finds a relevant block among them.
    'check-page': createCheckPageHandler({ detector, inject: injectStage2 }),
    // Stage 2's blocks (the changed ones, on a re-scan), judged for painting.
    'detect-blocks': createDetectBlocksHandler({ detector }),
    // "Not relevant" on a page: kept with the other dismissals (stage 2 only reads them).
    'dismiss-annotation': async ({ key, url }) => {
      await dismiss(key, url);
      return { ok: true };
    },
    // The card records and their schemas, when a card is about to open (see stage 2's ui).
    'load-stage-3': createLoadStageHandler('load-stage-3', (target) =>
      browser.scripting.executeScript({ target, files: ['/stage3.js'] }),
    ),
  });

  // Keyboard commands go to the active tab's stage 2 (absent on pages without annotations,
  // where sending fails quietly): the top frame's, or the first frame with annotations
  // when the top frame has none (an off-topic page around a relevant frame).
  browser.commands.onCommand.addListener((command, tab) => {
    const parsed = PageCommand.safeParse({ type: 'page-command', command });
    const tabId = tab?.id;
    if (!parsed.success || tabId === undefined) return;
    void readTabReport(tabId)
      .catch(() => null)
      .then((report) =>
        browser.tabs.sendMessage(tabId, parsed.data, { frameId: commandFrame(report) }),
      )
      .catch(() => undefined);
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, { id: sender.id, tabId: sender.tab?.id, frameId: sender.frameId }).then(
      sendResponse,
    );
    return true; // answer asynchronously
  });
});
