/**
 * Article text blocks of a document: paragraphs, list items, headings, captions and
 * quotes inside the page's main content, in document order. Works on any DOM
 * implementation (the browser, linkedom or happy-dom in Node).
 */
export interface TextBlock {
  element: Element;
  text: string;
}

const BLOCK_SELECTOR = 'p, li, h1, h2, h3, h4, h5, h6, figcaption, blockquote, dd, td, summary';
const ROOT_SELECTORS = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]'];
const SKIP_SELECTOR =
  'script, style, noscript, template, textarea, input, select, svg, math, [contenteditable=""], [contenteditable="true"], [hidden], [aria-hidden="true"], nav, footer, form';
const MAX_BLOCKS = 5000;
const MAX_BLOCK_CHARS = 20_000;

/** The element whose blocks are the article: the first likely root with enough text. */
export function findArticleRoot(doc: Document): Element | null {
  for (const selector of ROOT_SELECTORS) {
    const candidates = Array.from(doc.querySelectorAll(selector));
    let best: Element | null = null;
    let bestLength = 0;
    for (const candidate of candidates) {
      const length = (candidate.textContent ?? '').length;
      if (length > bestLength) {
        best = candidate;
        bestLength = length;
      }
    }
    if (best && bestLength >= 200) return best;
  }
  return doc.body;
}

export function extractBlocks(
  doc: Document,
  root: Element | null = findArticleRoot(doc),
): TextBlock[] {
  if (!root) return [];
  const blocks: TextBlock[] = [];
  for (const element of Array.from(root.querySelectorAll(BLOCK_SELECTOR))) {
    if (blocks.length >= MAX_BLOCKS) break;
    if (element.closest(SKIP_SELECTOR)) continue;
    // A block nested in another block (a <p> in a <blockquote>, an <li> in an <li>) is
    // read once, as its innermost element.
    if (element.querySelector(BLOCK_SELECTOR)) continue;
    const text = normaliseWhitespace(element.textContent ?? '').slice(0, MAX_BLOCK_CHARS);
    if (text.length > 0) blocks.push({ element, text });
  }
  return blocks;
}

function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
