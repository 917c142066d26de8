/**
 * Page work in short slices: block extraction pauses whenever a slice has used its time
 * budget and resumes in the browser's idle time, so that no task of ours holds the main
 * thread for long, even on a 10,000-word article or a 1 MB page. The engine does not run
 * on the page at all: the blocks go, in windows, to a judge (the background's engine, see
 * `lib/messages/judge-client.ts`), and the page paints the verdicts that come back.
 *
 * Windows carry `RADIUS` blocks of context on each side and keep only each window's core:
 * a block's result depends on its neighbours up to two blocks away, and the second pass
 * on the first-pass results of the blocks beside it, so three blocks of margin give the
 * same results as one call on the whole page (a property test holds this). A re-scan
 * reuses the verdicts of every block whose text and neighbourhood are unchanged, and
 * sends only the windows around what changed.
 */
import type { BlockVerdict, BlockWindow } from '@/lib/messages/verdict';
import { MAX_BLOCKS, MAX_CHECK_CHARS } from './limits';
import { createBlockWalker, type BlockWalker, type TextBlock } from './blocks';

/** Blocks on each side of a window whose results a window's core depends on. */
export const RADIUS = 3;
const WINDOW_CORE = 24;
const ELEMENTS_PER_STEP = 400;

export interface Slicer {
  /** True when the current slice has used its budget. */
  due(): boolean;
  /** Ends the slice: resolves in a later task (idle time where the browser has it). */
  pause(): Promise<void>;
  /** Stops all further work: `pause` then never resolves. */
  readonly signal: AbortSignal;
}

export interface SlicerOptions {
  budgetMs?: number;
  now?: () => number;
  /** Runs `callback` in a later task; `requestIdleCallback` with a timeout by default. */
  later?: (callback: () => void) => void;
  signal?: AbortSignal;
}

const defaultLater = (callback: () => void) => {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: object) => number })
    .requestIdleCallback;
  if (typeof idle === 'function') idle(callback, { timeout: 200 });
  else setTimeout(callback, 0);
};

export function createSlicer({
  budgetMs = 8,
  now = () => performance.now(),
  later = defaultLater,
  signal = new AbortController().signal,
}: SlicerOptions = {}): Slicer {
  let sliceStart = now();
  return {
    signal,
    due: () => now() - sliceStart >= budgetMs,
    pause: () =>
      new Promise<void>((resolve) => {
        later(() => {
          if (signal.aborted) return;
          sliceStart = now();
          resolve();
        });
      }),
  };
}

/** The article's blocks under `root`, read in slices. */
export async function extractBlocksSliced(
  root: Element | null,
  slicer: Slicer,
): Promise<TextBlock[]> {
  return (await walkBlocksSliced(root, slicer)).blocks;
}

/** The whole block walk under `root`, read in slices (blocks and the shadow roots entered). */
export async function walkBlocksSliced(
  root: Element | null,
  slicer: Slicer,
  walker: BlockWalker = createBlockWalker(root),
): Promise<Pick<BlockWalker, 'blocks' | 'shadowRoots'>> {
  while (!walker.step(ELEMENTS_PER_STEP)) {
    if (slicer.due()) await slicer.pause();
  }
  return walker;
}

/** What a previous scan found, for re-scans. */
export interface ScanMemo {
  blocks: readonly TextBlock[];
  results: readonly (BlockVerdict | null)[];
  title: string;
}

/**
 * Judges windows of blocks with the page's title: for each window, the verdicts of its
 * core blocks; null when there is no engine to judge with (no dataset published yet).
 */
export type BlockJudge = (
  windows: BlockWindow[],
  title: string,
) => Promise<(BlockVerdict | null)[][] | null>;

/** What one judge call carries at most: the bounds of one `detect-blocks` request. */
export const JUDGE_LIMITS = { blocks: MAX_BLOCKS, chars: MAX_CHECK_CHARS };

/**
 * The verdicts for `blocks`, judged in windows by `judge`, reusing `previous` verdicts
 * where a block, and every block within `RADIUS` of it, has the same element and text as
 * before. Windows go to the judge in as few calls as `limits` allow. Null when the judge
 * has no engine.
 */
export async function detectSliced(
  judge: BlockJudge,
  blocks: readonly TextBlock[],
  title: string,
  slicer: Slicer,
  previous: ScanMemo | null = null,
  limits = JUDGE_LIMITS,
): Promise<{ results: (BlockVerdict | null)[]; reused: number } | null> {
  const n = blocks.length;
  const results = new Array<BlockVerdict | null>(n).fill(null);
  const fresh = reusable(blocks, title, previous);
  let reused = 0;
  // The windows of changed blocks, in batches that fit one judge call each.
  const batches: { windows: BlockWindow[]; starts: number[] }[] = [];
  let batch: { windows: BlockWindow[]; starts: number[] } = { windows: [], starts: [] };
  let batchBlocks = 0;
  let batchChars = 0;
  let i = 0;
  while (i < n) {
    const old = fresh[i];
    if (old !== undefined) {
      results[i] = old;
      reused++;
      i++;
      continue;
    }
    // A window of changed blocks: from i up to WINDOW_CORE blocks, stopping at reusable ones.
    let end = i + 1;
    while (end < n && end - i < WINDOW_CORE && fresh[end] === undefined) end++;
    const lo = Math.max(0, i - RADIUS);
    const hi = Math.min(n, end + RADIUS);
    const texts: string[] = [];
    let chars = 0;
    for (let k = lo; k < hi; k++) {
      texts.push(blocks[k]!.text);
      chars += blocks[k]!.text.length;
    }
    if (
      batch.windows.length > 0 &&
      (batchBlocks + texts.length > limits.blocks || batchChars + chars > limits.chars)
    ) {
      batches.push(batch);
      batch = { windows: [], starts: [] };
      batchBlocks = batchChars = 0;
    }
    batch.windows.push({ blocks: texts, from: i - lo, to: end - lo });
    batch.starts.push(i);
    batchBlocks += texts.length;
    batchChars += chars;
    i = end;
    if (i < n && slicer.due()) await slicer.pause();
  }
  if (batch.windows.length > 0) batches.push(batch);
  for (const { windows, starts } of batches) {
    const verdicts = await judge(windows, title);
    if (!verdicts) return null;
    if (verdicts.length !== windows.length) throw new Error('the judge answered other windows');
    windows.forEach((window, w) => {
      const core = verdicts[w]!;
      if (core.length !== window.to - window.from)
        throw new Error('the judge answered another window');
      core.forEach((verdict, k) => (results[starts[w]! + k] = verdict));
    });
  }
  return { results, reused };
}

/** For each block, the previous verdict when it can be reused as it is, else undefined. */
function reusable(
  blocks: readonly TextBlock[],
  title: string,
  previous: ScanMemo | null,
): (BlockVerdict | null | undefined)[] {
  const n = blocks.length;
  const out = new Array<BlockVerdict | null | undefined>(n);
  if (!previous || previous.title !== title) return out;
  const before = new Map<Element, number>();
  previous.blocks.forEach((block, k) => before.set(block.element, k));
  // same[k]: block k is the same element with the same text, at the same offset from its
  // neighbours as before.
  const at = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const j = before.get(blocks[k]!.element);
    if (j !== undefined && previous.blocks[j]!.text === blocks[k]!.text) at[k] = j;
  }
  for (let k = 0; k < n; k++) {
    if (at[k]! < 0) continue;
    let stable = true;
    for (let d = -RADIUS; d <= RADIUS && stable; d++) {
      const m = k + d;
      const pm = at[k]! + d;
      const inNow = m >= 0 && m < n;
      const inBefore = pm >= 0 && pm < previous.blocks.length;
      if (inNow !== inBefore) stable = false;
      else if (inNow && at[m] !== pm) stable = false;
    }
    if (stable) out[k] = previous.results[at[k]!];
  }
  return out;
}
