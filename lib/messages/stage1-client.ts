import { browser } from 'wxt/browser';
import type { EnsureDetectorRequest, LoadStage2Request } from './page-protocol';
import type * as z from 'zod/mini';

type Stage1Request = z.infer<typeof EnsureDetectorRequest> | z.infer<typeof LoadStage2Request>;

/**
 * Stage 1's two requests, sent without bundling a schema library into the script that
 * runs on every page. The background validates every request with the page protocol's
 * Zod schemas; stage 1 reads nothing from the answer (it only waits for it), so no
 * unvalidated data enters the content script.
 */
export async function sendStage1Request(request: Stage1Request): Promise<void> {
  await browser.runtime.sendMessage(request);
}
