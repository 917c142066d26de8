/**
 * Stage 1 walks the article's blocks to decide that a page is about the topic, and stage 2
 * walked them again as soon as it started: on the slowest real pages the same walk twice
 * (wikipedia-2: about 20 ms in each stage). Both run in the content script's isolated
 * world, so stage 1 leaves its walk there, as far as it went, and stage 2 carries it on,
 * unless the page changed in between; then stage 2 reads the page afresh, as before.
 *
 * The page cannot see the isolated world's global object, so it can neither read nor
 * plant what is left there.
 */
import type { BlockWalker } from './blocks';

export interface ArticleHandoff {
  /** The article root the walk started from. */
  root: Element;
  /** The walk, with the blocks it found so far; `step` carries it on. */
  walker: BlockWalker;
  /** The background's judgement of the finished walk (its page check), if one was asked. */
  judgement?: Judgement | null;
}

/**
 * The background's answer to stage 1's check of the finished walk (`check-page`), which
 * carries the engine's verdicts on its blocks, and the title the check sent. Stage 1
 * never reads the answer: it leaves it here unread, and stage 2 validates it before
 * painting from it, instead of sending the same blocks to be judged a second time.
 */
export interface Judgement {
  title: string;
  answer: Promise<unknown>;
}

const KEY = '__contextCardsArticleWalk';

/**
 * Elements whose coming and going changes no block: code and embeds (the walk skips
 * them). Anything else added, removed or edited, and any change to the attributes the
 * walk or the root's choice reads, means the walk left behind may no longer be the page's.
 */
const INERT_TAGS = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'IFRAME']);
const WATCHED_ATTRIBUTES = ['hidden', 'aria-hidden', 'contenteditable', 'itemprop', 'role'];

interface Left extends ArticleHandoff {
  changed: boolean;
  observer: MutationObserver;
}

const inertNode = (node: Node) => node.nodeType === 1 && INERT_TAGS.has((node as Element).tagName);

function inert(record: MutationRecord): boolean {
  if (record.type === 'characterData')
    return INERT_TAGS.has(record.target.parentElement?.tagName ?? '');
  if (record.type !== 'childList') return false;
  return (
    Array.from(record.addedNodes).every(inertNode) &&
    Array.from(record.removedNodes).every(inertNode)
  );
}

/**
 * Leaves `walker` (started at `root`) in `world` for `takeArticle`, and watches the page
 * for a change that would make it stale. One walk at a time: a later one replaces it.
 */
export function leaveArticle(world: object, root: Element, walker: BlockWalker): void {
  dropLeft(world);
  const observer = new MutationObserver((records) => {
    if (records.every(inert)) return;
    left.changed = true;
    observer.disconnect();
  });
  const left: Left = { root, walker, changed: false, observer };
  const doc = root.ownerDocument;
  const options: MutationObserverInit = {
    childList: true,
    characterData: true,
    subtree: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  };
  observer.observe(doc.body ?? doc.documentElement, options);
  for (const shadow of walker.shadowRoots) observer.observe(shadow, options);
  (world as Record<string, unknown>)[KEY] = left;
}

/**
 * The walk stage 1 left, once: null when there is none, or when the page changed since
 * (changes not yet delivered to the observer count too) or the root left the document.
 */
export function takeArticle(world: object): ArticleHandoff | null {
  const left = dropLeft(world);
  if (!left || left.changed || !left.root.isConnected) return null;
  return { root: left.root, walker: left.walker, judgement: left.judgement ?? null };
}

/** Leaves the background's answer to the check of the walk left in `world` beside it. */
export function leaveJudgement(world: object, judgement: Judgement): void {
  const left = (world as Record<string, unknown>)[KEY] as Left | undefined;
  if (left) left.judgement = judgement;
}

/**
 * Drops the walk left in `world`, and stops watching the page for it: stage 2 is not
 * coming (the background found nothing relevant), so the walk's texts are not kept.
 */
export function forgetArticle(world: object): void {
  dropLeft(world);
}

function dropLeft(world: object): Left | null {
  const store = world as Record<string, unknown>;
  const left = (store[KEY] as Left | undefined) ?? null;
  delete store[KEY];
  if (!left) return null;
  if (!left.observer.takeRecords().every(inert)) left.changed = true;
  left.observer.disconnect();
  return left;
}

const STAGE2_KEY = '__contextCardsStage2';

/**
 * Marks stage 2 as running in `world` (the isolated world), once: false when it already
 * was (a second injection into the same document does nothing).
 */
export function markStage2(world: object): boolean {
  const store = world as Record<string, unknown>;
  if (store[STAGE2_KEY]) return false;
  store[STAGE2_KEY] = true;
  return true;
}

/** Whether stage 2 runs in `world`: stage 1 knows the page was handed over. */
export function stage2Running(world: object): boolean {
  return (world as Record<string, unknown>)[STAGE2_KEY] === true;
}
