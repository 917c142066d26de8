import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { prefilter } from '@/lib/detect';
import { detectorItem } from '@/lib/detector-store/items';
import { loadPublishedDetector, type LoadedDetector } from '@/lib/detector-store/load';
import { sendPageRequest } from '@/lib/messages/page-client';
import { createRescanScheduler } from '@/lib/page/rescan';
import { scanDocument } from '@/lib/page/scan-document';
import { watchTextChanges } from '@/lib/page/watch';

/**
 * The content script's work on a page: scan once when idle, report the annotation count
 * for the toolbar badge, and scan again when the page's text changes, the URL changes
 * (single-page apps) or a new dataset is published.
 */
export async function startPageScan(ctx: ContentScriptContext): Promise<void> {
  let loading: Promise<LoadedDetector | null> | null = null;
  const detector = () =>
    (loading ??= loadPublishedDetector(() => sendPageRequest({ type: 'ensure-detector' })));

  let lastReport: { url: string; count: number } | null = null;
  const scanAndReport = async () => {
    if (!ctx.isValid) return;
    const loaded = await detector();
    if (!loaded) return;
    const scan = await scanDocument(document, {
      prefilter: (text) => prefilter(loaded.detector, text),
      detector: async () => loaded.detector,
    });
    const report = { url: location.href, count: scan.annotationCount };
    if (lastReport?.url === report.url && lastReport.count === report.count) return;
    lastReport = report;
    await sendPageRequest({ type: 'report-annotations', ...report });
  };

  const scheduler = createRescanScheduler({
    run: () => scanAndReport().catch(ignoreInvalidatedContext),
  });
  ctx.onInvalidated(() => scheduler.cancel());

  const stopWatching = watchTextChanges(document.body ?? document.documentElement, () =>
    scheduler.request(),
  );
  ctx.onInvalidated(stopWatching);
  ctx.addEventListener(window, 'wxt:locationchange', () => scheduler.request());
  const unwatchDetector = detectorItem.watch(() => {
    loading = null;
    lastReport = null;
    scheduler.request();
  });
  ctx.onInvalidated(unwatchDetector);

  await scanAndReport().catch(ignoreInvalidatedContext);
}

function ignoreInvalidatedContext(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('Extension context invalidated')) return;
  console.debug('[context-cards] scan failed:', message);
}
