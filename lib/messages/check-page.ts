import { detectBlocks, type CompiledDetector } from '@/lib/detect';
import type { SenderInfo } from './router';
import type { InjectTarget } from './stage-loader';

export interface CheckPageDeps {
  /** The published detector, or null when there is none (yet). */
  detector: () => Promise<CompiledDetector | null>;
  /** Injects stage 2 into one frame (see `createLoadStageHandler`). */
  inject: (target: InjectTarget) => Promise<unknown>;
}

/**
 * Handles stage 1's `check-page`: the engine judges the article's blocks the sender sent,
 * here in the background rather than on the page's main thread, and stage 2 is injected
 * into the sender's frame only when a block is relevant. Without a detector to judge with
 * (or when judging fails), stage 2 loads as before and waits for one itself.
 */
export function createCheckPageHandler(
  deps: CheckPageDeps,
): (
  request: { title: string; blocks: readonly string[] },
  sender: SenderInfo,
) => Promise<{ ok: true; loaded: boolean }> {
  return async ({ title, blocks }, sender) => {
    if (sender.tabId === undefined) throw new Error('check-page is refused outside a tab');
    let relevant = true;
    try {
      const detector = await deps.detector();
      if (detector)
        relevant = detectBlocks(
          detector,
          blocks.map((text) => ({ text })),
          { title },
        ).some((result) => result.relevant);
    } catch {
      // Judged as before: by stage 2 on the page.
    }
    if (relevant) await deps.inject({ tabId: sender.tabId, frameIds: [sender.frameId ?? 0] });
    return { ok: true, loaded: relevant };
  };
}
