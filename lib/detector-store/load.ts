import {
  adoptPrefilter,
  hydrateDetector,
  prefilterFromJSON,
  type CompiledDetector,
  type PrefilterJSON,
} from '@/lib/detect';
import { DETECTOR_FORMAT, detectorItem } from './items';

export { loadPublishedPrefilter, type LoadedPrefilter } from './load-prefilter';

/**
 * Reads the published detector compiled from the dataset `datasetKey` names, or null.
 * `prefilter`, published with it, is adopted as its pre-filter (its trie is not built
 * again on the page).
 */
export async function loadPublishedDetector(
  datasetKey: string,
  prefilter?: PrefilterJSON,
): Promise<CompiledDetector | null> {
  const published = await detectorItem.getValue();
  if (published?.format !== DETECTOR_FORMAT || published.datasetKey !== datasetKey) return null;
  const detector = hydrateDetector(published.detector);
  if (prefilter) adoptPrefilter(detector, prefilterFromJSON(prefilter));
  return detector;
}
