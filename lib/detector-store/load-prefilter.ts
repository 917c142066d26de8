/**
 * Stage 1's read of the published pre-filter: the raw `storage.local` key, without the
 * storage wrapper or the engine, so the content script that runs on every page stays small.
 */
import { readStorageKey } from '@/lib/page/raw-storage';
import { prefilterFromJSON, type Prefilter } from '@/lib/detect/prefilter';
import { DETECTOR_FORMAT } from './format';
import type { PublishedPrefilter } from './items';

export interface LoadedPrefilter {
  datasetKey: string;
  prefilter: Prefilter;
}

/** The storage.local key WXT's `local:prefilter` item lives under. */
export const PREFILTER_KEY = 'prefilter';

async function readPublished(): Promise<PublishedPrefilter | null> {
  const value = (await readStorageKey('local', PREFILTER_KEY)) as PublishedPrefilter | undefined;
  return value?.format === DETECTOR_FORMAT ? value : null;
}

/** The published pre-filter now, or null when there is none (or it is not readable). */
export async function readPublishedPrefilter(): Promise<LoadedPrefilter | null> {
  const published = await readPublished();
  if (!published) return null;
  return { datasetKey: published.datasetKey, prefilter: prefilterFromJSON(published.prefilter) };
}

/**
 * Reads the published pre-filter; when there is none yet (the first page after install
 * can race the background), asks the background to publish via `ensurePublished` and
 * reads again. Null when there is still none, or when what is stored is not readable.
 */
export async function loadPublishedPrefilter(
  ensurePublished: () => Promise<unknown>,
): Promise<LoadedPrefilter | null> {
  const now = await readPublishedPrefilter();
  if (now) return now;
  await ensurePublished();
  return readPublishedPrefilter();
}
