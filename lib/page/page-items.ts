/**
 * The page's annotations as the UI needs them: each engine annotation anchored to a DOM
 * range in its block, with a stable key (for dismissals and the popup), its category and
 * why its block was found relevant. Annotations that cannot be anchored are left out, so
 * the badge counts exactly what is painted.
 */
import type { Annotation } from '@/lib/detect';
import type { BlockVerdict } from '@/lib/messages/verdict';
import { offsetMap, rangeOf } from './anchor';
import type { TextBlock } from './blocks';
import type { Category } from './paint';

export interface PageItem {
  /** Unique on the page: the content key, with `#n` for its n-th repeat. */
  key: string;
  /** What a dismissal remembers (the same passage repeated is dismissed together). */
  contentKey: string;
  annotation: Annotation;
  category: Category;
  range: Range;
  explanation: { rule: string | null; terms: string[] };
  /** Languages of the lexicon terms that made the block relevant. */
  languages: string[];
}

/** A key that survives reloads: the kind, the quote and the block's text around it. */
export function itemKey(block: string, annotation: Annotation): string {
  return `${annotation.kind}|${annotation.quote}|${block.slice(Math.max(0, annotation.start - 24), annotation.start)}`;
}

export function anchorItems(
  blocks: readonly TextBlock[],
  verdicts: readonly (BlockVerdict | null)[],
  dismissed: ReadonlySet<string> = new Set(),
): PageItem[] {
  const items: PageItem[] = [];
  const seen = new Map<string, number>();
  verdicts.forEach((verdict, k) => {
    if (!verdict) return;
    const block = blocks[k]!;
    const map = offsetMap(block.element);
    // The block changed since it was read: its offsets would land on the wrong words.
    if (map.text !== block.text) return;
    for (const annotation of verdict.annotations) {
      const contentKey = itemKey(block.text, annotation);
      if (dismissed.has(contentKey)) continue;
      const range = rangeOf(map, annotation.start, annotation.end);
      if (!range) continue;
      const repeat = seen.get(contentKey) ?? 0;
      seen.set(contentKey, repeat + 1);
      items.push({
        key: repeat === 0 ? contentKey : `${contentKey}#${repeat}`,
        contentKey,
        annotation,
        category: annotation.kind,
        range,
        explanation: { rule: verdict.rule, terms: verdict.terms.map((t) => t.text) },
        languages: [...new Set(verdict.terms.map((t) => t.lang))],
      });
    }
  });
  return items;
}
