import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import type { DetectorInputs } from '@/lib/db/detector-inputs';
import { createDetectorCache } from '@/lib/detector-store/cache';
import { detectorItem, publishDetector } from '@/lib/detector-store';

const dataset = loadBundledDataset();
const inputs = (datasetKey: string): DetectorInputs => ({
  datasetKey,
  lexicons: dataset.lexicon,
  figures: dataset.figures.map(({ series, value, asOf }) => ({ series, value, asOf })),
});

describe("the background's detector cache", () => {
  it('is null with nothing published, and tries again once a detector is', async () => {
    const detector = createDetectorCache();
    expect(await detector()).toBeNull();
    await publishDetector(async () => inputs('v1#abc'));
    expect(await detector()).not.toBeNull();
  });

  it('hydrates once per dataset, and follows a newly published one', async () => {
    await publishDetector(async () => inputs('v1#abc'));
    const detector = createDetectorCache();
    const first = await detector();
    expect(await detector()).toBe(first);
    await publishDetector(async () => inputs('v2#def'));
    const second = await detector();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
  });

  it('keeps nothing when the stored detector is of another dataset than the pre-filter', async () => {
    await publishDetector(async () => inputs('v1#abc'));
    const published = (await detectorItem.getValue())!;
    await detectorItem.setValue({ ...published, datasetKey: 'other' });
    const detector = createDetectorCache();
    expect(await detector()).toBeNull();
    await detectorItem.setValue(published);
    expect(await detector()).not.toBeNull();
  });
});
