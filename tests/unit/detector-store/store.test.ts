import { describe, expect, it, vi } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import type { DetectorInputs } from '@/lib/db/detector-inputs';
import { runPrefilter } from '@/lib/detect';
import {
  DETECTOR_FORMAT,
  detectorItem,
  loadPublishedDetector,
  loadPublishedPrefilter,
  prefilterItem,
  publishDetector,
} from '@/lib/detector-store';

const dataset = loadBundledDataset();
const inputs = (datasetKey: string | null): DetectorInputs => ({
  datasetKey,
  lexicons: dataset.lexicon,
  figures: dataset.figures.map(({ series, value, asOf }) => ({ series, value, asOf })),
});

describe('publishing the detector', () => {
  it('publishes detector and pre-filter for a dataset, once', async () => {
    expect(await publishDetector(async () => inputs('v1#abc'))).toBe('published');
    expect((await detectorItem.getValue())?.datasetKey).toBe('v1#abc');
    expect((await prefilterItem.getValue())?.datasetKey).toBe('v1#abc');
    expect(await publishDetector(async () => inputs('v1#abc'))).toBe('unchanged');
    expect(await publishDetector(async () => inputs('v2#def'))).toBe('published');
    expect((await prefilterItem.getValue())?.datasetKey).toBe('v2#def');
  });

  it('publishes nothing without a stored dataset', async () => {
    expect(await publishDetector(async () => inputs(null))).toBe('no-dataset');
    expect(await detectorItem.getValue()).toBeNull();
  });

  it('republishes what an older compiler format wrote', async () => {
    await publishDetector(async () => inputs('v1#abc'));
    const old = (await prefilterItem.getValue())!;
    await prefilterItem.setValue({ ...old, format: DETECTOR_FORMAT - 1 });
    expect(await publishDetector(async () => inputs('v1#abc'))).toBe('published');
  });

  it('republishes a pre-filter that no longer reads as one, for the same dataset', async () => {
    await publishDetector(async () => inputs('v1#abc'));
    const stored = (await prefilterItem.getValue())!;
    const damaged = { ...stored, prefilter: { ...stored.prefilter, plainStems: 7 } };
    await prefilterItem.setValue(damaged as unknown as typeof stored);
    expect(await publishDetector(async () => inputs('v1#abc'))).toBe('published');
    expect(await prefilterItem.getValue()).toEqual(stored);
  });
});

describe('loading in a content script', () => {
  it('asks the background to publish when nothing is published yet', async () => {
    const ensure = vi.fn(() => publishDetector(async () => inputs('v1#abc')));
    const loaded = await loadPublishedPrefilter(ensure);
    expect(ensure).toHaveBeenCalledTimes(1);
    expect(loaded?.datasetKey).toBe('v1#abc');
    expect(runPrefilter(loaded!.prefilter, 'Ukrainian children deported to Russia')).toBe(true);
  });

  it('does not ask again when a pre-filter is published', async () => {
    await publishDetector(async () => inputs('v1#abc'));
    const ensure = vi.fn(async () => {});
    expect(await loadPublishedPrefilter(ensure)).not.toBeNull();
    expect(ensure).not.toHaveBeenCalled();
  });

  it('asks the background to publish again when the stored pre-filter is damaged', async () => {
    await publishDetector(async () => inputs('v1#abc'));
    const stored = (await prefilterItem.getValue())!;
    const trie = { ...stored.prefilter.trie, first: '' };
    const damaged = { ...stored, prefilter: { ...stored.prefilter, trie } };
    await prefilterItem.setValue(damaged);
    const ensure = vi.fn(() => publishDetector(async () => inputs('v1#abc')));
    const loaded = await loadPublishedPrefilter(ensure, { value: damaged });
    expect(ensure).toHaveBeenCalledTimes(1);
    expect(runPrefilter(loaded!.prefilter, 'Ukrainian children deported to Russia')).toBe(true);
  });

  it('gives null when the background cannot publish', async () => {
    expect(await loadPublishedPrefilter(async () => {})).toBeNull();
  });

  it('never pairs a pre-filter with another dataset’s detector', async () => {
    await publishDetector(async () => inputs('v1#abc'));
    expect(await loadPublishedDetector('v1#abc')).not.toBeNull();
    expect(await loadPublishedDetector('v0#old')).toBeNull();
  });
});
