import { describe, expect, it, vi } from 'vitest';
import type { DetectorInputs } from '@/lib/db/detector-inputs';
import { Lexicon } from '@/lib/dataset/lexicon';
import { createPublisher, detectorItem, prefilterItem } from '@/lib/detector-store';
import { bundledLexicons } from '../../fixtures/detect/lexicons';

/** The bundled lexicons, English knowing one more word for children. */
function upgradedLexicons() {
  return bundledLexicons.map((lexicon) =>
    lexicon.lang === 'en'
      ? Lexicon.parse({ ...lexicon, child: [...lexicon.child, 'juvenile*'] })
      : lexicon,
  );
}

describe('publishing the detector, one run at a time', () => {
  const inputs = (key: string, lexicons = bundledLexicons): DetectorInputs => ({
    datasetKey: key,
    lexicons,
    figures: [],
  });

  it('two triggers at once compile once; a trigger during a run gets a run of its own after it', async () => {
    let current = inputs('v1#a');
    const read = vi.fn(async () => current);
    const publish = createPublisher(read);
    const [a, b, c] = await Promise.all([publish(), publish(), publish()]);
    expect(a).toBe('published');
    // The calls made during the first run share one more run, which finds it current.
    expect([b, c]).toEqual(['unchanged', 'unchanged']);
    expect(read).toHaveBeenCalledTimes(2);
    expect((await detectorItem.getValue())?.datasetKey).toBe('v1#a');

    // New data written while a run is under way: the later caller's run reads it.
    const first = publish();
    current = inputs('v2#b', upgradedLexicons());
    const second = publish();
    expect(await first).toBe('unchanged');
    expect(await second).toBe('published');
    expect((await prefilterItem.getValue())?.datasetKey).toBe('v2#b');
    expect((await detectorItem.getValue())?.datasetKey).toBe('v2#b');
  });

  it('a failed run does not stop the next one', async () => {
    const read = vi
      .fn<() => Promise<DetectorInputs>>()
      .mockRejectedValueOnce(new Error('database closed'))
      .mockResolvedValue(inputs('v3#c'));
    const publish = createPublisher(read);
    const failed = publish();
    const next = publish();
    await expect(failed).rejects.toThrow('database closed');
    expect(await next).toBe('published');
    expect(await publish()).toBe('unchanged');
  });
});
