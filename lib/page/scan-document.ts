import type { BlockResult, CompiledDetector } from '@/lib/detect';
import { detectBlocks } from '@/lib/detect';
import { extractBlocks, findArticle, type TextBlock } from './blocks';

export interface PageScan {
  /** The cheap pre-filter found topic words (otherwise nothing else ran). */
  passedPrefilter: boolean;
  blocks: TextBlock[];
  results: BlockResult[];
  /** Annotations on the page: what the toolbar badge shows. */
  annotationCount: number;
  /** Main-thread time of the pre-filter step and of block extraction plus detection (ms). */
  timing: { prefilterMs: number; detectMs: number };
}

export interface ScanSources {
  /** Cheap test on the page's raw text; false means "no topic words here". */
  prefilter: (text: string) => boolean;
  /** The full detector, loaded only when the pre-filter passes. */
  detector: () => Promise<CompiledDetector | null>;
  /** Clock in milliseconds; `performance.now` by default. */
  now?: () => number;
}

/**
 * Scans a document: pre-filter over the article's raw text first, and only if it passes,
 * block extraction and the full engine. Never mutates the document.
 */
export async function scanDocument(doc: Document, sources: ScanSources): Promise<PageScan> {
  const now = sources.now ?? (() => performance.now());
  const started = now();
  const nothing = (passedPrefilter: boolean): PageScan => ({
    passedPrefilter,
    blocks: [],
    results: [],
    annotationCount: 0,
    timing: { prefilterMs: now() - started, detectMs: 0 },
  });
  const article = findArticle(doc);
  if (!article) return nothing(false);
  const root = article.element;
  const title = doc.title ?? '';
  if (!sources.prefilter(`${title}\n${article.text}`)) return nothing(false);
  const prefilterMs = now() - started;

  const detector = await sources.detector();
  if (!detector) return nothing(true);
  const detectStarted = now();
  const blocks = extractBlocks(doc, root);
  const lang = doc.documentElement?.getAttribute('lang') ?? undefined;
  const results = detectBlocks(detector, blocks, { title, ...(lang ? { lang } : {}) });
  let annotationCount = 0;
  for (const result of results) if (result.relevant) annotationCount += result.annotations.length;
  return {
    passedPrefilter: true,
    blocks,
    results,
    annotationCount,
    timing: { prefilterMs, detectMs: now() - detectStarted },
  };
}
