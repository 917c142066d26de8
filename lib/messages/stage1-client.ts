import { browser } from 'wxt/browser';
import type { CheckPageRequest, EnsureDetectorRequest, LoadStage2Request } from './page-protocol';
import type * as z from 'zod/mini';

type Stage1Request =
  | z.infer<typeof EnsureDetectorRequest>
  | z.infer<typeof LoadStage2Request>
  | z.infer<typeof CheckPageRequest>;

/**
 * Stage 1's requests, sent without bundling a schema library into the script that
 * runs on every page. The background validates every request with the page protocol's
 * Zod schemas; stage 1 reads nothing from the answer (it only waits for it), so no
 * unvalidated data enters the content script. (Whether a check loaded stage 2, stage 1
 * reads off its own isolated world: `stage2Running`.)
 */
export async function sendStage1Request(request: Stage1Request): Promise<void> {
  await browser.runtime.sendMessage(request);
}
