import { beforeAll, describe, expect, it, vi } from 'vitest';
import { compilePrefilter, prefilterFromJSON, type Prefilter } from '@/lib/detect';
import { extractBlocks } from '@/lib/page/blocks';
import type { ArticleHandoff } from '@/lib/page/handoff';
import { watchForTopic } from '@/lib/page/stage1';
import { bundledDetector } from '../../fixtures/detect/detector';
import { articleDocument } from './fixtures';

let prefilter: Prefilter;
beforeAll(() => {
  prefilter = prefilterFromJSON(compilePrefilter(bundledDetector()));
});

const RELEVANT = 'Russia has deported thousands of Ukrainian children from occupied territories.';
const OFF = 'Rinse the lentils and soften an onion in olive oil; children like it with bread.';

const page = (paragraphs: string[]) => articleDocument('Kitchen notes', paragraphs);

const settle = () => new Promise((r) => setTimeout(r, 30));

/**
 * Watches `doc` with the bundled pre-filter, short batches and these options; `verdicts`
 * are what the closer looks find, in turn (each hands over, by default).
 */
function watchPage(doc: Document, options: { recheckMs?: number; verdicts?: boolean[] } = {}) {
  const { verdicts, ...rest } = options;
  const onTopic = vi.fn(async (_article: ArticleHandoff) => verdicts?.shift() ?? true);
  const signal = new AbortController().signal;
  const watch = watchForTopic(doc, { prefilter, onTopic, signal, batchMs: 1, ...rest });
  return { watch, onTopic };
}

describe('watchForTopic (stage 1)', () => {
  it('passes at once on a page about the topic', async () => {
    const onTopic = vi.fn(async (_article: ArticleHandoff) => true);
    const watch = watchForTopic(page([RELEVANT]), {
      prefilter,
      onTopic,
      signal: new AbortController().signal,
    });
    expect(onTopic).toHaveBeenCalledTimes(1);
    // Handed over once `onTopic` says so.
    expect(watch.passed).toBe(false);
    await settle();
    expect(watch.passed).toBe(true);
  });

  it('goes on watching when the closer look finds nothing, and looks again at new text', async () => {
    const doc = page([RELEVANT]);
    const { watch, onTopic } = watchPage(doc, { recheckMs: 20, verdicts: [false, true] });
    await settle();
    expect(onTopic).toHaveBeenCalledTimes(1);
    expect(watch.passed).toBe(false);
    // Text without topic words does not trigger another look.
    const off = doc.createElement('p');
    off.textContent = 'The weather stayed mild.';
    doc.querySelector('article')!.append(off);
    await new Promise((r) => setTimeout(r, 80));
    expect(onTopic).toHaveBeenCalledTimes(1);
    // Topic words added later are looked at again once the page is quiet.
    const more = doc.createElement('p');
    more.textContent = RELEVANT;
    doc.querySelector('article')!.append(more);
    await new Promise((r) => setTimeout(r, 120));
    expect(onTopic).toHaveBeenCalledTimes(2);
    expect(watch.passed).toBe(true);
  });

  it('waits longer before each new look at a page where the last one found nothing', async () => {
    const doc = page([RELEVANT]);
    const { onTopic } = watchPage(doc, { recheckMs: 100, verdicts: [false, false, false] });
    await settle();
    expect(onTopic).toHaveBeenCalledTimes(1);
    const append = () => {
      const more = doc.createElement('p');
      more.textContent = RELEVANT;
      doc.querySelector('article')!.append(more);
    };
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // After one look that found nothing, the page must be quiet 200 ms, not 100.
    append();
    await wait(150);
    expect(onTopic).toHaveBeenCalledTimes(1);
    await wait(300);
    expect(onTopic).toHaveBeenCalledTimes(2);
    // After two, 400 ms.
    append();
    await wait(300);
    expect(onTopic).toHaveBeenCalledTimes(2);
    await wait(400);
    expect(onTopic).toHaveBeenCalledTimes(3);
  });

  it('never looks twice at once: a navigation during a look is checked after it', async () => {
    const doc = page([RELEVANT]);
    let answer: (handedOver: boolean) => void = () => {};
    const onTopic = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const watch = watchForTopic(doc, { prefilter, onTopic, signal: new AbortController().signal });
    watch.recheck();
    expect(onTopic).toHaveBeenCalledTimes(1);
    answer(false);
    await settle();
    expect(onTopic).toHaveBeenCalledTimes(2);
    answer(true);
    await settle();
    expect(watch.passed).toBe(true);
  });

  it('hands over the walk of the blocks that decided it, for stage 2 to carry on', () => {
    const doc = page([OFF, RELEVANT, OFF, OFF]);
    const onTopic = vi.fn(async (_article: ArticleHandoff) => true);
    watchForTopic(doc, { prefilter, onTopic, signal: new AbortController().signal });
    const article = onTopic.mock.calls[0]![0];
    expect(article.root.tagName).toBe('ARTICLE');
    expect(article.walker.blocks.map((b) => b.text)).toContain(RELEVANT);
    // Carried on, the walk gives every block, as a walk from the start would.
    article.walker.step(Infinity);
    expect(article.walker.blocks.map((b) => b.text)).toEqual(
      extractBlocks(doc, article.root).map((b) => b.text),
    );
  });

  it('stays quiet on an off-topic page, and passes when topic text is added later', async () => {
    const doc = page([OFF, OFF]);
    const { watch, onTopic } = watchPage(doc);
    expect(onTopic).not.toHaveBeenCalled();
    const more = doc.createElement('p');
    more.textContent = OFF;
    doc.querySelector('article')!.append(more);
    await settle();
    expect(onTopic).not.toHaveBeenCalled();
    const news = doc.createElement('p');
    news.textContent = RELEVANT;
    doc.querySelector('article')!.append(news);
    await settle();
    expect(onTopic).toHaveBeenCalledTimes(1);
    expect(watch.passed).toBe(true);
  });

  it('on a page without child words, reads added text and then the blocks as they are', async () => {
    // No child or strong stem: the page's other groups are not read, and taken as there.
    const doc = page(['Rinse the lentils and soften an onion in olive oil.']);
    const { onTopic } = watchPage(doc, { recheckMs: 1 });
    const taken = doc.createElement('p');
    taken.textContent = 'The children were taken away last spring.';
    doc.querySelector('article')!.append(taken);
    await settle();
    // A child word near an action word, but no place anywhere: the blocks say no.
    expect(onTopic).not.toHaveBeenCalled();
    const place = doc.createElement('p');
    place.textContent = 'Officials in Ukraine said more on Monday.';
    doc.querySelector('article')!.append(place);
    await settle();
    expect(onTopic).toHaveBeenCalledTimes(1);
  });

  it('adds up words that arrive in different mutations', async () => {
    const doc = page([OFF]);
    const onTopic = vi.fn(async (_article: ArticleHandoff) => true);
    const signal = new AbortController().signal;
    watchForTopic(doc, { prefilter, onTopic, signal, batchMs: 1, recheckMs: 1 });
    const a = doc.createElement('p');
    a.textContent = 'The children were taken away last spring.';
    doc.body.append(a);
    await settle();
    expect(onTopic).not.toHaveBeenCalled();
    const b = doc.createElement('p');
    b.textContent = 'Officials in Ukraine said more on Monday.';
    doc.body.append(b);
    await settle();
    expect(onTopic).toHaveBeenCalledTimes(1);
  });

  it('reads the whole page again when a child word and an action word arrive apart', async () => {
    const doc = page(['Officials in Ukraine spoke on Monday.']);
    const onTopic = vi.fn(async (_article: ArticleHandoff) => true);
    const options = { prefilter, onTopic, signal: new AbortController().signal, batchMs: 1 };
    watchForTopic(doc, { ...options, recheckMs: 150 });
    const paragraph = doc.createElement('p');
    doc.querySelector('article')!.append(paragraph);
    paragraph.append('The children');
    await settle();
    paragraph.append(' were taken away last spring.');
    await settle();
    // Each text alone has no child word near an action word; together they do.
    expect(onTopic).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 300));
    expect(onTopic).toHaveBeenCalledTimes(1);
  });

  it('passes where the markup runs a heading into a paragraph that starts with the topic', () => {
    // No white space between the two elements: `textContent` reads "UkraineChildren".
    const doc = document.implementation.createHTMLDocument('Latest');
    doc.body.innerHTML =
      '<article><h2>War in Ukraine</h2><p>Children were deported to Russia from Kherson.</p></article>';
    expect(doc.querySelector('article')!.textContent).toContain('UkraineChildren');
    const { onTopic } = watchPage(doc);
    expect(onTopic).toHaveBeenCalledTimes(1);
  });

  it('does not pass on a child word far from any action word', () => {
    const filler = Array.from({ length: 80 }, (_, k) => `word${k}`).join(' ');
    const onTopic = vi.fn(async (_article: ArticleHandoff) => true);
    watchForTopic(page([`In Ukraine the children sang. ${filler} The parcel was taken away.`]), {
      prefilter,
      onTopic,
      signal: new AbortController().signal,
    });
    expect(onTopic).not.toHaveBeenCalled();
    watchForTopic(page([`In Ukraine the children sang and were taken away. ${filler}`]), {
      prefilter,
      onTopic,
      signal: new AbortController().signal,
    });
    expect(onTopic).toHaveBeenCalledTimes(1);
  });

  it('does not hand over when the words lie in different paragraphs, until one holds them', async () => {
    // The whole text has a child word next to an action word and a place word, but no
    // paragraph holds them as the rules need.
    const doc = page([
      'Russia said the talks were over.',
      'The children sang.',
      'Goods were deported.',
    ]);
    const { watch, onTopic } = watchPage(doc, { recheckMs: 20 });
    expect(onTopic).not.toHaveBeenCalled();
    const paragraph = doc.createElement('p');
    paragraph.textContent = 'The children were deported.';
    doc.querySelector('article')!.append(paragraph);
    await new Promise((r) => setTimeout(r, 120));
    expect(onTopic).toHaveBeenCalledTimes(1);
    expect(watch.passed).toBe(true);
  });

  it('ignores what the reader types into an editor', async () => {
    const doc = page([OFF]);
    const editor = doc.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    doc.body.append(editor);
    const onTopic = vi.fn(async (_article: ArticleHandoff) => true);
    watchForTopic(doc, { prefilter, onTopic, signal: new AbortController().signal, batchMs: 1 });
    const typed = doc.createElement('p');
    typed.textContent = RELEVANT;
    editor.append(typed);
    await settle();
    expect(onTopic).not.toHaveBeenCalled();
  });

  it('checks the whole article again after a navigation, and stops when aborted', async () => {
    const doc = page([OFF]);
    const onTopic = vi.fn(async (_article: ArticleHandoff) => true);
    const controller = new AbortController();
    const watch = watchForTopic(doc, { prefilter, onTopic, signal: controller.signal, batchMs: 1 });
    // A single-page app swaps the story without a mutation we would see as added text.
    doc.querySelector('p')!.firstChild!.nodeValue = RELEVANT;
    watch.recheck();
    expect(onTopic).toHaveBeenCalledTimes(1);

    const other = page([OFF]);
    const quiet = vi.fn();
    const stop = new AbortController();
    watchForTopic(other, { prefilter, onTopic: quiet, signal: stop.signal, batchMs: 1 });
    stop.abort();
    const news = other.createElement('p');
    news.textContent = RELEVANT;
    other.body.append(news);
    await settle();
    expect(quiet).not.toHaveBeenCalled();
  });
});
