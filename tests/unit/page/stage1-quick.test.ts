import { beforeAll, describe, expect, it, vi } from 'vitest';
import { compilePrefilter, prefilterFromJSON, type Prefilter } from '@/lib/detect';
import type * as prefilterModule from '@/lib/detect/prefilter';
import { runPrefilterMask } from '@/lib/detect/prefilter';
import type { ArticleHandoff } from '@/lib/page/handoff';
import { watchForTopic } from '@/lib/page/stage1';
import { bundledDetector } from '../../fixtures/detect/detector';
import { articleDocument } from './fixtures';

// Stage 1's reading one code unit at a time, counted: the quick look must spare it.
vi.mock('@/lib/detect/prefilter', async (importOriginal) => {
  const real = await importOriginal<typeof prefilterModule>();
  return { ...real, runPrefilterMask: vi.fn(real.runPrefilterMask) };
});
const reads = vi.mocked(runPrefilterMask);

let prefilter: Prefilter;
beforeAll(() => {
  prefilter = prefilterFromJSON(compilePrefilter(bundledDetector()));
});

const settle = () => new Promise((r) => setTimeout(r, 30));

function watch(paragraphs: string[]) {
  const doc = articleDocument('Kitchen notes', paragraphs);
  const onTopic = vi.fn(async (_article: ArticleHandoff) => true);
  const signal = new AbortController().signal;
  watchForTopic(doc, { prefilter, onTopic, signal, batchMs: 1, recheckMs: 1 });
  const append = (text: string) => {
    const p = doc.createElement('p');
    p.textContent = text;
    doc.querySelector('article')!.append(p);
  };
  return { onTopic, append };
}

describe('stage 1 on a page whose text holds no child or strong stem', () => {
  it('does not read it, nor text added later that holds none either', async () => {
    reads.mockClear();
    const { onTopic, append } = watch(['Rinse the lentils and soften an onion in olive oil.']);
    expect(reads).not.toHaveBeenCalled();
    append('Officials in Ukraine said the road will reopen on Monday.');
    await settle();
    expect(reads).not.toHaveBeenCalled();
    // A child word is read, and with the place taken as there, the blocks decide.
    append('The children were taken away to Russia last spring.');
    await settle();
    expect(reads).toHaveBeenCalled();
    expect(onTopic).toHaveBeenCalledTimes(1);
  });

  it('reads added text once a child word has been seen', async () => {
    const { onTopic, append } = watch(['Rinse the lentils; the children like it with bread.']);
    reads.mockClear();
    append('Officials said the road will reopen on Monday.');
    await settle();
    expect(reads).toHaveBeenCalled();
    expect(onTopic).not.toHaveBeenCalled();
  });

  it('reads added text that is not plain (Cyrillic), which native search cannot look through', async () => {
    const { append } = watch(['Rinse the lentils and soften an onion in olive oil.']);
    reads.mockClear();
    append('Дорогу відкриють у понеділок.');
    await settle();
    expect(reads).toHaveBeenCalled();
  });
});
