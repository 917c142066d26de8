import type { Dataset } from '@/lib/dataset/schema';
import { getCards, getDatasetStatus, type CardsResult, type DatasetStatus } from './queries';
import { DATASET_META_KEY, type FactDb } from './schema';
import {
  importDataset,
  seedDatabase,
  type DatasetValidator,
  type ImportResult,
  type SeedResult,
} from './seed';

export interface ServiceStatus extends DatasetStatus {
  /** A dataset is stored and queries can be answered. */
  ready: boolean;
  /** The last seeding failure, if the last attempt failed. */
  error: string | null;
}

export interface DataService {
  /**
   * Seeds the bundled dataset if needed. Every caller shares one promise per service
   * (install/update handler and first query alike); a failed attempt is retried on the
   * next call.
   */
  ensureSeeded(): Promise<SeedResult | null>;
  getCards(ids: readonly string[]): Promise<CardsResult>;
  status(): Promise<ServiceStatus>;
  importDataset(raw: unknown, validate: DatasetValidator): Promise<ImportResult>;
}

export interface ServiceOptions {
  log?: (message: string, detail?: unknown) => void;
  /**
   * After a failed seeding, queries answer from what is stored and do not retry (reload
   * and revalidate the bundled dataset) for this long. Default 30 s.
   */
  retryAfterMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * Called after seeding wrote the dataset tables (a first write, a new bundled version, a
   * repair, or a rebuild after the database was deleted), so the detector can follow.
   */
  onWrite?: (result: SeedResult) => void;
}

/**
 * The background's access to the database. Queries wait for seeding; if seeding fails
 * (e.g. the bundled dataset does not load) they answer from whatever is stored.
 *
 * Seeding runs once per wake of the service worker, but every later request first checks
 * that the stored dataset is still there (one read of its `meta` row): a database deleted
 * or cleared behind the extension's back (site data cleared, DevTools) is rebuilt from the
 * bundled dataset on the next request instead of answering "missing" until a restart.
 */
export function createDataService(
  db: FactDb,
  loadDataset: () => Dataset | Promise<Dataset>,
  options: ServiceOptions = {},
): DataService {
  const log = options.log ?? (() => {});
  const retryAfterMs = options.retryAfterMs ?? 30_000;
  const now = options.now ?? Date.now;
  let seeding: Promise<SeedResult | null> | null = null;
  /** What `seeding` settled with, once it has succeeded. */
  let seeded: SeedResult | null = null;
  let checking: Promise<SeedResult | null> | null = null;
  let lastError: string | null = null;
  let failedAt: number | null = null;

  async function seedOnce(): Promise<SeedResult | null> {
    try {
      const dataset = await loadDataset();
      const result = await seedDatabase(db, dataset, { origin: 'bundled' });
      lastError = null;
      failedAt = null;
      log(`dataset ${result.action}: ${result.reason}`);
      if (result.action !== 'unchanged') options.onWrite?.(result);
      return result;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      failedAt = now();
      log('dataset seeding failed', error);
      return null;
    }
  }

  /** Seeded earlier in this wake: is the dataset still stored? If not, seed again. */
  async function stillStored(known: SeedResult): Promise<SeedResult | null> {
    let present = false;
    try {
      present = (await db.meta.get(DATASET_META_KEY)) !== undefined;
    } catch (error) {
      log('reading the stored dataset failed', error);
    }
    checking = null;
    if (present && seeded === known) return known;
    if (seeded === known) {
      log('the stored dataset is gone (database deleted or cleared); rebuilding it');
      seeding = null;
      seeded = null;
    }
    return ensureSeeded();
  }

  function ensureSeeded(): Promise<SeedResult | null> {
    if (seeding && seeded) return (checking ??= stillStored(seeded));
    if (seeding) return seeding;
    if (failedAt !== null && now() - failedAt < retryAfterMs) return Promise.resolve(null);
    const attempt = seedOnce();
    seeding = attempt;
    // A failed attempt is forgotten once it settles, so a later caller tries again.
    void attempt.then((result) => {
      if (seeding !== attempt) return;
      if (result === null) seeding = null;
      else seeded = result;
    });
    return attempt;
  }

  return {
    ensureSeeded,
    async getCards(ids) {
      await ensureSeeded();
      return getCards(db, ids);
    },
    async status() {
      await ensureSeeded();
      const status = await getDatasetStatus(db);
      return { ...status, ready: status.version !== null, error: lastError };
    },
    async importDataset(raw, validate) {
      await ensureSeeded();
      return importDataset(db, raw, validate);
    },
  };
}
