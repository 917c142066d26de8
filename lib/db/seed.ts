import type { Dataset } from '@/lib/dataset/schema';
import {
  DATASET_META_KEY,
  DATASET_TABLES,
  type DatasetCounts,
  type DatasetMeta,
  type DatasetOrigin,
  type DatasetTable,
  type FactDb,
} from './schema';

export type SeedAction = 'seeded' | 'unchanged' | 'repaired';

export interface SeedResult {
  action: SeedAction;
  /** Why this action was taken, for logs and the options page. */
  reason: string;
  /** What is stored now. */
  version: string;
  origin: DatasetOrigin;
  counts: DatasetCounts;
  /** What was stored before, if anything. */
  previous: { version: string; origin: DatasetOrigin } | null;
}

export interface SeedOptions {
  origin: DatasetOrigin;
  /** Write even when the stored dataset is the same and intact (imports). */
  force?: boolean;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Compares date-based dataset versions (`2026.11.29`, `2026.11.29.1`) part by part.
 * Returns a negative number when `a` is older than `b`, 0 when equal, positive when newer.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/**
 * A content hash of a dataset: two 32-bit FNV-1a passes (different offsets) over its JSON.
 * Not cryptographic; it tells "same content" from "changed content" without a version bump.
 */
export function hashDataset(dataset: Dataset): string {
  const json = JSON.stringify(dataset);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 13);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `fnv:${hex(h1)}${hex(h2)}:${json.length}`;
}

/** The primary keys each table must hold for this dataset (duplicates collapse, as in bulkPut). */
function expectedKeys(dataset: Dataset): Record<DatasetTable, Set<string>> {
  return {
    sources: new Set(dataset.sources.map((r) => r.id)),
    series: new Set(dataset.series.map((r) => r.id)),
    figures: new Set(dataset.figures.map((r) => r.id)),
    claims: new Set(dataset.claims.map((r) => r.id)),
    findings: new Set(dataset.findings.map((r) => r.id)),
    lexicon: new Set(dataset.lexicon.map((r) => r.lang)),
  };
}

function countsOf(
  keys: Record<DatasetTable, { size: number } | { length: number }>,
): DatasetCounts {
  const size = (k: { size: number } | { length: number }) => ('size' in k ? k.size : k.length);
  return {
    sources: size(keys.sources),
    series: size(keys.series),
    figures: size(keys.figures),
    claims: size(keys.claims),
    findings: size(keys.findings),
    lexicon: size(keys.lexicon),
  };
}

function tablesOf(db: FactDb) {
  return DATASET_TABLES.map((name) => db.table(name));
}

async function readKeys(db: FactDb): Promise<Record<DatasetTable, string[]>> {
  const entries = await Promise.all(
    DATASET_TABLES.map(
      async (name) =>
        [name, (await db.table(name).toCollection().primaryKeys()) as string[]] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<DatasetTable, string[]>;
}

function keysMatch(
  actual: Record<DatasetTable, string[]>,
  expected: Record<DatasetTable, Set<string>>,
): boolean {
  return DATASET_TABLES.every((name) => {
    const have = actual[name];
    const want = expected[name];
    return have.length === want.size && have.every((key) => want.has(key));
  });
}

function countsMatch(actual: Record<DatasetTable, string[]>, counts: DatasetCounts): boolean {
  return DATASET_TABLES.every((name) => actual[name].length === counts[name]);
}

/**
 * Writes a (Zod-parsed) dataset into the database when it is not already there, intact.
 *
 * - Nothing stored → `seeded`.
 * - Same version and content, every table holds exactly the expected keys → `unchanged`.
 * - Same version and content but a table is empty, short, or holds other keys, or rows
 *   exist without a `meta` record → `repaired` (rewritten from `dataset`).
 * - Another version or content → `seeded`.
 * - The stored dataset was imported and the bundled one is not newer → kept (`unchanged`),
 *   unless the imported tables no longer match their recorded counts (`repaired` from the
 *   bundled one).
 *
 * The check and the write happen in ONE read-write transaction over the dataset tables and
 * `meta` (clear + bulkPut), so a crash or a concurrent call never leaves a mix of two
 * datasets. The user tables (`dismissed`, `sites`) are outside the transaction's scope and
 * cannot be touched.
 */
export async function seedDatabase(
  db: FactDb,
  dataset: Dataset,
  options: SeedOptions,
): Promise<SeedResult> {
  const now = options.now ?? Date.now;
  const hash = hashDataset(dataset);
  const expected = expectedKeys(dataset);
  const counts = countsOf(expected);

  return db.transaction('rw', [...tablesOf(db), db.meta], async () => {
    const meta = await db.meta.get(DATASET_META_KEY);
    const actual = await readKeys(db);
    const previous = meta ? { version: meta.version, origin: meta.origin } : null;

    const unchanged = (stored: DatasetMeta, why: string): SeedResult => ({
      action: 'unchanged',
      reason: why,
      version: stored.version,
      origin: stored.origin,
      counts: stored.counts,
      previous,
    });

    let action: SeedAction;
    let reason: string;
    if (options.force) {
      action = 'seeded';
      reason = `${options.origin} dataset ${dataset.version} written on request`;
    } else if (
      meta &&
      meta.origin === 'imported' &&
      options.origin === 'bundled' &&
      compareVersions(dataset.version, meta.version) <= 0
    ) {
      if (countsMatch(actual, meta.counts)) {
        return unchanged(
          meta,
          `kept imported dataset ${meta.version} (bundled ${dataset.version} is not newer)`,
        );
      }
      action = 'repaired';
      reason = `imported dataset ${meta.version} is damaged; restored bundled ${dataset.version}`;
    } else if (meta && meta.version === dataset.version && meta.hash === hash) {
      if (keysMatch(actual, expected)) {
        return unchanged(meta, `dataset ${meta.version} already stored and intact`);
      }
      action = 'repaired';
      reason = `dataset ${dataset.version} was incomplete or altered; rewritten`;
    } else if (meta) {
      action = 'seeded';
      reason = `replaced dataset ${meta.version} with ${dataset.version}`;
    } else if (DATASET_TABLES.some((name) => actual[name].length > 0)) {
      action = 'repaired';
      reason = `records without metadata; rewritten with ${dataset.version}`;
    } else {
      action = 'seeded';
      reason = `first write of dataset ${dataset.version}`;
    }

    await Promise.all(tablesOf(db).map((table) => table.clear()));
    await Promise.all([
      db.sources.bulkPut(dataset.sources),
      db.series.bulkPut(dataset.series),
      db.figures.bulkPut(dataset.figures),
      db.claims.bulkPut(dataset.claims),
      db.findings.bulkPut(dataset.findings),
      db.lexicon.bulkPut(dataset.lexicon),
    ]);
    const at = now();
    const record: DatasetMeta = {
      key: DATASET_META_KEY,
      version: dataset.version,
      date: dataset.date,
      origin: options.origin,
      seededAt: at,
      importedAt: options.origin === 'imported' ? at : null,
      counts,
      hash,
      changelog: dataset.changelog,
    };
    await db.meta.put(record);
    return {
      action,
      reason,
      version: dataset.version,
      origin: options.origin,
      counts,
      previous,
    } satisfies SeedResult;
  });
}

export type DatasetProblem = { path: string; message: string };
export type DatasetValidation =
  { ok: true; dataset: Dataset } | { ok: false; problems: DatasetProblem[] };
/** The shape of `validateDataset` in `lib/dataset/validate.ts`. */
export type DatasetValidator = (raw: unknown) => DatasetValidation;

export type ImportResult =
  { ok: true; result: SeedResult } | { ok: false; problems: DatasetProblem[] };

/**
 * Imports a dataset from the options page. The whole input is validated first; on any
 * problem nothing is written and the problems are returned. A valid dataset replaces the
 * stored one in one transaction (origin `imported`).
 */
export async function importDataset(
  db: FactDb,
  raw: unknown,
  validate: DatasetValidator,
  now?: () => number,
): Promise<ImportResult> {
  let validation: DatasetValidation;
  try {
    validation = validate(raw);
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '', message: error instanceof Error ? error.message : String(error) }],
    };
  }
  if (!validation.ok) {
    const problems =
      validation.problems.length > 0
        ? validation.problems
        : [{ path: '', message: 'invalid dataset' }];
    return { ok: false, problems };
  }
  const result = await seedDatabase(db, validation.dataset, {
    origin: 'imported',
    force: true,
    ...(now ? { now } : {}),
  });
  return { ok: true, result };
}
