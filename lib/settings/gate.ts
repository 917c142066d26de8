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

/**
 * The background's copy of what decides whether the extension works on a site (the
 * settings' `enabled` and `excludedSites`), kept in `storage.local` beside the published
 * pre-filter (`site-gate.ts` writes it), so that stage 1 reads both in one call.
 */
export interface SiteGate {
  enabled: boolean;
  excludedSites: string[];
}

/** Whether a stored copy of the site gate has its shape (anything else is not trusted). */
export function isSiteGate(value: unknown): value is SiteGate {
  if (typeof value !== 'object' || value === null) return false;
  const { enabled, excludedSites } = value as Record<string, unknown>;
  return typeof enabled === 'boolean' && Array.isArray(excludedSites);
}

export async function isSiteActiveNow(hostname: string): Promise<boolean> {
  try {
    return siteActiveIn(await readStorageKey('sync', SETTINGS_STORAGE_KEY), hostname);
  } catch {
    return true;
  }
}
