import { compileLexicons } from '@/lib/detect';
import type { DetectorInputs } from '@/lib/db/detector-inputs';
import { DETECTOR_FORMAT, detectorItem, type PublishedDetector } from './items';

export type PublishResult = 'published' | 'unchanged' | 'no-dataset';

/**
 * Compiles the detector from the stored dataset and publishes it, unless the published
 * one already comes from the same dataset content and compiler format.
 */
export async function publishDetector(
  readInputs: () => Promise<DetectorInputs>,
): Promise<PublishResult> {
  const inputs = await readInputs();
  if (inputs.datasetKey === null || inputs.lexicons.length === 0) return 'no-dataset';
  const current = await detectorItem.getValue();
  if (current?.datasetKey === inputs.datasetKey && current.format === DETECTOR_FORMAT) {
    return 'unchanged';
  }
  const published: PublishedDetector = {
    datasetKey: inputs.datasetKey,
    format: DETECTOR_FORMAT,
    detector: compileLexicons(inputs.lexicons, inputs.figures),
  };
  await detectorItem.setValue(published);
  return 'published';
}
