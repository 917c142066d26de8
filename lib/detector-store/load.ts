import { hydrateDetector, type CompiledDetector } from '@/lib/detect';
import { DETECTOR_FORMAT, detectorItem, type PublishedDetector } from './items';

export interface LoadedDetector {
  datasetKey: string;
  detector: CompiledDetector;
}

/**
 * Reads the published detector from extension storage; when there is none yet (the
 * first page after install can race the background), asks the background to publish it
 * via `ensurePublished` and reads again. Null when there is still none.
 */
export async function loadPublishedDetector(
  ensurePublished: () => Promise<unknown>,
): Promise<LoadedDetector | null> {
  let published = usable(await detectorItem.getValue());
  if (!published) {
    await ensurePublished();
    published = usable(await detectorItem.getValue());
  }
  if (!published) return null;
  return { datasetKey: published.datasetKey, detector: hydrateDetector(published.detector) };
}

function usable(value: PublishedDetector | null): PublishedDetector | null {
  return value && value.format === DETECTOR_FORMAT ? value : null;
}
