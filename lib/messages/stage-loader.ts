import type { SenderInfo } from './router';

/** Where stage 2 (or 3) goes: one frame of one tab. */
export interface InjectTarget {
  tabId: number;
  frameIds: number[];
}

/**
 * Handles stage 1's `load-stage-2` (and stage 2's `load-stage-3`): injects the stage
 * into the frame the request came from, in the content script's isolated world, so
 * nothing is exposed to the page (no web-accessible resource). A request from outside a
 * tab is refused.
 */
export function createLoadStageHandler<K extends 'load-stage-2' | 'load-stage-3'>(
  stage: K,
  inject: (target: InjectTarget) => Promise<unknown>,
): (request: { type: K }, sender: SenderInfo) => Promise<{ ok: true }> {
  return async (_request, sender) => {
    if (sender.tabId === undefined) throw new Error(`${stage} is refused outside a tab`);
    // Twice from one frame (a page that lost and regained the topic) is harmless: each
    // stage runs once per document.
    await inject({ tabId: sender.tabId, frameIds: [sender.frameId ?? 0] });
    return { ok: true };
  };
}
