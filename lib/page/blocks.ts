/**
 * Article text blocks of a document: paragraphs, list items, headings, captions and
 * quotes inside the page's main content, in document order. Works on any DOM
 * implementation (the browser, linkedom or happy-dom in Node).
 */
export interface TextBlock {
  element: Element;
  text: string;
}

const BLOCK_TAGS = new Set([
  'P',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'FIGCAPTION',
  'BLOCKQUOTE',
  'DD',
  'TD',
  'SUMMARY',
]);
const ROOT_SELECTORS = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]'];
/** Never read: code, controls, graphics, and the page's chrome around the article. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'SVG',
  'MATH',
  'NAV',
  'FOOTER',
  'FORM',
  'IFRAME',
  'OBJECT',
  'CANVAS',
]);
const MAX_BLOCKS = 5000;
const MAX_BLOCK_CHARS = 20_000;

export interface ArticleRoot {
  element: Element;
  /** The element's raw text (`textContent`), read once for the pre-filter. */
  text: string;
}

/**
 * The element whose blocks are the article, with its raw text: the first likely root with
 * enough text that also holds most of the page's paragraphs, or the body. (A page whose
 * story sits outside its one <article> teaser, or beside a small <main>, is read whole;
 * counting paragraphs costs no text read.)
 */
export function findArticle(doc: Document): ArticleRoot | null {
  const pageParagraphs = doc.getElementsByTagName('p').length;
  for (const selector of ROOT_SELECTORS) {
    let best: ArticleRoot | null = null;
    for (const candidate of Array.from(doc.querySelectorAll(selector))) {
      const text = candidate.textContent ?? '';
      if (text.length > (best?.text.length ?? 0)) best = { element: candidate, text };
    }
    if (!best || best.text.length < 200) continue;
    const inside = best.element.getElementsByTagName('p').length;
    if (pageParagraphs - inside >= 4 && inside * 2 < pageParagraphs) break;
    return best;
  }
  return doc.body ? { element: doc.body, text: doc.body.textContent ?? '' } : null;
}

/** The element whose blocks are the article (see `findArticle`). */
export function findArticleRoot(doc: Document): Element | null {
  return findArticle(doc)?.element ?? null;
}

export function extractBlocks(
  doc: Document,
  root: Element | null = findArticleRoot(doc),
): TextBlock[] {
  const walker = createBlockWalker(root);
  walker.step(Infinity);
  return walker.blocks;
}

/** Block extraction that can stop and resume (see `createBlockWalker`). */
export interface BlockWalker {
  /** Blocks found so far, in document order. */
  readonly blocks: TextBlock[];
  /** Visits up to `maxElements` more elements; true when the walk is complete. */
  step(maxElements: number): boolean;
}

/**
 * The article's blocks, found in one walk over the root's elements that can pause
 * between elements, so a huge page is read in slices. An explicit stack: deeply nested
 * pages cannot overflow the call stack. A block that holds another block (a <p> in a
 * <blockquote>, an <li> in an <li>) is read once, as its innermost blocks.
 */
export function createBlockWalker(root: Element | null): BlockWalker {
  interface Frame {
    element: Element;
    next: Element | null;
    holdsBlock: boolean;
  }
  const blocks: TextBlock[] = [];
  const stack: Frame[] =
    root && !insideHiddenOrEditable(root)
      ? [{ element: root, next: root.firstElementChild, holdsBlock: false }]
      : [];
  return {
    blocks,
    step(maxElements) {
      let visited = 0;
      while (stack.length > 0 && blocks.length < MAX_BLOCKS) {
        if (visited++ >= maxElements) return false;
        const frame = stack[stack.length - 1]!;
        const child = frame.next;
        if (child) {
          frame.next = child.nextElementSibling;
          if (!skipped(child))
            stack.push({ element: child, next: child.firstElementChild, holdsBlock: false });
          continue;
        }
        stack.pop();
        const { element, holdsBlock } = frame;
        const isBlock = BLOCK_TAGS.has(element.tagName.toUpperCase());
        if (isBlock && !holdsBlock) {
          const text = normaliseWhitespace(element.textContent ?? '').slice(0, MAX_BLOCK_CHARS);
          if (text.length > 0) blocks.push({ element, text });
        }
        const parent = stack[stack.length - 1];
        if (parent && (isBlock || holdsBlock)) parent.holdsBlock = true;
      }
      stack.length = 0;
      return true;
    },
  };
}

function skipped(element: Element): boolean {
  return SKIP_TAGS.has(element.tagName.toUpperCase()) || hiddenOrEditable(element);
}

function hiddenOrEditable(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable === '' || editable === 'true' || editable === 'plaintext-only';
}

/** The root itself, or an element around it, is hidden or being edited by the reader. */
function insideHiddenOrEditable(root: Element): boolean {
  for (let element: Element | null = root; element; element = element.parentElement) {
    if (hiddenOrEditable(element)) return true;
  }
  return false;
}

function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
