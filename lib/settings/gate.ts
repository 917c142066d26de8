import { readStorageKey } from '@/lib/page/raw-storage';
import { matchingPattern } from './hosts';
import { SETTINGS_STORAGE_KEY } from './keys';

/**
 * Stage 1's check, without Zod or WXT's storage wrapper (a few hundred bytes): should the
 * extension work on this host at all? Reads the raw `storage.sync` key of `sync:settings`.
 * Anything unreadable counts as "on" (the defaults).
 */
export function siteActiveIn(raw: unknown, hostname: string): boolean {
  if (typeof raw !== 'object' || raw === null) return true;
  const { enabled, excludedSites } = raw as { enabled?: unknown; excludedSites?: unknown };
  if (enabled === false) return false;
  if (!Array.isArray(excludedSites)) return true;
  const patterns = excludedSites.filter((p): p is string => typeof p === 'string');
  return matchingPattern(patterns, hostname) === null;
}

export async function isSiteActiveNow(hostname: string): Promise<boolean> {
  try {
    return siteActiveIn(await readStorageKey('sync', SETTINGS_STORAGE_KEY), hostname);
  } catch {
    return true;
  }
}
