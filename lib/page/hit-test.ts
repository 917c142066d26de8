/**
 * Which annotation a click landed on, from the caret position under the pointer
 * (`caretPositionFromPoint`, or Chromium's older `caretRangeFromPoint`) and the ranges'
 * own boxes. Clicks on links, buttons and form controls are never taken over, inside the
 * page's open shadow roots too (the click's first target is read, not the retargeted one).
 */
const INTERACTIVE =
  'a[href],button,input,select,textarea,label,summary,[role="button"],[role="link"],[contenteditable]:not([contenteditable="false"])';

export function isInteractive(target: EventTarget | null): boolean {
  const element =
    target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return element?.closest(INTERACTIVE) != null;
}

/** What a click landed on first: inside an open shadow root, not the host it is retargeted to. */
export function clickTarget(event: Event): EventTarget | null {
  return event.composedPath()[0] ?? event.target;
}

/**
 * The caret position under a point. A point inside a shadow tree is only given as such for
 * the roots named in `shadowRoots` (otherwise it is retargeted to the host).
 */
function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (
      x: number,
      y: number,
      options?: { shadowRoots?: ShadowRoot[] },
    ) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos =
      shadowRoots.length > 0
        ? d.caretPositionFromPoint(x, y, { shadowRoots })
        : d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function inRects(range: Range, x: number, y: number): boolean {
  for (const rect of Array.from(range.getClientRects()))
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  return false;
}

/**
 * Whether the point lies in the range: true or false, or null when the caret is in another
 * tree than the range (a browser that retargets the caret to a shadow host), where only
 * the range's boxes can tell.
 */
function holds(range: Range, node: Node, offset: number): boolean | null {
  if (node.getRootNode() !== range.startContainer.getRootNode()) return null;
  try {
    return range.comparePoint(node, offset) === 0;
  } catch {
    return null;
  }
}

/** The open shadow roots the ranges are in (for `caretPositionFromPoint`). */
function shadowRootsOf(items: readonly { range: Range }[]): ShadowRoot[] {
  const roots = new Set<ShadowRoot>();
  for (const { range } of items) {
    const root = range.startContainer.getRootNode();
    if (root !== range.startContainer && isShadowRoot(root)) roots.add(root);
  }
  return [...roots];
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}

/** The first of `items` whose range holds the point (viewport coordinates), or null. */
export function itemAtPoint<T extends { range: Range }>(
  doc: Document,
  x: number,
  y: number,
  items: readonly T[],
): T | null {
  const caret = caretAt(doc, x, y, shadowRootsOf(items));
  for (const item of items) {
    const { range } = item;
    if (caret && holds(range, caret.node, caret.offset) === false) continue;
    if (inRects(range, x, y)) return item;
  }
  return null;
}
