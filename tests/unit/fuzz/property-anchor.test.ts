/**
 * Fuzzing the offset-to-Range layer (lib/page/anchor.ts) on random DOM trees: every kind
 * of node a page has (comments, scripts, templates, SVG, empty and split text nodes),
 * every kind of white space, surrogate pairs cut across text nodes, and the page changing
 * the tree after the map was made. Seeded: the same cases on every run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetMap, rangeOf } from '@/lib/page/anchor';
import { normaliseWhitespace } from '@/lib/page/blocks';

/** What `blocks.ts` does to a block's text: JavaScript's `\s` runs collapsed, ends trimmed. */
const collapse = normaliseWhitespace;

const SPACES = [
  ' ',
  '\n',
  '\t',
  '\r\n',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2002',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
];
// Look like space but are not `\s`: kept as characters.
const NOT_SPACES = ['\u200b', '\u180e', '\u200d', '\u2060', '\u00ad'];

const text: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Kyiv',
    'children',
    'дітей',
    'депортовано',
    '19 546',
    'é',
    'e\u0301',
    '🇺🇦',
    '👶🏽',
    '\u200f',
    'ילדים',
    'أطفال',
    '\ud83c', // a lone high surrogate: the pair is cut across two text nodes
    '\udde6',
    '',
  ),
  fc.constantFrom(...SPACES, ...NOT_SPACES),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

/** A tree description: built into real nodes by `build`. */
type Tree =
  | { kind: 'text'; data: string }
  | { kind: 'comment'; data: string }
  | { kind: 'element'; tag: string; children: Tree[] }
  | { kind: 'svg'; data: string };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((data): Tree => ({ kind: 'text', data })),
    text.map((data): Tree => ({ kind: 'comment', data })),
    text.map((data): Tree => ({ kind: 'svg', data })),
    fc
      .tuple(
        // No <template>: happy-dom's ranges lose their way across one (its own bug).
        fc.constantFrom('b', 'i', 'span', 'a', 'p', 'div', 'script', 'style', 'noscript', 'q'),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, children]): Tree => ({ kind: 'element', tag, children })),
  ),
})).node;

function build(doc: Document, node: Tree): Node {
  switch (node.kind) {
    case 'text':
      return doc.createTextNode(node.data);
    case 'comment':
      return doc.createComment(node.data);
    case 'svg': {
      const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const t = doc.createElementNS('http://www.w3.org/2000/svg', 'text');
      t.append(doc.createTextNode(node.data));
      svg.append(t);
      return svg;
    }
    case 'element': {
      const element = doc.createElement(node.tag);
      for (const child of node.children) element.append(build(doc, child));
      return element;
    }
  }
}

/** A block element holding the trees, in the test window's document (see anchor.test.ts). */
function blockOf(trees: Tree[]): HTMLElement {
  document.body.replaceChildren();
  const p = document.createElement('p');
  for (const t of trees) p.append(build(document, t));
  document.body.append(p);
  return p;
}

/** Every text node under `root`, in document order (what the map walks). */
function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

const trees = fc.array(tree, { minLength: 1, maxLength: 6 });

/**
 * The text a range covers, from the text nodes in document order (happy-dom's own
 * `Range.toString` loses text across a <template>).
 */
function rangeText(range: Range, nodes: Text[]): string {
  const a = nodes.indexOf(range.startContainer as Text);
  const b = nodes.indexOf(range.endContainer as Text);
  if (a === b) return nodes[a]!.data.slice(range.startOffset, range.endOffset);
  return [
    nodes[a]!.data.slice(range.startOffset),
    ...nodes.slice(a + 1, b).map((n) => n.data),
    nodes[b]!.data.slice(0, range.endOffset),
  ].join('');
}

describe('property: the offset map and ranges on random DOM trees', () => {
  it('white space is what JavaScript calls white space, for every UTF-16 code unit', () => {
    const units = Array.from({ length: 0x10000 }, (_, c) => `x${String.fromCharCode(c)}`);
    const p = blockOf([{ kind: 'text', data: units.join('') }]);
    expect(offsetMap(p, Infinity).text).toBe(collapse(p.textContent ?? ''));
  });

  it('the map reads the text blocks.ts reads, and every range covers exactly its slice', () => {
    fc.assert(
      fc.property(trees, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }), (ts, spans) => {
        const p = blockOf(ts);
        const before = p.innerHTML;
        const map = offsetMap(p);
        expect(map.text).toBe(collapse(p.textContent ?? ''));
        expect(map.nodeOf).toHaveLength(map.text.length);
        expect(map.offsetOf).toHaveLength(map.text.length);
        for (let k = 0; k < map.text.length; k++) {
          const node = map.nodes[map.nodeOf[k]!]!;
          expect(map.offsetOf[k]).toBeLessThan(node.data.length);
          // A kept character is the one at its place (a collapsed run keeps its first).
          const at = node.data[map.offsetOf[k]!]!;
          expect(map.text[k] === ' ' ? /\s/.test(at) : at === map.text[k]).toBe(true);
        }
        for (const [a, b] of spans) {
          if (map.text.length === 0) break;
          const start = a % map.text.length;
          const end = start + 1 + (b % (map.text.length - start));
          const range = rangeOf(map, start, end)!;
          expect(range).not.toBeNull();
          expect(range.collapsed).toBe(false);
          expect(p.contains(range.startContainer) && p.contains(range.endContainer)).toBe(true);
          expect(collapse(rangeText(range, map.nodes))).toBe(collapse(map.text.slice(start, end)));
        }
        expect(p.innerHTML).toBe(before);
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it('offsets outside the text give no range, never an exception', () => {
    const offset = fc.oneof(
      fc.integer({ min: -5, max: 200 }),
      fc.constantFrom(NaN, Infinity, -Infinity, 0.5, -0, 2 ** 31),
    );
    fc.assert(
      fc.property(trees, offset, offset, (ts, start, end) => {
        const map = offsetMap(blockOf(ts));
        const inside =
          Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start;
        const range = rangeOf(map, start, end);
        if (!inside || end > map.text.length) expect(range).toBeNull();
        else expect(range).not.toBeNull();
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it('after the page changes the tree, a range is refused or lies within live nodes', () => {
    const change = fc.record({
      node: fc.nat(),
      how: fc.constantFrom('remove', 'shorten', 'empty', 'lengthen', 'split', 'move'),
      at: fc.nat(),
    });
    fc.assert(
      fc.property(
        trees,
        fc.array(change, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        (ts, changes, a, b) => {
          const p = blockOf(ts);
          const map = offsetMap(p);
          if (map.text.length === 0) return;
          for (const { node: n, how, at } of changes) {
            const nodes = textNodes(p);
            if (nodes.length === 0) break;
            const node = nodes[n % nodes.length]!;
            const cut = node.data.length === 0 ? 0 : at % node.data.length;
            if (how === 'remove') node.remove();
            else if (how === 'shorten') node.data = node.data.slice(0, cut);
            else if (how === 'empty') node.data = '';
            else if (how === 'lengthen') node.data += ' children';
            else if (how === 'split') node.splitText(cut);
            else p.prepend(node);
          }
          const start = a % map.text.length;
          const end = start + 1 + (b % (map.text.length - start));
          const range = rangeOf(map, start, end);
          if (!range) return;
          for (const [container, offset] of [
            [range.startContainer, range.startOffset],
            [range.endContainer, range.endOffset],
          ] as const) {
            expect(container.isConnected).toBe(true);
            expect(offset).toBeLessThanOrEqual((container as Text).data.length);
          }
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });
});
