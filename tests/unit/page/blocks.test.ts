import { describe, expect, it } from 'vitest';
import {
  blockTexts,
  createBlockWalker,
  extractBlocks,
  findArticle,
  findArticleRoot,
  normaliseWhitespace,
  shadowText,
} from '@/lib/page/blocks';

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

describe('blockTexts', () => {
  it('gives the texts extractBlocks gives, in order, however small the steps', () => {
    const body = Array.from(
      { length: 40 },
      (_, k) => `<div><p>Para ${k}.</p><ul><li>Item ${k}</li></ul></div>`,
    ).join('');
    const d = doc(body);
    const root = findArticleRoot(d);
    expect([...blockTexts(root, 1)]).toEqual(texts(d));
    expect([...blockTexts(root, 1000)]).toEqual(texts(d));
  });
  it('walks only as far as it is read', () => {
    const d = doc(Array.from({ length: 2000 }, (_, k) => `<p>Para ${k}.</p>`).join(''));
    // Count the paragraphs whose text the walk reads.
    let read = 0;
    Array.from(d.body.children).forEach((p, k) => {
      Object.defineProperty(p, 'textContent', {
        get() {
          read++;
          return `Para ${k}.`;
        },
      });
    });
    const reads = blockTexts(d.body, 8);
    expect(reads.next().value).toBe('Para 0.');
    expect(reads.next().value).toBe('Para 1.');
    expect(read).toBeLessThan(20);
    expect([...reads]).toHaveLength(1998);
    expect(read).toBe(2000);
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
        '<div contenteditable="plaintext-only"><p>Plain text edit</p></div>' +
        '<div contenteditable="false"><p>Not editable.</p></div><p aria-hidden="false">Shown.</p>' +
        '<noscript><p>No script</p></noscript><template><p>Template</p></template><p>Also kept.</p>',
    );
    expect(texts(d)).toEqual(['Kept.', 'Not editable.', 'Shown.', 'Also kept.']);
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

describe('open shadow roots', () => {
  /** A host element of `d` with an open (or closed) shadow root holding `markup`. */
  function host(d: Document, tag: string, markup: string, mode: 'open' | 'closed' = 'open') {
    const element = d.createElement(tag);
    const root = element.attachShadow({ mode });
    const template = d.createElement('template');
    template.innerHTML = markup;
    root.append(template.content);
    return { element, root };
  }

  it("reads a host's shadow tree, then the children its slots show, in page order", () => {
    const d = doc('<p>Before.</p>');
    const { element, root } = host(d, 'fact-box', '<p>In the shadow.</p><slot></slot>');
    const slotted = d.createElement('p');
    slotted.textContent = 'Slotted.';
    element.append(slotted);
    d.body.append(element);
    d.body.insertAdjacentHTML('beforeend', '<p>After.</p>');
    const walker = createBlockWalker(d.body);
    walker.step(Infinity);
    expect(walker.blocks.map((b) => b.text)).toEqual([
      'Before.',
      'In the shadow.',
      'Slotted.',
      'After.',
    ]);
    expect(walker.blocks[1]!.element.getRootNode()).toBe(root);
    expect(walker.shadowRoots).toEqual([root]);
  });

  it('goes into nested roots and built-in hosts, and never makes a host a block of its own', () => {
    const d = doc('');
    const outer = host(d, 'div', '<section><h2>Outer heading</h2></section>');
    const inner = host(d, 'news-paragraph', '<p>Nested paragraph.</p>');
    outer.root.querySelector('section')!.append(inner.element);
    // A <p> can host a shadow root: what it shows is its shadow tree, not its own text.
    const paragraphHost = host(d, 'p', '<span>Shown instead.</span>');
    paragraphHost.element.textContent = 'Not shown.';
    d.body.append(outer.element, paragraphHost.element);
    const walker = createBlockWalker(d.body);
    walker.step(Infinity);
    expect(walker.blocks.map((b) => b.text)).toEqual(['Outer heading', 'Nested paragraph.']);
    expect(walker.shadowRoots).toEqual([outer.root, inner.root, paragraphHost.root]);
  });

  it('skips closed roots, hidden or editable parts inside shadow trees, and its own UI', () => {
    const d = doc('');
    const closed = host(d, 'closed-box', '<p>Closed.</p>', 'closed');
    const open = host(
      d,
      'open-box',
      '<p>Kept.</p><div contenteditable="true"><p>Edited.</p></div><p hidden>Hidden.</p>',
    );
    const own = host(d, 'context-cards-ui', '<p>Our card.</p>');
    d.body.append(closed.element, open.element, own.element);
    expect(texts(d)).toEqual(['Kept.']);
  });
});

describe('findArticle and shadow roots', () => {
  it("adds the open shadow roots' text for a page with next to no paragraphs of its own", () => {
    const d = document.implementation.createHTMLDocument('App');
    const app = d.createElement('news-app');
    const root = app.attachShadow({ mode: 'open' });
    root.innerHTML = '<article><h1>Headline</h1></article>';
    const paragraph = d.createElement('news-paragraph');
    paragraph.attachShadow({ mode: 'open' }).innerHTML = '<p>Deep story text.</p>';
    root.querySelector('article')!.append(paragraph);
    d.body.append(app);
    const article = findArticle(d)!;
    expect(article.element).toBe(d.body);
    expect(article.text).toContain('Headline');
    expect(article.text).toContain('Deep story text.');
    expect(shadowText(d.body)).toBe('Headline\nDeep story text.');
  });

  it('leaves shadow roots out of the text of a page with paragraphs of its own', () => {
    const d = doc(`<p>${'Light story. '.repeat(10)}</p><p>Two.</p><p>Three.</p>`);
    const box = d.createElement('fact-box');
    box.attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow fact.</p>';
    d.body.append(box);
    expect(findArticle(d)!.text).not.toContain('Shadow fact.');
    // Stage 2's walk reads it all the same.
    expect(texts(d)).toContain('Shadow fact.');
  });
});

describe('normaliseWhitespace', () => {
  // Every code unit JavaScript's `\s` matches, found by asking it, and two that it does not.
  const SPACES = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((unit) =>
    /\s/.test(unit),
  );
  const reference = (text: string) => text.replace(/\s+/g, ' ').trim();

  it('gives what replacing every run of whitespace with one space gives', () => {
    expect(SPACES).toHaveLength(25);
    const pieces = [...SPACES, 'a', 'bc', '\u200b', '\u0085'];
    // Every run of up to three pieces, between and around words.
    for (const x of pieces)
      for (const y of pieces)
        for (const z of pieces) {
          const text = `${x}w${y}${z}o${z}${x}rd${y}`;
          expect(normaliseWhitespace(text), JSON.stringify(text)).toBe(reference(text));
        }
  });

  it('leaves text with single spaces as it is', () => {
    expect(normaliseWhitespace('Children were taken to camps.')).toBe(
      'Children were taken to camps.',
    );
    expect(normaliseWhitespace(' \u00a0two\n\n words\t ')).toBe('two words');
  });
});
