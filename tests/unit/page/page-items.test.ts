import { beforeAll, describe, expect, it } from 'vitest';
import { detectBlocks, type CompiledDetector } from '@/lib/detect';
import { verdictOf } from '@/lib/messages/detect-blocks';
import { bundledDetector } from '../../fixtures/detect/detector';
import { extractBlocks } from '@/lib/page/blocks';
import { anchorItems } from '@/lib/page/page-items';

let detector: CompiledDetector;
beforeAll(() => {
  detector = bundledDetector();
});

const SENTENCE =
  'Russia has deported thousands of <b>Ukrainian</b> children from occupied territories.';

// The test window's own document: happy-dom's ranges misbehave in created documents.
function scan() {
  const root = document.querySelector('article')!;
  const blocks = extractBlocks(document, root);
  return { blocks, results: detectBlocks(detector, blocks).map(verdictOf) };
}

describe('anchorItems', () => {
  it('anchors every annotation of the same passage, each with its own key', () => {
    document.body.innerHTML = `<article><p>${SENTENCE}</p><p>${SENTENCE}</p></article>`;
    const { blocks, results } = scan();
    const items = anchorItems(blocks, results);
    const perBlock = results[0]!.annotations.length;
    expect(perBlock).toBeGreaterThan(0);
    expect(items).toHaveLength(2 * perBlock);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    expect(items[0]!.contentKey).toBe(items[perBlock]!.contentKey);
  });

  it('keeps anchoring a block whose inside was re-rendered with the same text', () => {
    document.body.innerHTML = `<article><p>${SENTENCE}</p></article>`;
    const first = scan();
    const before = anchorItems(first.blocks, first.results);
    // A framework replaces the paragraph's nodes with new ones holding the same text.
    const p = document.querySelector('p')!;
    p.innerHTML = SENTENCE;
    const again = scan();
    const after = anchorItems(again.blocks, again.results);
    expect(after.map((i) => i.key)).toEqual(before.map((i) => i.key));
    for (const item of after) {
      expect(item.range.startContainer.isConnected).toBe(true);
      expect(item.range.toString()).toBe(item.annotation.quote);
    }
  });

  it('leaves out dismissed passages and blocks whose text changed after they were read', () => {
    document.body.innerHTML = `<article><p>${SENTENCE}</p></article>`;
    const { blocks, results } = scan();
    const all = anchorItems(blocks, results);
    const dismissed = new Set([all[0]!.contentKey]);
    expect(anchorItems(blocks, results, dismissed)).toHaveLength(all.length - 1);
    document.querySelector('p')!.append(' More text.');
    expect(anchorItems(blocks, results)).toEqual([]);
  });
});
