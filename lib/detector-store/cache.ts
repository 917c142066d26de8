import type { CompiledDetector } from '@/lib/detect';
import { DETECTOR_FORMAT, prefilterItem } from './items';
import { loadPublishedDetector } from './load';

/**
 * The published detector, hydrated once per dataset and kept while the background lives
 * (it judges stage 1's page checks). A dataset published since is read afresh; nothing
 * is kept when there was no detector to read, so a later call tries again.
 */
export function createDetectorCache(): () => Promise<CompiledDetector | null> {
  let cached: { key: string; detector: Promise<CompiledDetector | null> } | null = null;
  return async () => {
    const published = await prefilterItem.getValue();
    if (published?.format !== DETECTOR_FORMAT) return null;
    if (cached?.key !== published.datasetKey) {
      const entry = {
        key: published.datasetKey,
        detector: loadPublishedDetector(published.datasetKey, published.prefilter),
      };
      cached = entry;
      const detector = await entry.detector.catch(() => null);
      if (!detector && cached === entry) cached = null;
      return detector;
    }
    return cached.detector;
  };
}
