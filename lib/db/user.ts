/*
 * Superseded: dismissals and per-site state live in extension storage now (`lib/settings`:
 * `dismiss`, `restoreDismissal`, `setSiteEnabled`), which content scripts can read. The
 * tables stay so that `runLegacyMigration` can move their rows; the extension no longer
 * calls these helpers (kept, with their tests, until the tables are dropped).
 */
import { hostnameOf, type DismissedRecord, type FactDb, type SiteRecord } from './schema';

/** The page URL as stored: without its fragment. */
export function pageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Records that the reader dismissed annotation `key` on the page at `url`. */
export async function dismissAnnotation(
  db: FactDb,
  key: string,
  url: string,
  now: () => number = Date.now,
): Promise<DismissedRecord> {
  const page = pageUrl(url);
  const record: DismissedRecord = {
    id: `${page}#${key}`,
    key,
    url: page,
    site: hostnameOf(page),
    at: now(),
  };
  await db.dismissed.put(record);
  return record;
}

/** Annotation keys dismissed on this page. */
export async function dismissedKeys(db: FactDb, url: string): Promise<string[]> {
  const rows = await db.dismissed.where('url').equals(pageUrl(url)).toArray();
  return rows.map((row) => row.key);
}

/** Forgets a dismissal. */
export async function undismissAnnotation(db: FactDb, key: string, url: string): Promise<void> {
  await db.dismissed.delete(`${pageUrl(url)}#${key}`);
}

/** Turns the extension on or off for a hostname. */
export async function setSiteEnabled(
  db: FactDb,
  hostname: string,
  enabled: boolean,
  now: () => number = Date.now,
): Promise<SiteRecord> {
  const record: SiteRecord = { hostname: hostname.toLowerCase(), enabled, updatedAt: now() };
  await db.sites.put(record);
  return record;
}

/** Whether the extension runs on a hostname (on unless the reader turned it off). */
export async function isSiteEnabled(db: FactDb, hostname: string): Promise<boolean> {
  const record = await db.sites.get(hostname.toLowerCase());
  return record?.enabled ?? true;
}
