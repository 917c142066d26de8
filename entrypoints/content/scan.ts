import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runPrefilter } from '@/lib/detect';
import { prefilterItem } from '@/lib/detector-store/items';
import {
  loadPublishedDetector,
  loadPublishedPrefilter,
  type LoadedPrefilter,
} from '@/lib/detector-store/load';
import { sendPageRequest } from '@/lib/messages/page-client';
import { createRescanScheduler } from '@/lib/page/rescan';
import { scanDocument } from '@/lib/page/scan-document';
import { watchTextChanges } from '@/lib/page/watch';

/**
 * The content script's work on a page: scan once, report the annotation count for the
 * toolbar badge, and scan again when the page's text changes, the URL changes
 * (single-page apps) or a new dataset is published. Off-topic pages cost one small
 * storage read and one pre-filter pass; the detector is loaded only when needed.
 */
export async function startPageScan(ctx: ContentScriptContext): Promise<void> {
  let prefilter: Promise<LoadedPrefilter | null> | null = null;
  const loadPrefilter = () =>
    (prefilter ??= loadPublishedPrefilter(() => sendPageRequest({ type: 'ensure-detector' })));
  const detectors = new Map<string, ReturnType<typeof loadPublishedDetector>>();
  const loadDetector = (datasetKey: string) => {
    let detector = detectors.get(datasetKey);
    if (!detector) {
      detector = loadPublishedDetector(datasetKey);
      detectors.set(datasetKey, detector);
    }
    return detector;
  };

  let lastReport: { url: string; count: number } | null = null;
  const scanAndReport = async () => {
    if (!ctx.isValid) return;
    const loaded = await loadPrefilter();
    if (!loaded) return;
    const scan = await scanDocument(document, {
      prefilter: (text) => runPrefilter(loaded.prefilter, text),
      detector: () => loadDetector(loaded.datasetKey),
    });
    const report = { url: location.href, count: scan.annotationCount };
    if (lastReport?.url === report.url && lastReport.count === report.count) return;
    lastReport = report;
    await sendPageRequest({ type: 'report-annotations', ...report, timing: scan.timing });
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
  // A page restored from the back/forward cache keeps this script but not its tab's badge.
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (!event.persisted) return;
    lastReport = null;
    scheduler.request();
  });
  // A new dataset (update or import) publishes a new pre-filter: scan again with it.
  const unwatch = prefilterItem.watch(() => {
    prefilter = null;
    detectors.clear();
    lastReport = null;
    scheduler.request();
  });
  ctx.onInvalidated(unwatch);

  await scanAndReport().catch(ignoreInvalidatedContext);
}

function ignoreInvalidatedContext(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('Extension context invalidated')) return;
  console.debug('[context-cards] scan failed:', message);
}
