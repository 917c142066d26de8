import { describe, expect, it } from 'vitest';
import { BLOCK_TAGS, SKIP_TAGS, extractBlocks, findArticle } from '@/lib/page/blocks';
import { BLOCK_SELECTOR, withoutCode } from '@/lib/page/without-code';

function doc(body: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.body.innerHTML = body;
  return d;
}

const code = (name: string) => `var ${name} = ${JSON.stringify('x'.repeat(80))};`;
const read = (d: Document) => withoutCode(d.body, d.body.textContent ?? '');

describe('withoutCode', () => {
  it('cuts the source of scripts, style sheets and noscript, and keeps the words around it', () => {
    const d = doc(
      `<p>Before.</p><script>${code('a')}</script><style>.story { color: red; ${'x'.repeat(70)} }</style>` +
        `<p>Between.</p><noscript>${'Turn on scripts to see the comments. '.repeat(3)}</noscript><p>After.</p>`,
    );
    expect(read(d).replace(/\n+/g, '\n')).toBe('Before.\nBetween.\nAfter.');
  });

  it('ends the word before a cut: text on both sides is not run together', () => {
    const d = doc(`<div>child<script>${code('b')}</script>ren</div>`);
    expect(read(d).split(/\s/)).toEqual(['child', 'ren']);
  });

  it('cuts two scripts with the same source, each where it is', () => {
    const d = doc(
      `<p>One.</p><script>${code('c')}</script><p>Two.</p><script>${code('c')}</script><p>Three.</p>`,
    );
    expect(read(d)).toBe('One.\nTwo.\nThree.');
  });

  it('keeps code inside a block: a block reads its whole text', () => {
    const d = doc(`<p>Inline <script>${code('d')}</script> text.</p>`);
    expect(read(d)).toBe(d.body.textContent);
    expect(extractBlocks(d, d.body)[0]!.text).toContain('var d');
  });

  it('leaves a text with no code, or only tiny code, as it is (the same string)', () => {
    const plain = doc('<p>Just words, and more words, and still more words in this paragraph.</p>');
    const text = plain.body.textContent!;
    expect(withoutCode(plain.body, text)).toBe(text);
    const tiny = doc(
      '<p>Words.</p><script>x=1</script><p>More words here, enough of them to be read.</p>',
    );
    expect(read(tiny)).toBe(tiny.body.textContent);
  });

  it('cuts style sheets in a shadow root', () => {
    const d = doc('<news-story></news-story>');
    const shadow = d.querySelector('news-story')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<style>:host { display: block; ${'x'.repeat(80)} }</style><p>Shadow story.</p>`;
    expect(withoutCode(shadow, shadow.textContent ?? '')).toBe('\nShadow story.');
  });

  it('is what findArticle gives stage 1: the story without its page scripts', () => {
    const d = doc(
      `<article><h1>Title</h1><p>${'Story text. '.repeat(30)}</p>` +
        `<script type="application/ld+json">${JSON.stringify({ articleBody: 'children deported '.repeat(10) })}</script></article>`,
    );
    const article = findArticle(d)!;
    expect(article.element.tagName).toBe('ARTICLE');
    expect(article.text).not.toContain('deported');
    expect(article.text).toContain('Story text.');
  });

  it('knows the block walk’s block tags and code tags', () => {
    expect(new Set(BLOCK_SELECTOR.split(','))).toEqual(BLOCK_TAGS);
    for (const tag of ['script', 'style', 'noscript']) expect(SKIP_TAGS.has(tag)).toBe(true);
  });
});
