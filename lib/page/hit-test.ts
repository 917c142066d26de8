/**
 * Which annotation a click landed on, from the caret position under the pointer
 * (`caretPositionFromPoint`, or Chromium's older `caretRangeFromPoint`) and the ranges'
 * own boxes. Clicks on links, buttons and form controls are never taken over.
 */
const INTERACTIVE =
  'a[href],button,input,select,textarea,label,summary,[role="button"],[role="link"],[contenteditable]:not([contenteditable="false"])';

export function isInteractive(target: EventTarget | null): boolean {
  const element =
    target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return element?.closest(INTERACTIVE) != null;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
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

/** Whether the point lies in the range; false (not an exception) for a point in another tree. */
function holds(range: Range, node: Node, offset: number): boolean {
  try {
    return range.comparePoint(node, offset) === 0;
  } catch {
    return false;
  }
}

/** The first of `items` whose range holds the point (viewport coordinates), or null. */
export function itemAtPoint<T extends { range: Range }>(
  doc: Document,
  x: number,
  y: number,
  items: readonly T[],
): T | null {
  const caret = caretAt(doc, x, y);
  for (const item of items) {
    const { range } = item;
    if (caret && !holds(range, caret.node, caret.offset)) continue;
    if (inRects(range, x, y)) return item;
  }
  return null;
}
