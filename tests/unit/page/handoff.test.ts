import { describe, expect, it, vi } from 'vitest';
import { createBlockWalker, extractBlocks } from '@/lib/page/blocks';
import { forgetArticle, leaveArticle, leaveJudgement, takeArticle } from '@/lib/page/handoff';
import { articleDocument } from './fixtures';

const texts = ['First paragraph.', 'Second paragraph.', 'Third paragraph.'];

/** A page whose walk stage 1 started (one element walked) and left in `world`. */
function leftPage() {
  const doc = articleDocument('News', texts);
  const root = doc.querySelector('article')!;
  const walker = createBlockWalker(root);
  walker.step(2);
  const world = {};
  leaveArticle(world, root, walker);
  return { doc, root, walker, world };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('leaving the block walk for stage 2', () => {
  it('hands the walk over once, and carried on it reads every block', async () => {
    const { doc, root, walker, world } = leftPage();
    await flush();
    const taken = takeArticle(world)!;
    expect(taken.root).toBe(root);
    expect(taken.walker).toBe(walker);
    taken.walker.step(Infinity);
    expect(taken.walker.blocks.map((b) => b.text)).toEqual(
      extractBlocks(doc, root).map((b) => b.text),
    );
    expect(takeArticle(world)).toBeNull();
  });

  it('drops it when the page changed in between, even before the change is delivered', () => {
    const { doc, world } = leftPage();
    const p = doc.createElement('p');
    p.textContent = 'Added later.';
    doc.querySelector('article')!.append(p);
    expect(takeArticle(world)).toBeNull();
  });

  it('drops it after a text edit, an attribute the walk reads, or the root leaving', async () => {
    const edit = leftPage();
    edit.doc.querySelector('p')!.firstChild!.nodeValue = 'Edited.';
    await flush();
    expect(takeArticle(edit.world)).toBeNull();

    const hidden = leftPage();
    hidden.doc.querySelectorAll('p')[2]!.setAttribute('hidden', '');
    expect(takeArticle(hidden.world)).toBeNull();

    const gone = leftPage();
    gone.root.remove();
    expect(takeArticle(gone.world)).toBeNull();
  });

  it('keeps it when only code comes and goes (the walk skips code)', async () => {
    const { doc, world } = leftPage();
    const script = doc.createElement('script');
    script.textContent = 'window.analytics = 1;';
    doc.body.append(script);
    doc.querySelector('article')!.append(doc.createElement('style'));
    script.remove();
    await flush();
    expect(takeArticle(world)).not.toBeNull();
  });

  it('gives nothing once forgotten, and stops watching the page', () => {
    const { world } = leftPage();
    const left = (world as Record<string, { observer: MutationObserver }>)
      .__contextCardsArticleWalk!;
    const disconnect = vi.spyOn(left.observer, 'disconnect');
    forgetArticle(world);
    expect(disconnect).toHaveBeenCalled();
    expect(takeArticle(world)).toBeNull();
  });

  it('has nothing to give when nothing was left, and a later walk replaces an earlier one', () => {
    expect(takeArticle({})).toBeNull();
    const { root, world } = leftPage();
    const later = createBlockWalker(root);
    leaveArticle(world, root, later);
    expect(takeArticle(world)!.walker).toBe(later);
  });

  it("hands over the background's answer to the check of the walk, beside it, and only with it", async () => {
    const { world } = leftPage();
    const judgement = { title: 'News', answer: Promise.resolve({ ok: true }) };
    leaveJudgement(world, judgement);
    expect(takeArticle(world)!.judgement).toBe(judgement);
    // No walk left (taken, or dropped as stale): the answer has nothing to go with.
    leaveJudgement(world, judgement);
    expect(takeArticle(world)).toBeNull();
    const stale = leftPage();
    leaveJudgement(stale.world, judgement);
    stale.doc.querySelector('p')!.append(' edited');
    expect(takeArticle(stale.world)).toBeNull();
  });
});
