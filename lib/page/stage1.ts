/**
 * Stage 1 of the content script, run on every http(s) page: decides "no topic here" as
 * cheaply as it can, and hands over to stage 2 (engine, highlights, cards) the first time
 * the page has topic words. It reads the article's `textContent` once, then only the text
 * that mutations add; it never writes to the page and sends no message on its own (the
 * caller's `onTopic` is the only way out).
 */
import {
  PASS_GROUPS,
  RELEVANT_GROUPS,
  UNREAD_GROUPS,
  prefilterPasses,
  prefilterPassesApart,
  prefilterPassesBlocks,
  type Prefilter,
} from '@/lib/detect/prefilter';
import { readApartToo, readAroundStems } from '@/lib/detect/prefilter-around';
import { createBlockWalker, findArticle, walkedTexts } from './blocks';
import type { ArticleHandoff } from './handoff';
import { withoutCode } from './without-code';

export interface TopicWatchOptions {
  prefilter: Prefilter;
  /**
   * Called when the article's blocks pass the pre-filter, with the walk that decided it
   * (as far as it went). Resolves true when the page was handed over to stage 2 (watching
   * ends), false when it was not (a closer look found nothing relevant): the page is then
   * watched on, as one whose blocks did not pass. Never called again while a call is
   * pending.
   */
  onTopic: (article: ArticleHandoff) => Promise<boolean>;
  /** Stops watching (the content script was invalidated). */
  signal: AbortSignal;
  /** How long added text is collected before it is checked (ms). */
  batchMs?: number;
  /**
   * How long the page must be quiet before its whole text is read again, when the words
   * the pre-filter needs arrived in different mutations and so were never seen together
   * (or arrived after a closer look found nothing: then twice as long after each look).
   */
  recheckMs?: number;
}

export interface TopicWatch {
  /** Checks the whole article again (after a single-page-app navigation). */
  recheck(): void;
  /**
   * Checks the whole article again with another pre-filter (a new dataset was published),
   * and goes on watching with it.
   */
  setPrefilter(next: Prefilter): void;
  /** True once `onTopic` has handed the page over. */
  readonly passed: boolean;
}

/** Text added in editors, inputs and hidden nodes is the reader's or invisible: skipped. */
function skippedTarget(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!element) return false;
  return (
    element.closest(
      '[contenteditable]:not([contenteditable="false"]),textarea,script,style,[aria-hidden="true"]',
    ) !== null
  );
}

/**
 * Checks the page now, then watches what mutations add. The groups found are OR-ed
 * together (text only ever adds groups); once the words the pre-filter needs have appeared
 * anywhere, the article's blocks are read, and the page passes when they hold those words
 * as the rules need them.
 */
export function watchForTopic(doc: Document, options: TopicWatchOptions): TopicWatch {
  const { onTopic, signal, batchMs = 250, recheckMs = 2000 } = options;
  let { prefilter } = options;
  let mask = 0;
  let passed = false;
  let observer: MutationObserver | null = null;
  let recheckTimer: ReturnType<typeof setTimeout> | null = null;
  // A call of `onTopic` is pending; a recheck that fell due meanwhile runs after it.
  let checking = false;
  // How long the page must be quiet before a recheck: doubled after each look that found
  // nothing (up to 32 times), so a live page that keeps adding topic words to a story
  // about something else is not read whole every few seconds.
  let quietMs = recheckMs;
  let recheckDue = false;
  let stop = () => {};

  // Whether the article's blocks were read since the page's text last passed: a page whose
  // words pass but whose blocks do not is read again only once it has been quiet.
  let blocksRead = false;

  /**
   * The page's words pass: read its blocks, as stage 2 would, and hand over only when they
   * pass too (`prefilterPassesBlocks`).
   */
  const confirm = (root: Element | null) => {
    blocksRead = true;
    if (!root) return;
    const walker = createBlockWalker(root);
    if (!prefilterPassesBlocks(prefilter, doc.title, walkedTexts(walker))) return;
    checking = true;
    onTopic({ root, walker }).then(
      (handedOver) => {
        checking = false;
        if (handedOver) {
          passed = true;
          stop();
          return;
        }
        quietMs = Math.min(quietMs * 2, recheckMs * 32);
        if (recheckDue && !signal.aborted) {
          recheckDue = false;
          checkAll();
        }
      },
      () => {
        checking = false;
      },
    );
  };
  /** Checks the whole article now, or once the pending look is done. */
  const recheckAll = () => {
    if (passed || signal.aborted) return;
    if (checking) recheckDue = true;
    else checkAll();
  };
  /**
   * Checks one text; the groups it holds. The page's whole text (`whole`) without a child
   * or strong stem is not read unit by unit: its other groups are taken as there. Nor is
   * such a text added later while every other group is taken as there and no child or
   * strong word has been seen (the page's whole text was such a text): reading it could
   * add nothing to the groups, nor make the page pass or be read again. Such a text with
   * a few of those stems is read only around them (see `readAroundStems`).
   */
  const add = (text: string, root?: Element | null, whole = false): number => {
    if (passed || text.length === 0) return 0;
    const unreadSoFar = (mask & UNREAD_GROUPS) === UNREAD_GROUPS && (mask & RELEVANT_GROUPS) === 0;
    // Words the markup ran together are read apart too (see `wordsApart`); the quick look
    // finds stems anywhere, inside such words too, and reads them apart around them.
    const around = whole || unreadSoFar ? readAroundStems(prefilter, text) : null;
    const found = around ?? readApartToo(prefilter, text, 0, mask);
    mask |= found;
    if (prefilterPasses(mask) && !blocksRead)
      confirm(root === undefined ? (findArticle(doc)?.element ?? null) : root);
    return found;
  };
  const checkAll = () => {
    mask = 0;
    blocksRead = false;
    const article = findArticle(doc);
    add(`${doc.title}\n${article?.text ?? ''}`, article?.element ?? null, true);
  };

  checkAll();
  const root = doc.body ?? doc.documentElement;
  if (!passed && root && !signal.aborted) {
    let pending: Node[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const nodes = pending;
      pending = [];
      let added = 0;
      for (const node of nodes) {
        if (passed) return;
        if (!node.isConnected || skippedTarget(node)) continue;
        const text = node.textContent ?? '';
        added |= add(node.nodeType === 1 ? withoutCode(node as Element, text) : text);
      }
      // Words a pass needs arrived, and the page now holds every group, but the texts were
      // checked apart (how near its child and action words are is not known): read the
      // page whole once it is quiet.
      if (!passed && (added & PASS_GROUPS) !== 0 && prefilterPassesApart(mask)) {
        if (recheckTimer !== null) clearTimeout(recheckTimer);
        recheckTimer = setTimeout(() => {
          recheckTimer = null;
          recheckAll();
        }, quietMs);
      }
    };
    observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') pending.push(record.target);
        else for (const node of Array.from(record.addedNodes)) pending.push(node);
      }
      if (pending.length > 0 && timer === null) timer = setTimeout(flush, batchMs);
    });
    observer.observe(root, { childList: true, characterData: true, subtree: true });
    stop = () => {
      observer?.disconnect();
      if (timer !== null) clearTimeout(timer);
      if (recheckTimer !== null) clearTimeout(recheckTimer);
    };
    signal.addEventListener('abort', () => stop());
  }

  return {
    recheck: recheckAll,
    setPrefilter(next) {
      prefilter = next;
      recheckAll();
    },
    get passed() {
      return passed;
    },
  };
}
