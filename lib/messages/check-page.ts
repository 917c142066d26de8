import { detectBlocks, type CompiledDetector } from '@/lib/detect';
import { verdictOf } from './detect-blocks';
import type { BlockVerdict } from './verdict';
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
 * into the sender's frame only when a block is relevant, and the answer carries the
 * verdicts, which stage 2 paints from (see `Judgement` in `lib/page/handoff.ts`). Without
 * a detector to judge with (or when judging fails), stage 2 loads and asks on its own.
 */
export function createCheckPageHandler(
  deps: CheckPageDeps,
): (
  request: { title: string; blocks: readonly string[] },
  sender: SenderInfo,
) => Promise<{ ok: true; loaded: boolean; verdicts?: (BlockVerdict | null)[] }> {
  return async ({ title, blocks }, sender) => {
    if (sender.tabId === undefined) throw new Error('check-page is refused outside a tab');
    let relevant = true;
    let verdicts: (BlockVerdict | null)[] | undefined;
    try {
      const detector = await deps.detector();
      if (detector) {
        const results = detectBlocks(
          detector,
          blocks.map((text) => ({ text })),
          { title },
        );
        relevant = results.some((result) => result.relevant);
        verdicts = results.map(verdictOf);
      }
    } catch {
      // Judged as before: by stage 2, which asks with its own blocks.
    }
    if (!relevant) return { ok: true, loaded: false };
    await deps.inject({ tabId: sender.tabId, frameIds: [sender.frameId ?? 0] });
    return verdicts ? { ok: true, loaded: true, verdicts } : { ok: true, loaded: true };
  };
}
