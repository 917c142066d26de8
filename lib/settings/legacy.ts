import type { FactDb } from '@/lib/db/schema';
import { parseHostPattern } from './hosts';
import { addDismissal } from './dismissals';
import { dismissalsItem, getSettings, settingsItem } from './items';
import { Settings, type Dismissals } from './schema';

/**
 * A row of IndexedDB's `dismissed` table, as schema versions 1 and 2 wrote it: version 1
 * rows have no `site`. Read loosely: rows come from older code.
 */
export interface LegacyDismissedRow {
  id?: unknown;
  key?: unknown;
  url?: unknown;
  site?: unknown;
  at?: unknown;
}

/** A row of IndexedDB's `sites` table (schema version 2). */
export interface LegacySiteRow {
  hostname?: unknown;
  enabled?: unknown;
  updatedAt?: unknown;
}

export interface LegacyUserData {
  dismissed: readonly LegacyDismissedRow[];
  sites: readonly LegacySiteRow[];
}

export interface MigratedUserData {
  settings: Settings;
  dismissals: Dismissals;
  /** What was carried over and what was dropped (unreadable rows). */
  moved: { dismissals: number; excludedSites: number; skipped: number };
}

/**
 * Moves the reader's data from the database's `dismissed` and `sites` tables into the
 * storage items' shapes, merged with what the items hold already (nothing there is lost).
 * A site turned off becomes an excluded site (that exact host); a site turned on is the
 * default and needs no entry. Pure: the caller reads the tables and writes the result.
 */
export function migrateLegacyUserData(
  legacy: LegacyUserData,
  current: { settings: Settings; dismissals: Dismissals },
): MigratedUserData {
  let skipped = 0;
  let dismissals = current.dismissals;
  let movedDismissals = 0;
  const rows = [...legacy.dismissed].sort(
    (a, b) => (typeof a.at === 'number' ? a.at : 0) - (typeof b.at === 'number' ? b.at : 0),
  );
  for (const row of rows) {
    const url = typeof row.url === 'string' ? row.url : null;
    const key = typeof row.key === 'string' ? row.key : null;
    if (!url || !key || !/^https?:\/\//i.test(url)) {
      skipped++;
      continue;
    }
    const at = typeof row.at === 'number' && Number.isFinite(row.at) && row.at >= 0 ? row.at : 0;
    dismissals = addDismissal(dismissals, key, url, Math.floor(at));
    movedDismissals++;
  }

  const excluded = [...current.settings.excludedSites];
  let movedSites = 0;
  for (const row of legacy.sites) {
    if (row.enabled !== false) continue;
    const parsed = typeof row.hostname === 'string' ? parseHostPattern(row.hostname) : null;
    if (!parsed?.ok) {
      skipped++;
      continue;
    }
    if (!excluded.includes(parsed.pattern)) excluded.push(parsed.pattern);
    movedSites++;
  }
  const settings = { ...current.settings, excludedSites: excluded };
  // Too many sites to sync: keep the reader's own list and as many old ones as fit.
  while (!Settings.safeParse(settings).success && settings.excludedSites.length > 0) {
    settings.excludedSites = settings.excludedSites.slice(0, -1);
    skipped++;
  }
  return {
    settings,
    dismissals,
    moved: { dismissals: movedDismissals, excludedSites: movedSites, skipped },
  };
}

/**
 * Runs the migration once: reads the legacy tables, writes the storage items, then empties
 * the tables so a later run finds nothing to move (and a restored dismissal stays restored).
 * Returns null when there was nothing to move.
 */
export async function runLegacyMigration(db: FactDb): Promise<MigratedUserData['moved'] | null> {
  const [dismissed, sites] = await db.transaction('r', db.dismissed, db.sites, () =>
    Promise.all([db.dismissed.toArray(), db.sites.toArray()]),
  );
  if (dismissed.length === 0 && sites.length === 0) return null;
  const result = migrateLegacyUserData(
    { dismissed, sites },
    { settings: await getSettings(), dismissals: await dismissalsItem.getValue() },
  );
  await settingsItem.setValue(result.settings);
  await dismissalsItem.setValue(result.dismissals);
  await db.transaction('rw', db.dismissed, db.sites, async () => {
    await db.dismissed.clear();
    await db.sites.clear();
  });
  return result.moved;
}
