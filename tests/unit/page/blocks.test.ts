import { describe, expect, it } from 'vitest';
import { extractBlocks, findArticleRoot } from '@/lib/page/blocks';

function doc(body: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.body.replaceChildren();
  const template = d.createElement('template');
  template.innerHTML = body;
  d.body.append(template.content);
  return d;
}

const texts = (d: Document) => extractBlocks(d).map((b) => b.text);

describe('findArticleRoot', () => {
  it('prefers the article body over the page around it', () => {
    const d = doc(
      `<nav><p>Menu</p></nav><article><p>${'Story text. '.repeat(30)}</p></article><aside><p>Ads</p></aside>`,
    );
    expect(findArticleRoot(d)?.tagName).toBe('ARTICLE');
  });

  it('falls back to the body when no article root has enough text', () => {
    const d = doc('<article><p>Short.</p></article><p>Other.</p>');
    expect(findArticleRoot(d)).toBe(d.body);
  });
});

describe('extractBlocks', () => {
  it('reads paragraphs, list items, headings and captions in document order, whitespace folded', () => {
    const d = doc(
      '<h1>Title</h1><p>First   paragraph\n here.</p><ul><li>One</li><li>Two</li></ul><figure><figcaption>Caption</figcaption></figure>',
    );
    expect(texts(d)).toEqual(['Title', 'First paragraph here.', 'One', 'Two', 'Caption']);
  });

  it('reads a block that holds other blocks once, as its innermost blocks', () => {
    const d = doc(
      '<blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote><ul><li>Outer<ul><li>Inner</li></ul></li></ul>',
    );
    expect(texts(d)).toEqual(['Quoted one.', 'Quoted two.', 'Inner']);
  });

  it('skips code, controls, navigation, hidden and editable parts', () => {
    const d = doc(
      '<p>Kept.</p><nav><p>Menu</p></nav><footer><p>Footer</p></footer><form><p>Form</p></form>' +
        '<div hidden><p>Hidden</p></div><div aria-hidden="true"><p>Aria hidden</p></div>' +
        '<div contenteditable="true"><p>Being edited</p></div><div contenteditable=""><p>Also edited</p></div>' +
        '<noscript><p>No script</p></noscript><template><p>Template</p></template><p>Also kept.</p>',
    );
    expect(texts(d)).toEqual(['Kept.', 'Also kept.']);
  });

  it('reads nothing when the whole article is being edited', () => {
    const d = doc('<div contenteditable="true"><article><p>Draft.</p></article></div>');
    expect(extractBlocks(d, d.querySelector('article'))).toEqual([]);
  });

  it('survives a very deeply nested page without overflowing the stack', () => {
    const d = document.implementation.createHTMLDocument('deep');
    let parent: Element = d.body;
    for (let i = 0; i < 20_000; i++) {
      const div = d.createElement('div');
      parent.append(div);
      parent = div;
    }
    const p = d.createElement('p');
    p.textContent = 'At the bottom.';
    parent.append(p);
    expect(extractBlocks(d, d.body).map((b) => b.text)).toEqual(['At the bottom.']);
  });

  it('stops at 5,000 blocks', () => {
    const d = document.implementation.createHTMLDocument('many');
    for (let i = 0; i < 6_000; i++) {
      const p = d.createElement('p');
      p.textContent = `Paragraph ${i}`;
      d.body.append(p);
    }
    const blocks = extractBlocks(d, d.body);
    expect(blocks).toHaveLength(5_000);
    expect(blocks[4_999]!.text).toBe('Paragraph 4999');
  });
});
