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
 * Zod schemas; stage 1 reads nothing from the answer (it only waits for it, and hands a
 * check's answer to stage 2 unread, which validates it: see `Judgement` in
 * `lib/page/handoff.ts`), so no unvalidated data is read by the content script. (Whether
 * a check loaded stage 2, stage 1 reads off its own isolated world: `stage2Running`.)
 */
export function sendStage1Request(request: Stage1Request): Promise<unknown> {
  return browser.runtime.sendMessage(request);
}
