import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { AckResponse, readStage2Message } from '@/lib/messages/page-answers';
import { PREFILTER_KEY } from '@/lib/detector-store/load-prefilter';
import { judgeInBackground, verdictsOfCheck } from '@/lib/messages/judge-client';
import { sendPageRequest } from '@/lib/messages/page-client';
import { takeArticle } from '@/lib/page/handoff';
import { createRescanScheduler } from '@/lib/page/rescan';
import { scanDocument } from '@/lib/page/scan-document';
import { createSlicer, type ScanMemo } from '@/lib/page/slices';
import { createTextWatch } from '@/lib/page/watch';
import { watchLocation } from '@/lib/page/location-watch';
import { topPage } from '@/lib/page/frames';
import { anchorItems } from '@/lib/page/page-items';
import { watchStorageKey } from '@/lib/page/raw-storage';
import { isSiteActive } from '@/lib/settings/hosts';
import {
  dismissedKeys,
  pageSettings,
  watchDismissedKeys,
  watchPageSettings,
} from '@/lib/settings/page-store';
// Not the `@/lib/settings` index: its settings file (`transfer.ts`) is classic Zod.
import type { Settings } from '@/lib/settings/schema';
import { createAnnotationUi, type AnnotationUi } from './ui';

/**
 * Stage 2's work on a page: scan in idle-time slices (the background's engine judges the
 * blocks), report the annotation count for the toolbar badge, and scan again when the
 * page's text changes (re-using the verdicts of unchanged blocks), the URL changes
 * (single-page apps) or a new dataset is published.
 */
export async function startPageScan(ctx: ContentScriptContext): Promise<void> {
  let memo: ScanMemo | null = null;
  // The reader's settings and this page's dismissals ("Not relevant"), kept in extension
  // storage; changes made anywhere (the options page, the popup, another tab) apply live.
  const [storedSettings, storedDismissed] = await Promise.all([
    pageSettings(),
    dismissedKeys(location.href),
  ]);
  let settings: Settings = storedSettings;
  let dismissed = new Set(storedDismissed);
  let ui: Promise<AnnotationUi> | null = null;
  const annotationUi = () =>
    (ui ??= createAnnotationUi(ctx, {
      onDismiss: (key) => {
        dismissed.add(key);
        scheduler.request();
        // Kept by the background; a dismissal it could not keep holds for this visit.
        sendPageRequest({ type: 'dismiss-annotation', key, url: location.href }, AckResponse).catch(
          () => undefined,
        );
      },
    }).then((created) => {
      created.setStyle(settings.highlightStyle);
      return created;
    }));
  let lastReport: { url: string; page: string; count: number } | null = null;
  // The page's text, and the open shadow roots the scans read, are watched for changes.
  const watch = createTextWatch(() => scheduler.request());
  watch.observe(document.body ?? document.documentElement);
  ctx.onInvalidated(() => watch.stop());
  const scanAndReport = async () => {
    if (!ctx.isValid) return;
    const scan = await scanDocument(document, {
      judge: judgeInBackground,
      // The first scan paints what stage 1's check was told, if it is this walk's.
      checked: (walked, title) => verdictsOfCheck(walked.judgement, title),
      // Stage 1's walk of the article, once (the first scan), if the page stayed as it was.
      article: () => takeArticle(globalThis),
      slicer: createSlicer({ signal: ctx.signal }),
      previous: memo,
    });
    memo = scan.memo;
    const active = isSiteActive(settings, location.hostname);
    const items = active
      ? anchorItems(scan.blocks, scan.results, dismissed).filter(
          (item) =>
            settings.categories.includes(item.category) &&
            (item.languages.length === 0 ||
              item.languages.some((lang) => (settings.languages as string[]).includes(lang))),
        )
      : [];
    // Changes inside the page's open shadow roots are not seen from the document.
    for (const root of scan.shadowRoots) watch.observe(root);
    if (items.length > 0 || ui) (await annotationUi()).update(items);
    // The badge counts what is painted: annotations that anchored and were not dismissed,
    // this frame's; the background adds up the frames of the tab's page.
    const report = { ...topPage(window), count: items.length };
    if (
      lastReport?.url === report.url &&
      lastReport.page === report.page &&
      lastReport.count === report.count
    )
      return;
    lastReport = report;
    await sendPageRequest(
      { type: 'report-annotations', ...report, timing: scan.timing },
      AckResponse,
    );
  };

  const scheduler = createRescanScheduler({
    run: () => scanAndReport().catch(ignoreInvalidatedContext),
  });
  ctx.onInvalidated(() => scheduler.cancel());

  watchLocation(
    window,
    () => {
      memo = null;
      scheduler.request();
    },
    { signal: ctx.signal },
  );
  // A page restored from the back/forward cache keeps this script but not its tab's badge
  // (the browser's event only: a page can dispatch a "pageshow" of its own).
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (!event.isTrusted || !event.persisted) return;
    lastReport = null;
    scheduler.request();
  });
  // This document goes away (its frame removed, or navigated; the tab closed or gone to
  // another page): its annotations no longer count in the tab's badge.
  ctx.addEventListener(window, 'pagehide', () => {
    const last = lastReport;
    if (!last) return;
    lastReport = null;
    sendPageRequest(
      { type: 'report-annotations', url: last.url, page: last.page, count: 0, leaving: true },
      AckResponse,
    ).catch(ignoreInvalidatedContext);
  });
  // A new dataset (update or import) publishes a new detector: scan everything again.
  const unwatch = watchStorageKey('local', PREFILTER_KEY, () => {
    memo = null;
    lastReport = null;
    // Cards already loaded came from the earlier dataset.
    void ui?.then((u) => u.forgetRecords());
    scheduler.request();
  });
  ctx.onInvalidated(unwatch);

  const unwatchSettings = watchPageSettings((next) => {
    settings = next;
    void ui?.then((u) => u.setStyle(next.highlightStyle));
    scheduler.request();
  });
  ctx.onInvalidated(unwatchSettings);
  const unwatchDismissed = watchDismissedKeys(location.href, (keys) => {
    dismissed = new Set(keys);
    scheduler.request();
  });
  ctx.onInvalidated(unwatchDismissed);

  // The reader's keyboard commands, relayed by the background, and the popup's requests
  // (validated; this extension's own only).
  const onMessage = (
    message: unknown,
    sender: { id?: string },
    sendResponse: (answer: unknown) => void,
  ): true | undefined => {
    const read = readStage2Message(browser.runtime.id, message, sender);
    if (!read) return undefined;
    if (read.kind === 'command') {
      const step = read.command.command === 'next-annotation' ? 1 : -1;
      void ui?.then((u) => u.focusAnnotation(step));
      return undefined;
    }
    const { request } = read;
    void (async () => {
      const created = ui ? await ui : null;
      if (request.type === 'popup-list') sendResponse({ ok: true, items: created?.list() ?? [] });
      else sendResponse({ ok: created?.openByKey(request.key) ?? false });
    })();
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  await scanAndReport().catch(ignoreInvalidatedContext);
}

function ignoreInvalidatedContext(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('Extension context invalidated')) return;
  console.debug('[context-cards] scan failed:', message);
}
