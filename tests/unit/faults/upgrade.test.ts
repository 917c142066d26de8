import { describe, expect, it, vi } from 'vitest';
import { compileDetector, compilePrefilter, prefilterFromJSON } from '@/lib/detect';
import { watchForTopic } from '@/lib/page/stage1';
import { Lexicon } from '@/lib/dataset/lexicon';
import { bundledLexicons } from '../../fixtures/detect/lexicons';
import { articleDocument } from '../page/fixtures';

/** The bundled lexicons, English knowing one more word for children. */
function upgradedLexicons() {
  return bundledLexicons.map((lexicon) =>
    lexicon.lang === 'en'
      ? Lexicon.parse({ ...lexicon, child: [...lexicon.child, 'juvenile*'] })
      : lexicon,
  );
}

const prefilterOf = (lexicons: typeof bundledLexicons) =>
  prefilterFromJSON(compilePrefilter(compileDetector(lexicons, [])));

const STORY =
  'Officials in Kyiv say thousands of juveniles were transferred from occupied areas since 2022.';

describe('a dataset upgrade while a page is open (stage 1)', () => {
  it('a page off the topic under the old pre-filter is checked again with the new one', async () => {
    const onTopic = vi.fn(async () => true);
    const watch = watchForTopic(articleDocument('Families wait', [STORY]), {
      prefilter: prefilterOf(bundledLexicons),
      onTopic,
      signal: new AbortController().signal,
    });
    expect(onTopic).not.toHaveBeenCalled();
    watch.setPrefilter(prefilterOf(upgradedLexicons()));
    expect(onTopic).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(watch.passed).toBe(true);
    // Once passed, stage 2 follows the data on its own: nothing more from stage 1.
    watch.setPrefilter(prefilterOf(bundledLexicons));
    expect(onTopic).toHaveBeenCalledTimes(1);
  });

  it('a stopped watch ignores a new pre-filter', () => {
    const onTopic = vi.fn(async () => true);
    const stop = new AbortController();
    const watch = watchForTopic(articleDocument('Families wait', [STORY]), {
      prefilter: prefilterOf(bundledLexicons),
      onTopic,
      signal: stop.signal,
    });
    stop.abort();
    watch.setPrefilter(prefilterOf(upgradedLexicons()));
    expect(onTopic).not.toHaveBeenCalled();
  });
});
