import type { Handlers } from './router';

/** Where stage 2 goes: one frame of one tab. */
export interface InjectTarget {
  tabId: number;
  frameIds: number[];
}

/**
 * Handles stage 1's `load-stage-2`: injects stage 2 into the frame the request came
 * from, in the content script's isolated world, so nothing is exposed to the page (no
 * web-accessible resource). A request from outside a tab is refused.
 */
export function createLoadStage2Handler(
  inject: (target: InjectTarget) => Promise<unknown>,
): Handlers['load-stage-2'] {
  return async (_request, sender) => {
    if (sender.tabId === undefined) throw new Error('stage 2 loads only into a tab');
    // Twice from one frame (a page that lost and regained the topic) is harmless: stage 2
    // runs once per document.
    await inject({ tabId: sender.tabId, frameIds: [sender.frameId ?? 0] });
    return { ok: true };
  };
}
