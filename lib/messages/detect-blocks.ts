import { detectBlocks, type BlockResult, type CompiledDetector } from '@/lib/detect';
import type { SenderInfo } from './router';
import type { BlockVerdict, BlockWindow } from './verdict';

/** What a page paints of one block's result: null when there is nothing to paint. */
export function verdictOf(result: BlockResult): BlockVerdict | null {
  if (!result.relevant || result.annotations.length === 0 || !result.explanation.rule) return null;
  return {
    rule: result.explanation.rule,
    terms: result.explanation.terms.map(({ text, lang }) => ({
      text,
      lang: lang as BlockVerdict['terms'][number]['lang'],
    })),
    annotations: result.annotations,
  };
}

/**
 * The engine on windows of a page's blocks: each window's blocks are judged together (a
 * block's result depends on its neighbours) and only its core is kept, as verdicts.
 */
export function judgeWindows(
  detector: CompiledDetector,
  windows: readonly BlockWindow[],
  title: string,
): (BlockVerdict | null)[][] {
  return windows.map((window) =>
    detectBlocks(
      detector,
      window.blocks.map((text) => ({ text })),
      { title },
    )
      .slice(window.from, window.to)
      .map(verdictOf),
  );
}

/**
 * Handles stage 2's `detect-blocks`: the engine judges windows of a page's blocks here in
 * the background, with the detector it keeps hydrated (`lib/detector-store/cache.ts`), so
 * the page's main thread never hydrates or runs it. Answers null when no detector is
 * published yet; stage 2 scans again when one is.
 */
export function createDetectBlocksHandler(deps: {
  detector: () => Promise<CompiledDetector | null>;
}): (
  request: { title: string; windows: readonly BlockWindow[] },
  sender: SenderInfo,
) => Promise<{ ok: true; verdicts: (BlockVerdict | null)[][] | null }> {
  return async ({ title, windows }, sender) => {
    if (sender.tabId === undefined) throw new Error('detect-blocks is refused outside a tab');
    const detector = await deps.detector();
    return { ok: true, verdicts: detector ? judgeWindows(detector, windows, title) : null };
  };
}
