/**
 * Painting annotations with the CSS Custom Highlight API: one named highlight per category
 * (styled by `public/highlights.css`, which the background inserts as a user stylesheet),
 * so no page text node is split, wrapped or rewritten. Where the API is missing, nothing is
 * painted and the markers alone show where the annotations are.
 */
export type Category = 'claim' | 'figure' | 'topic';

export type PaintStyle = 'underline' | 'background';

export const HIGHLIGHT_NAMES: Record<Category | 'active', string> = {
  claim: 'context-cards-claim',
  figure: 'context-cards-figure',
  topic: 'context-cards-topic',
  active: 'context-cards-active',
};
const BACKGROUND_NAMES: Record<Category, string> = {
  claim: 'context-cards-bg-claim',
  figure: 'context-cards-bg-figure',
  topic: 'context-cards-bg-topic',
};

interface HighlightLike {
  add(range: Range): unknown;
  clear(): void;
  readonly size: number;
}
interface Registry {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): unknown;
}

function api(): { registry: Registry; make: () => HighlightLike } | null {
  const css = (globalThis as { CSS?: { highlights?: Registry } }).CSS;
  const Ctor = (globalThis as { Highlight?: new () => HighlightLike }).Highlight;
  if (!css?.highlights || typeof Ctor !== 'function') return null;
  return { registry: css.highlights, make: () => new Ctor() };
}

/**
 * Paints `ranges` by category in the reader's style, replacing what was painted before;
 * false without the API.
 */
export function paintRanges(
  items: readonly { range: Range; category: Category }[],
  style: PaintStyle = 'underline',
): boolean {
  const a = api();
  if (!a) return false;
  const groups: Record<Category, HighlightLike> = {
    claim: a.make(),
    figure: a.make(),
    topic: a.make(),
  };
  for (const { range, category } of items) groups[category].add(range);
  const use = style === 'background' ? BACKGROUND_NAMES : HIGHLIGHT_NAMES;
  const other = style === 'background' ? HIGHLIGHT_NAMES : BACKGROUND_NAMES;
  for (const category of ['claim', 'figure', 'topic'] as const) {
    a.registry.set(use[category], groups[category]);
    a.registry.delete(other[category]);
  }
  return true;
}

/** Marks the annotation whose card is open (or none). */
export function paintActive(range: Range | null): void {
  const a = api();
  if (!a) return;
  if (!range) {
    a.registry.delete(HIGHLIGHT_NAMES.active);
    return;
  }
  const h = a.make();
  h.add(range);
  a.registry.set(HIGHLIGHT_NAMES.active, h);
}

export function clearPaint(): void {
  const a = api();
  if (!a) return;
  for (const name of [...Object.values(HIGHLIGHT_NAMES), ...Object.values(BACKGROUND_NAMES)])
    a.registry.delete(name);
}
