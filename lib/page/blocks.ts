/**
 * Article text blocks of a document: paragraphs, list items, headings, captions and
 * quotes inside the page's main content, in document order. Works on any DOM
 * implementation (the browser, linkedom or happy-dom in Node).
 */
import { MAX_BLOCK_CHARS, MAX_BLOCKS } from './limits';
import { BLOCK_TAGS, SKIP_TAGS } from './tags';
import { withoutCode } from './without-code';

export { BLOCK_TAGS, SKIP_TAGS };

export interface TextBlock {
  element: Element;
  text: string;
}

const ROOT_SELECTORS = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]'];
/** The extension's own UI (one shadow root host per document): never read. */
const OWN_UI = 'context-cards-ui';

export interface ArticleRoot {
  element: Element;
  /**
   * The element's text (`textContent`, without the source of scripts and style sheets
   * outside its blocks: see `withoutCode`), read once for the pre-filter; on a page with
   * almost no paragraphs of its own, followed by the text of the open shadow roots of its
   * custom elements (see `shadowText`).
   */
  text: string;
}

/** Fewer light-DOM paragraphs than this: the page may keep its story in shadow roots. */
const SHADOW_TEXT_BELOW_PARAGRAPHS = 3;
/** Elements looked at for shadow roots, at most (a page of controls stays cheap). */
const SHADOW_SCAN_ELEMENTS = 20_000;
const SHADOW_TEXT_CHARS = 200_000;

/**
 * The element whose blocks are the article, with its raw text: the first likely root with
 * enough text that also holds most of the page's paragraphs, or the body. (A page whose
 * story sits outside its one <article> teaser, or beside a small <main>, is read whole;
 * counting paragraphs costs no text read.)
 */
export function findArticle(doc: Document): ArticleRoot | null {
  const chosen = chooseArticle(doc);
  if (!chosen) return null;
  const { element, raw, paragraphs } = chosen;
  const text = withoutCode(element, raw ?? element.textContent ?? '');
  // An app shell (web components that render the story in their shadow roots) has next
  // to no paragraphs of its own; an ordinary page never pays for the walk below.
  return {
    element,
    text:
      raw === null && paragraphs < SHADOW_TEXT_BELOW_PARAGRAPHS
        ? `${text}\n${shadowText(element)}`
        : text,
  };
}

/**
 * `findArticle`'s choice of root, with the raw text it read to choose it (none for the
 * body, chosen without reading it) and the page's paragraph count.
 */
function chooseArticle(
  doc: Document,
): { element: Element; raw: string | null; paragraphs: number } | null {
  const paragraphs = doc.getElementsByTagName('p').length;
  for (const selector of ROOT_SELECTORS) {
    let best: { element: Element; raw: string } | null = null;
    // The root is chosen by its raw text; only the text read afterwards is cut.
    for (const candidate of Array.from(doc.querySelectorAll(selector))) {
      const raw = candidate.textContent ?? '';
      if (raw.length > (best?.raw.length ?? 0)) best = { element: candidate, raw };
    }
    if (!best || best.raw.length < 200) continue;
    const inside = best.element.getElementsByTagName('p').length;
    if (paragraphs - inside >= 4 && inside * 2 < paragraphs) break;
    return { ...best, paragraphs };
  }
  return doc.body ? { element: doc.body, raw: null, paragraphs } : null;
}

/**
 * The text of the open shadow roots of the custom elements under `root` (a tag name with
 * a hyphen: where web components keep their shadow trees), nested roots included, in
 * bounded work. Built-in elements that host a shadow root are not looked at here (stage 2's
 * block walk reads them all).
 */
export function shadowText(root: Element): string {
  const parts: string[] = [];
  let length = 0;
  let budget = SHADOW_SCAN_ELEMENTS;
  const queue: (Element | ShadowRoot)[] = [root];
  while (queue.length > 0 && budget > 0 && length < SHADOW_TEXT_CHARS) {
    const elements = queue.shift()!.querySelectorAll('*');
    const n = Math.min(elements.length, budget);
    budget -= n;
    for (let i = 0; i < n; i++) {
      const element = elements[i]!;
      if (!element.localName.includes('-') || element.localName === OWN_UI) continue;
      const shadow = element.shadowRoot;
      if (!shadow) continue;
      const text = withoutCode(shadow, shadow.textContent ?? '');
      parts.push(text);
      length += text.length;
      queue.push(shadow);
    }
  }
  return parts.join('\n').slice(0, SHADOW_TEXT_CHARS);
}

/** The element whose blocks are the article (see `findArticle`), its text left unread. */
export function findArticleRoot(doc: Document): Element | null {
  return chooseArticle(doc)?.element ?? null;
}

export function extractBlocks(
  doc: Document,
  root: Element | null = findArticleRoot(doc),
): TextBlock[] {
  const walker = createBlockWalker(root);
  walker.step(Infinity);
  return walker.blocks;
}

/**
 * The texts of the article's blocks (as `extractBlocks` gives them), read lazily: the walk
 * goes only as far as the caller reads, so a check that stops at the first block that
 * passes does not walk the rest of the page.
 */
export function blockTexts(root: Element | null, elementsPerStep = 64): Generator<string> {
  return walkedTexts(createBlockWalker(root), elementsPerStep);
}

/** `blockTexts` of a walk the caller holds (and may carry on afterwards). */
export function* walkedTexts(walker: BlockWalker, elementsPerStep = 64): Generator<string> {
  let next = 0;
  for (let done = false; ;) {
    while (next < walker.blocks.length) yield walker.blocks[next++]!.text;
    if (done) return;
    done = walker.step(elementsPerStep);
  }
}

/** Block extraction that can stop and resume (see `createBlockWalker`). */
export interface BlockWalker {
  /** Blocks found so far, in document order. */
  readonly blocks: TextBlock[];
  /** The open shadow roots the walk went into so far (to watch them for changes). */
  readonly shadowRoots: ShadowRoot[];
  /** Visits up to `maxElements` more elements; true when the walk is complete. */
  step(maxElements: number): boolean;
}

/**
 * The article's blocks, found in one walk over the root's elements that can pause
 * between elements, so a huge page is read in slices. An explicit stack: deeply nested
 * pages cannot overflow the call stack. A block that holds another block (a <p> in a
 * <blockquote>, an <li> in an <li>) is read once, as its innermost blocks.
 *
 * The page's open shadow roots are read too: an element that hosts one is walked through
 * its shadow tree first, then its own children (the content its slots show). A host is
 * never a block itself (its `textContent` is not what it shows). Closed roots cannot be
 * reached, and the extension's own UI is skipped.
 */
export function createBlockWalker(root: Element | null): BlockWalker {
  interface Frame {
    element: Element;
    next: Element | null;
    /** A host's own first child, walked once its shadow tree is done. */
    light: Element | null;
    holdsBlock: boolean;
    host: boolean;
  }
  const blocks: TextBlock[] = [];
  const shadowRoots: ShadowRoot[] = [];
  const frameOf = (element: Element): Frame => {
    const shadow = element.localName === OWN_UI ? null : element.shadowRoot;
    if (!shadow) {
      return {
        element,
        next: element.firstElementChild,
        light: null,
        holdsBlock: false,
        host: false,
      };
    }
    shadowRoots.push(shadow);
    return {
      element,
      next: shadow.firstElementChild,
      light: element.firstElementChild,
      holdsBlock: false,
      host: true,
    };
  };
  const stack: Frame[] = root && !insideHiddenOrEditable(root) ? [frameOf(root)] : [];
  return {
    blocks,
    shadowRoots,
    step(maxElements) {
      let visited = 0;
      while (stack.length > 0 && blocks.length < MAX_BLOCKS) {
        if (visited++ >= maxElements) return false;
        const frame = stack[stack.length - 1]!;
        const child = frame.next;
        if (child) {
          frame.next = child.nextElementSibling;
          if (!skipped(child)) stack.push(frameOf(child));
          continue;
        }
        if (frame.light) {
          frame.next = frame.light;
          frame.light = null;
          continue;
        }
        stack.pop();
        const { element, holdsBlock, host } = frame;
        const isBlock = !host && BLOCK_TAGS.has(element.localName);
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
  return (
    SKIP_TAGS.has(element.localName) || element.localName === OWN_UI || hiddenOrEditable(element)
  );
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

/**
 * A run of whitespace that is not one plain space: a run that starts with any other
 * whitespace character (`\s` less the space), or a space and more. The same result as
 * replacing every `\s+` with a space, but the single spaces between words, nearly all the
 * matches of `\s+`, are not matches here: on a 10,000-word article the replacement took a
 * third of the time.
 */
const UNEVEN_WHITESPACE =
  /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]\s*| \s+/g;

/** Every run of whitespace as one space, none at either end. */
export function normaliseWhitespace(text: string): string {
  return text.replace(UNEVEN_WHITESPACE, ' ').trim();
}
