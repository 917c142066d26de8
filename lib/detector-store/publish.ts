import { storage as wxtStorage } from 'wxt/utils/storage';
import { compileLexicons, compilePrefilter } from '@/lib/detect';
import { prefilterFromStored } from './load-prefilter';
import type { DetectorInputs } from '@/lib/db/detector-inputs';
import { DETECTOR_FORMAT, detectorItem, prefilterItem } from './items';

export type PublishResult = 'published' | 'unchanged' | 'no-dataset';

/**
 * Compiles the detector and its pre-filter from the stored dataset and publishes both in
 * one storage write, unless what is published already comes from the same dataset
 * content and compiler format, and its pre-filter reads as one (pages cannot use a
 * damaged one, and ask for it to be published again).
 */
export async function publishDetector(
  readInputs: () => Promise<DetectorInputs>,
): Promise<PublishResult> {
  const inputs = await readInputs();
  if (inputs.datasetKey === null || inputs.lexicons.length === 0) return 'no-dataset';
  const [prefilter, detector] = await Promise.all([
    prefilterItem.getValue(),
    detectorItem.getValue(),
  ]);
  const current = (value: { datasetKey: string; format: number } | null) =>
    value?.datasetKey === inputs.datasetKey && value.format === DETECTOR_FORMAT;
  if (current(prefilter) && current(detector) && prefilterFromStored(prefilter)) return 'unchanged';

  const compiled = compileLexicons(inputs.lexicons, inputs.figures);
  const stamp = { datasetKey: inputs.datasetKey, format: DETECTOR_FORMAT };
  await wxtStorage.setItems([
    { item: detectorItem, value: { ...stamp, detector: compiled } },
    { item: prefilterItem, value: { ...stamp, prefilter: compilePrefilter(compiled) } },
  ]);
  return 'published';
}

/**
 * `publishDetector` for one context, one run at a time: a call made while a run is under
 * way waits for it and then runs once more (every call made meanwhile shares that run),
 * so each caller's answer comes from inputs read after it called, and two triggers at
 * once (install and the first write of the dataset) compile the detector once.
 */
export function createPublisher(
  readInputs: () => Promise<DetectorInputs>,
): () => Promise<PublishResult> {
  let running: Promise<PublishResult> | null = null;
  let queued: Promise<PublishResult> | null = null;
  const start = (): Promise<PublishResult> => {
    const run = publishDetector(readInputs);
    running = run;
    const done = () => {
      if (running === run) running = null;
    };
    run.then(done, done);
    return run;
  };
  return () => {
    if (!running) return start();
    const after = running;
    return (queued ??= after
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start();
      }));
  };
}
