import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetMap, rangeOf } from '@/lib/page/anchor';
import { extractBlocks } from '@/lib/page/blocks';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

// The test window's own document: happy-dom's ranges misbehave in created documents.
function docWith(html: string): Document {
  const doc = document;
  doc.body.replaceChildren();
  const article = doc.createElement('article');
  // Test input built from our own literals only.
  article.insertAdjacentHTML('beforeend', html);
  doc.body.append(article);
  return doc;
}

describe('offset maps and ranges', () => {
  it('gives the same text as block extraction and ranges over the page text nodes', () => {
    const doc = docWith(
      '<p>  Russia has <b>deported</b>\n   thousands of&nbsp;<a href="#">Ukrainian <i>children</i></a>.  </p>',
    );
    const [block] = extractBlocks(doc, doc.querySelector('article'));
    const map = offsetMap(block!.element);
    expect(map.text).toBe(block!.text);
    const start = map.text.indexOf('deported');
    const range = rangeOf(map, start, map.text.indexOf('children') + 'children'.length)!;
    expect(collapse(range.toString())).toBe('deported thousands of Ukrainian children');
    expect(range.startContainer.nodeValue).toBe('deported');
    expect(range.endContainer.nodeValue).toBe('children');
  });

  it("anchors a block inside an open shadow root to the shadow tree's own text nodes", () => {
    const doc = docWith('<p>Light.</p>');
    const host = doc.createElement('fact-box');
    const root = host.attachShadow({ mode: 'open' });
    const p = doc.createElement('p');
    p.append(
      'Verified: ',
      Object.assign(doc.createElement('b'), { textContent: '19,546' }),
      ' children.',
    );
    root.append(p);
    doc.querySelector('article')!.append(host);
    const blocks = extractBlocks(doc, doc.querySelector('article'));
    expect(blocks.map((b) => b.text)).toEqual(['Light.', 'Verified: 19,546 children.']);
    const map = offsetMap(blocks[1]!.element);
    const start = map.text.indexOf('19,546');
    const range = rangeOf(map, start, start + 6)!;
    expect(range.toString()).toBe('19,546');
    expect(range.startContainer.getRootNode()).toBe(root);
  });

  it('refuses offsets outside the text and nodes no longer in the page', () => {
    const doc = docWith('<p>Some <em>text</em> here</p>');
    const map = offsetMap(doc.querySelector('p')!);
    expect(rangeOf(map, -1, 3)).toBeNull();
    expect(rangeOf(map, 3, 3)).toBeNull();
    expect(rangeOf(map, 0, map.text.length + 1)).toBeNull();
    doc.querySelector('em')!.remove();
    expect(rangeOf(map, 5, 9)).toBeNull();
  });

  it('never changes the document', () => {
    const doc = docWith('<p>One <b>two</b> three</p>');
    const before = doc.body.innerHTML;
    const map = offsetMap(doc.querySelector('p')!);
    rangeOf(map, 0, map.text.length);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('maps every span of random markup back to the same text', () => {
    const word = fc.constantFrom('Kyiv', 'children', 'дітей', 'deported', '19 546', 'a', 'é');
    const space = fc.constantFrom(' ', '  ', '\n', '\u00a0', '\t ', '');
    const leaf = fc.tuple(space, word, space).map(([a, w, b]) => `${a}${w}${b}`);
    const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc
          .tuple(fc.constantFrom('b', 'i', 'span', 'a'), fc.array(tie('node'), { maxLength: 4 }))
          .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.array(tree, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        (parts, a, b) => {
          const doc = docWith(`<p>${parts.join('')}</p>`);
          const p = doc.querySelector('p')!;
          const map = offsetMap(p);
          expect(map.text).toBe(collapse(p.textContent ?? ''));
          if (map.text.length === 0) return;
          const start = a % map.text.length;
          const end = start + 1 + (b % (map.text.length - start));
          const range = rangeOf(map, start, end)!;
          expect(collapse(range.toString())).toBe(map.text.slice(start, end).trim());
        },
      ),
      { seed: 8, numRuns: 200 },
    );
  });
});
