import {
  hydrateDetector,
  prefilterFromJSON,
  type CompiledDetector,
  type Prefilter,
} from '@/lib/detect';
import { DETECTOR_FORMAT, detectorItem, prefilterItem } from './items';

export interface LoadedPrefilter {
  datasetKey: string;
  prefilter: Prefilter;
}

/**
 * Reads the published pre-filter; when there is none yet (the first page after install
 * can race the background), asks the background to publish via `ensurePublished` and
 * reads again. Null when there is still none.
 */
export async function loadPublishedPrefilter(
  ensurePublished: () => Promise<unknown>,
): Promise<LoadedPrefilter | null> {
  let published = await prefilterItem.getValue();
  if (published?.format !== DETECTOR_FORMAT) {
    await ensurePublished();
    published = await prefilterItem.getValue();
  }
  if (published?.format !== DETECTOR_FORMAT) return null;
  return { datasetKey: published.datasetKey, prefilter: prefilterFromJSON(published.prefilter) };
}

/** Reads the published detector compiled from the dataset `datasetKey` names, or null. */
export async function loadPublishedDetector(datasetKey: string): Promise<CompiledDetector | null> {
  const published = await detectorItem.getValue();
  if (published?.format !== DETECTOR_FORMAT || published.datasetKey !== datasetKey) return null;
  return hydrateDetector(published.detector);
}
