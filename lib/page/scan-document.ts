/**
 * One scan of a document: the article's blocks, read in slices (see `slices.ts`), and the
 * engine's verdicts for them, reusing a previous scan's verdicts where blocks did not
 * change. Never mutates the document.
 */
import type { BlockVerdict } from '@/lib/messages/verdict';
import { findArticle, findArticleRoot, type TextBlock } from './blocks';
import type { ArticleHandoff } from './handoff';
import {
  createSlicer,
  detectSliced,
  walkBlocksSliced,
  type BlockJudge,
  type ScanMemo,
  type Slicer,
} from './slices';

export interface PageScan {
  /** The cheap pre-filter found topic words (otherwise nothing else ran). */
  passedPrefilter: boolean;
  blocks: TextBlock[];
  /** One per block: what to paint in it, or null. */
  results: (BlockVerdict | null)[];
  /** The page's open shadow roots the scan read (changes inside them are not seen from the document). */
  shadowRoots: ShadowRoot[];
  /** Annotations on the page: what the toolbar badge shows. */
  annotationCount: number;
  /** Blocks whose previous results were reused. */
  reused: number;
  /**
   * What the scan cost the main thread (ms): the pre-filter, then extraction and the
   * judge's messages (not the judge's own work, which is off the page).
   */
  timing: { prefilterMs: number; detectMs: number };
  /** What the next scan of this page can reuse. */
  memo: ScanMemo;
}

export interface ScanSources {
  /**
   * Optional cheap test on the page's raw text; false means "no topic words here". Stage
   * 2 runs only where stage 1's pre-filter passed, so it leaves this out.
   */
  prefilter?: (text: string) => boolean;
  /** The engine, on windows of blocks (the background's, in stage 2). */
  judge: BlockJudge;
  /**
   * The verdicts already given on the walk stage 1 left (its page check), one per block,
   * for the page's title; null when there are none. Used only when they are one per block.
   */
  checked?: (walked: ArticleHandoff, title: string) => Promise<(BlockVerdict | null)[] | null>;
  /** Slices of work; one that never pauses by default. */
  slicer?: Slicer;
  /** The previous scan of this page. */
  previous?: ScanMemo | null;
  /**
   * The walk of the article's blocks stage 1 left (see `handoff.ts`), when it is still
   * the page's: carried on instead of walking again from the start.
   */
  article?: () => ArticleHandoff | null;
  /** Clock in milliseconds; `performance.now` by default. */
  now?: () => number;
}

const unbounded = (): Slicer => ({
  ...createSlicer({ budgetMs: Infinity }),
  due: () => false,
});

export async function scanDocument(doc: Document, sources: ScanSources): Promise<PageScan> {
  const now = sources.now ?? (() => performance.now());
  const slicer = sources.slicer ?? unbounded();
  const title = doc.title ?? '';
  const nothing = (passedPrefilter: boolean, prefilterMs = 0): PageScan => ({
    passedPrefilter,
    blocks: [],
    results: [],
    shadowRoots: [],
    annotationCount: 0,
    reused: 0,
    timing: { prefilterMs, detectMs: 0 },
    memo: { blocks: [], results: [], title },
  });
  const started = now();
  let root: Element | null;
  let walked: ArticleHandoff | null = null;
  if (sources.prefilter) {
    const article = findArticle(doc);
    if (!article) return nothing(false);
    if (!sources.prefilter(`${title}\n${article.text}`)) return nothing(false, now() - started);
    root = article.element;
  } else {
    walked = sources.article?.() ?? null;
    root = walked ? walked.root : findArticleRoot(doc);
    if (!root) return nothing(false);
  }
  const prefilterMs = sources.prefilter ? now() - started : 0;

  // Main-thread time only: the clock runs while a slice works, not while it waits.
  let busy = 0;
  let sliceStart = now();
  const timed: Slicer = {
    signal: slicer.signal,
    due: () => slicer.due(),
    pause: async () => {
      busy += now() - sliceStart;
      await slicer.pause();
      sliceStart = now();
    },
  };
  const { blocks, shadowRoots } = await walkBlocksSliced(root, timed, walked?.walker);
  // Nor while the judge works: that is the background's time, not the page's.
  const waiting = async <T>(work: () => Promise<T>): Promise<T> => {
    busy += now() - sliceStart;
    try {
      return await work();
    } finally {
      sliceStart = now();
    }
  };
  const judge: BlockJudge = (windows, pageTitle) =>
    waiting(() => sources.judge(windows, pageTitle));
  const checked =
    walked && sources.checked ? await waiting(() => sources.checked!(walked, title)) : null;
  const judged =
    checked?.length === blocks.length
      ? { results: checked, reused: 0 }
      : await detectSliced(judge, blocks, title, timed, sources.previous ?? null);
  busy += now() - sliceStart;
  if (!judged) return nothing(true, prefilterMs);
  const { results, reused } = judged;
  let annotationCount = 0;
  for (const result of results) if (result) annotationCount += result.annotations.length;
  return {
    passedPrefilter: true,
    blocks,
    results,
    shadowRoots,
    annotationCount,
    reused,
    timing: { prefilterMs, detectMs: busy },
    memo: { blocks, results, title },
  };
}
