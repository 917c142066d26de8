import { describe, expect, it } from 'vitest';
import { createBlockWalker, extractBlocks } from '@/lib/page/blocks';
import { MAX_CHECK_CHARS } from '@/lib/page/limits';
import { readArticle } from '@/lib/page/page-check';
import { articleDocument } from './fixtures';

const RELEVANT = 'Russia has deported thousands of Ukrainian children from occupied territories.';
const OFF = 'The weather in the capital was mild on Sunday.';

/** A clock that moves 5 ms at every reading, and counts the pauses taken. */
function ticking() {
  let t = 0;
  let pauses = 0;
  return {
    now: () => (t += 5),
    later: (callback: () => void) => {
      pauses++;
      setTimeout(callback, 0);
    },
    pauses: () => pauses,
  };
}

describe('readArticle (stage 1)', () => {
  it("walks the rest of the article in slices and gives every block's text, as stage 2 reads them", async () => {
    const paragraphs = Array.from({ length: 600 }, (_, i) => (i % 100 === 50 ? RELEVANT : OFF));
    const doc = articleDocument('Notes', paragraphs);
    const root = doc.querySelector('article');
    const walker = createBlockWalker(root);
    walker.step(10);
    const clock = ticking();
    const check = await readArticle(doc, walker, {
      signal: new AbortController().signal,
      now: clock.now,
      later: clock.later,
    });
    expect(check).toEqual({
      title: doc.title,
      blocks: extractBlocks(doc, root).map((b) => b.text),
    });
    expect(check!.blocks).toHaveLength(600);
    // 600 paragraphs at 200 elements a step, a pause whenever the 8 ms slice is used.
    expect(clock.pauses()).toBeGreaterThan(0);
  });

  it('gives nothing when stopped, or when the page is too big for one check', async () => {
    const doc = articleDocument(
      'Notes',
      Array.from({ length: 500 }, () => OFF),
    );
    const stopped = new AbortController();
    stopped.abort();
    const clock = ticking();
    const walker = createBlockWalker(doc.querySelector('article'));
    expect(
      await readArticle(doc, walker, {
        signal: stopped.signal,
        now: clock.now,
        later: clock.later,
      }),
    ).toBeNull();

    const long = 'The weather in the capital was mild. '.repeat(500);
    const huge = articleDocument(
      'Notes',
      Array.from({ length: Math.ceil(MAX_CHECK_CHARS / long.length) + 2 }, () => long),
    );
    const hugeWalker = createBlockWalker(huge.querySelector('article'));
    expect(
      await readArticle(huge, hugeWalker, { signal: new AbortController().signal }),
    ).toBeNull();
  });
});
