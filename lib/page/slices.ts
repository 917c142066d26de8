/**
 * Page work in short slices: block extraction and detection pause whenever a slice has
 * used its time budget and resume in the browser's idle time, so that no task of ours
 * holds the main thread for long, even on a 10,000-word article or a 1 MB page.
 *
 * Detection runs on windows of blocks with `RADIUS` blocks of context on each side and
 * keeps only each window's core: a block's result depends on its neighbours up to two
 * blocks away, and the second pass on the first-pass results of the blocks beside it, so
 * three blocks of margin give the same results as one call on the whole page (a property
 * test holds this). A re-scan reuses the results of every block whose text and
 * neighbourhood are unchanged.
 */
import {
  detectBlocks,
  type BlockResult,
  type CompiledDetector,
  type DetectOptions,
} from '@/lib/detect';
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
  results: readonly BlockResult[];
  title: string;
}

/**
 * `detectBlocks(det, blocks, options)`, in slices, reusing `previous` results where a
 * block, and every block within `RADIUS` of it, has the same element and text as before.
 */
export async function detectSliced(
  det: CompiledDetector,
  blocks: readonly TextBlock[],
  options: DetectOptions,
  slicer: Slicer,
  previous: ScanMemo | null = null,
): Promise<{ results: BlockResult[]; reused: number }> {
  const n = blocks.length;
  const results = new Array<BlockResult>(n);
  const fresh = reusable(blocks, options.title ?? '', previous);
  let reused = 0;
  let i = 0;
  while (i < n) {
    const old = fresh[i];
    if (old) {
      results[i] = old;
      reused++;
      i++;
      continue;
    }
    // A window of changed blocks: from i up to WINDOW_CORE blocks, stopping at reusable ones.
    let end = i + 1;
    while (end < n && end - i < WINDOW_CORE && !fresh[end]) end++;
    const lo = Math.max(0, i - RADIUS);
    const hi = Math.min(n, end + RADIUS);
    const window = detectBlocks(det, blocks.slice(lo, hi), options);
    for (let k = i; k < end; k++) results[k] = window[k - lo]!;
    i = end;
    if (i < n && slicer.due()) await slicer.pause();
  }
  return { results, reused };
}

/** For each block, the previous result when it can be reused as it is, else undefined. */
function reusable(
  blocks: readonly TextBlock[],
  title: string,
  previous: ScanMemo | null,
): (BlockResult | undefined)[] {
  const n = blocks.length;
  const out = new Array<BlockResult | undefined>(n);
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
