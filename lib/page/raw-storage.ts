import { browser } from 'wxt/browser';

/** A storage area a page script reads. */
export type StorageAreaName = 'local' | 'sync';

/*
 * Raw extension-storage keys, as the page scripts (stages 1 and 2) read them: a WXT storage
 * item defined in a page reads its key at once, and again to check its migrations, whether
 * the page ever asks for the value or not.
 */

/**
 * Calls `callback` with the new and old value of one raw key whenever it changes, in any
 * context; returns the function that stops watching.
 */
export function watchStorageKey(
  area: StorageAreaName,
  key: string,
  callback: (next: unknown, previous: unknown) => void,
): () => void {
  const onChanged = (
    changes: Record<string, { newValue?: unknown; oldValue?: unknown }>,
    changedArea: string,
  ) => {
    const change = changedArea === area ? changes[key] : undefined;
    if (change) callback(change.newValue, change.oldValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/** One raw extension-storage key's value now (undefined when unset). */
export async function readStorageKey(area: StorageAreaName, key: string): Promise<unknown> {
  const stored: Record<string, unknown> = await browser.storage[area].get(key);
  return stored[key];
}
