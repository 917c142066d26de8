import { storage } from 'wxt/utils/storage';
import { builtIfUsed } from '@/lib/dataset/built-if-used';
import type { PrefilterJSON, SerializedDetector } from '@/lib/detect';

/**
 * The compiled detector and its small pre-filter, published by the background to
 * extension storage so content scripts read them without waking the service worker
 * (DESIGN.md section 2). Every page reads only the pre-filter (a few kB); the detector is
 * read only when the pre-filter finds topic words. `datasetKey` names the stored dataset
 * both were compiled from, so a page never pairs a pre-filter with another dataset's
 * detector.
 */
export interface PublishedPrefilter {
  datasetKey: string;
  /** Compiler format; a content script ignores what it cannot read. */
  format: number;
  prefilter: PrefilterJSON;
}

export interface PublishedDetector {
  datasetKey: string;
  format: number;
  detector: SerializedDetector;
}

export { DETECTOR_FORMAT } from './format';

// Built only in a bundle that uses them (the background): defining an item reads its key
// at once, and the detector is large.
export const prefilterItem = builtIfUsed(() =>
  storage.defineItem<PublishedPrefilter | null>('local:prefilter', { fallback: null }),
);

export const detectorItem = builtIfUsed(() =>
  storage.defineItem<PublishedDetector | null>('local:detector', { fallback: null }),
);
