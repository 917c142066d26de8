/**
 * Anchoring: offsets in a block's text (what the engine saw: the element's `textContent`
 * with runs of white space collapsed and trimmed, see `blocks.ts`) back to DOM `Range`s
 * over the page's own text nodes. Kept apart from painting, as the Hypothesis client keeps
 * anchoring apart from highlighting, so it can be tested on any DOM.
 */

/** Where each character of a block's normalised text sits in the DOM. */
export interface OffsetMap {
  /** The normalised text, as `blocks.ts` builds it. */
  text: string;
  nodes: Text[];
  /** For normalised offset k: index into `nodes` and the offset inside that node. */
  nodeOf: Int32Array;
  offsetOf: Int32Array;
}

/** JavaScript's `\s`, as `normaliseWhitespace` in blocks.ts collapses it. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Builds the offset map of `element`: walks its text nodes in order (all of them, as
 * `textContent` does) and collapses white space the same way, recording for each kept
 * character the node and offset it came from. `maxChars` bounds the map like the block.
 */
export function offsetMap(element: Element, maxChars = 20_000): OffsetMap {
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  const chars: string[] = [];
  const nodeOf: number[] = [];
  const offsetOf: number[] = [];
  let pendingSpace: [number, number] | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const data = text.data;
    const index = nodes.length;
    nodes.push(text);
    for (let i = 0; i < data.length; i++) {
      if (isSpace(data.charCodeAt(i))) {
        // Collapsed into one space, kept only between two kept characters (trimmed ends).
        if (chars.length > 0 && pendingSpace === null) pendingSpace = [index, i];
        continue;
      }
      if (pendingSpace) {
        chars.push(' ');
        nodeOf.push(pendingSpace[0]);
        offsetOf.push(pendingSpace[1]);
        pendingSpace = null;
      }
      chars.push(data[i]!);
      nodeOf.push(index);
      offsetOf.push(i);
      if (chars.length >= maxChars) break;
    }
    if (chars.length >= maxChars) break;
  }
  return {
    text: chars.join('').slice(0, maxChars),
    nodes,
    nodeOf: Int32Array.from(nodeOf),
    offsetOf: Int32Array.from(offsetOf),
  };
}

/**
 * The DOM range of `[start, end)` in the map's text, or null when the offsets fall
 * outside it or the page changed the nodes since the map was made (removed them, or
 * shortened their text below the mapped offsets).
 */
export function rangeOf(map: OffsetMap, start: number, end: number): Range | null {
  if (!(Number.isInteger(start) && Number.isInteger(end))) return null;
  if (!(start >= 0 && end > start && end <= map.text.length)) return null;
  const first = map.nodes[map.nodeOf[start]!];
  const last = map.nodes[map.nodeOf[end - 1]!];
  if (!first || !last || !first.isConnected || !last.isConnected) return null;
  const from = map.offsetOf[start]!;
  const to = map.offsetOf[end - 1]! + 1;
  if (from >= first.data.length || to > last.data.length) return null;
  // The last node moved before the first: the text between them is not the mapped text.
  if (first !== last && !(first.compareDocumentPosition(last) & 4 /* FOLLOWING */)) return null;
  const range = first.ownerDocument.createRange();
  range.setStart(first, from);
  range.setEnd(last, to);
  return range;
}
