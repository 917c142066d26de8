/**
 * The reader's settings and a page's dismissals as stage 2 reads them: one raw read of
 * each key at its start, and `storage.onChanged` for changes made anywhere (the options
 * page, the popup, another tab or device). Read field by field as `items.ts` reads them
 * (`normalizeSettings`, `keysDismissedOn`), without defining WXT's storage items, which
 * read their keys again to check their migrations (see `definedWhenUsed` in `items.ts`).
 * Writes (a dismissal) go through the items, which own the keys' versions. The dismissed
 * keys are read only here, in every context.
 */
import { readStorageKey, watchStorageKey } from '@/lib/page/raw-storage';
import { keysDismissedOn } from './dismissals';
import { DISMISSALS_STORAGE_KEY, SETTINGS_STORAGE_KEY } from './keys';
import { normalizeSettings, type Settings } from './schema';

/** The settings now, complete and valid (the defaults for anything unreadable). */
export async function pageSettings(): Promise<Settings> {
  return normalizeSettings(await readStorageKey('sync', SETTINGS_STORAGE_KEY));
}

/** Calls back with the new settings, complete and valid, whenever they change. */
export function watchPageSettings(callback: (next: Settings) => void): () => void {
  return watchStorageKey('sync', SETTINGS_STORAGE_KEY, (next) => callback(normalizeSettings(next)));
}

/** The annotation keys dismissed on the page at `url`. */
export async function dismissedKeys(url: string): Promise<string[]> {
  return keysDismissedOn(await readStorageKey('local', DISMISSALS_STORAGE_KEY), url);
}

/** Calls back with the keys dismissed on the page at `url` whenever dismissals change. */
export function watchDismissedKeys(url: string, callback: (keys: string[]) => void): () => void {
  return watchStorageKey('local', DISMISSALS_STORAGE_KEY, (next) =>
    callback(keysDismissedOn(next, url)),
  );
}
