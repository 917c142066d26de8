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

/**
 * The pre-filter in a raw value of the `prefilter` key, or null when there is none, or it
 * is of another format, or it does not read as a pre-filter (a damaged value: the caller
 * then asks the background to publish again, which replaces it).
 */
export function prefilterFromStored(value: unknown): LoadedPrefilter | null {
  const published = value as PublishedPrefilter | undefined;
  if (published?.format !== DETECTOR_FORMAT) return null;
  try {
    return { datasetKey: published.datasetKey, prefilter: prefilterFromJSON(published.prefilter) };
  } catch {
    return null;
  }
}

/** The published pre-filter now, or null when there is none (or it is not readable). */
export async function readPublishedPrefilter(): Promise<LoadedPrefilter | null> {
  return prefilterFromStored(await readStorageKey('local', PREFILTER_KEY));
}

/**
 * The published pre-filter (`stored`: the key's raw value, read with other keys, or read
 * here); when there is none yet (the first page after install can race the background),
 * asks the background to publish via `ensurePublished` and reads again. Null when there
 * is still none, or when what is stored is not readable.
 */
export async function loadPublishedPrefilter(
  ensurePublished: () => Promise<unknown>,
  stored?: { value: unknown },
): Promise<LoadedPrefilter | null> {
  const now = stored ? prefilterFromStored(stored.value) : await readPublishedPrefilter();
  if (now) return now;
  await ensurePublished();
  return readPublishedPrefilter();
}
