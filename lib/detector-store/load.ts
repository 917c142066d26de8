import { hydrateDetector, type CompiledDetector } from '@/lib/detect';
import { DETECTOR_FORMAT, detectorItem } from './items';

export { loadPublishedPrefilter, type LoadedPrefilter } from './load-prefilter';

/** Reads the published detector compiled from the dataset `datasetKey` names, or null. */
export async function loadPublishedDetector(datasetKey: string): Promise<CompiledDetector | null> {
  const published = await detectorItem.getValue();
  if (published?.format !== DETECTOR_FORMAT || published.datasetKey !== datasetKey) return null;
  return hydrateDetector(published.detector);
}
