import type { Problem } from '@/lib/dataset/crossref';
import type { Dataset } from '@/lib/dataset/schema';
import { parseDatasetJson, validateDataset } from '@/lib/dataset/validate';
import type { PublishResult } from '@/lib/detector-store/publish';
import type { Handlers } from '@/lib/messages/router';
import { MAX_PROBLEMS, type ResponseOf } from '@/lib/messages/protocol';
import { listSeries, listSources, readStoredDataset, searchDataset } from './explorer';
import { diffDatasets, markupProblems } from './import-preview';
import { DATASET_META_KEY, DATASET_TABLES, type FactDb } from './schema';
import { hashDataset, seedDatabase } from './seed';
import type { DataService } from './service';

export type OptionsRequestType =
  | 'explore-search'
  | 'explore-sources'
  | 'explore-series'
  | 'export-dataset'
  | 'preview-import'
  | 'apply-import'
  | 'restore-bundled';

export interface OptionsHandlerDeps {
  db: FactDb;
  /** Queries wait for seeding, like the card queries. */
  service: Pick<DataService, 'ensureSeeded'>;
  loadBundled: () => Dataset | Promise<Dataset>;
  /** Recompiles and publishes the detector after the dataset changed (`publishDetector`). */
  republish: () => Promise<PublishResult>;
  /** "Today" for the date checks of an imported file; default now. */
  today?: () => Date | string;
}

export type CheckedImport =
  { ok: true; dataset: Dataset; warnings: Problem[] } | { ok: false; problems: Problem[] };

/**
 * An imported file's checks, all of them: size, JSON, the dataset schemas, the
 * cross-reference rules (the bundled data's, without its strict translation rule) and
 * plain text only (no markup, no script addresses).
 */
export function checkImportText(text: string, today?: Date | string): CheckedImport {
  const parsed = parseDatasetJson(text);
  if (!parsed.ok) return parsed;
  const result = validateDataset(parsed.value, today === undefined ? {} : { today });
  if (!result.ok) return result;
  const markup = markupProblems(result.dataset);
  if (markup.length > 0) return { ok: false, problems: markup };
  return result;
}

const clip = (problems: readonly Problem[]) =>
  problems.slice(0, MAX_PROBLEMS).map((p) => ({
    path: p.path.slice(0, 300),
    message: p.message.slice(0, 600),
  }));

/**
 * A failed write of the dataset, in words the reader can act on. The write is one
 * transaction, so whatever failed left the stored data as it was.
 */
export function storageFailure(error: unknown): Error {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map((e) =>
    e instanceof Error || e instanceof DOMException ? e.name : '',
  );
  if (names.includes('QuotaExceededError'))
    return new Error(
      "there is not enough storage space for this dataset (the browser's storage quota for the extension is used up); free some space and try again",
    );
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs a write of the dataset tables; a failure comes out as `storageFailure`. */
async function writing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw storageFailure(error);
  }
}

async function storedKey(db: FactDb): Promise<string | null> {
  const meta = await db.meta.get(DATASET_META_KEY);
  return meta ? `${meta.version}#${meta.hash}` : null;
}

/** The options page's requests: explorer queries, export, import with preview, restore. */
export function createOptionsHandlers(
  deps: OptionsHandlerDeps,
): Pick<Handlers, OptionsRequestType> {
  const { db, service } = deps;
  const today = () => deps.today?.();
  const republish = async () => {
    try {
      return await deps.republish();
    } catch {
      return 'failed' as const;
    }
  };

  return {
    'explore-search': async ({ query, limit }) => {
      await service.ensureSeeded();
      return { ok: true, ...(await searchDataset(db, query, limit)) };
    },
    'explore-sources': async () => {
      await service.ensureSeeded();
      return { ok: true, sources: await listSources(db) };
    },
    'explore-series': async () => {
      await service.ensureSeeded();
      return { ok: true, series: await listSeries(db) };
    },
    'export-dataset': async () => {
      await service.ensureSeeded();
      const stored = await readStoredDataset(db);
      if (!stored) throw new Error('no dataset is stored yet');
      return { ok: true, dataset: stored.dataset, origin: stored.origin };
    },
    'preview-import': async ({ text }) => {
      await service.ensureSeeded();
      const checked = checkImportText(text, today());
      if (!checked.ok) {
        return {
          ok: true,
          valid: false,
          problems: clip(checked.problems),
          total: checked.problems.length,
        };
      }
      const { dataset, warnings } = checked;
      const [stored, base] = await db.transaction(
        'r',
        [...DATASET_TABLES.map((n) => db.table(n)), db.meta],
        () => Promise.all([readStoredDataset(db), storedKey(db)]),
      );
      return {
        ok: true,
        valid: true,
        version: dataset.version,
        date: dataset.date,
        previous: stored ? { version: stored.dataset.version, origin: stored.origin } : null,
        diff: diffDatasets(stored?.dataset ?? null, dataset),
        warnings: clip(warnings),
        token: { base, next: hashDataset(dataset) },
      };
    },
    'apply-import': async ({ text, expect }) => {
      await service.ensureSeeded();
      const checked = checkImportText(text, today());
      if (!checked.ok) {
        return {
          ok: true,
          applied: false,
          reason: 'invalid',
          problems: clip(checked.problems),
          total: checked.problems.length,
        };
      }
      const stale: ResponseOf<'apply-import'> = {
        ok: true,
        applied: false,
        reason: 'stale',
        problems: [
          {
            path: '(dataset)',
            message: 'the stored data changed since the preview; check the file again',
          },
        ],
        total: 1,
      };
      if (hashDataset(checked.dataset) !== expect.next) return stale;
      // The check and the write in one transaction: seedDatabase's joins this one.
      const written = await writing(() =>
        db.transaction('rw', [...DATASET_TABLES.map((n) => db.table(n)), db.meta], async () => {
          if ((await storedKey(db)) !== expect.base) return false;
          await seedDatabase(db, checked.dataset, { origin: 'imported', force: true });
          return true;
        }),
      );
      if (!written) return stale;
      return {
        ok: true,
        applied: true,
        version: checked.dataset.version,
        detector: await republish(),
      };
    },
    'restore-bundled': async () => {
      const dataset = await deps.loadBundled();
      await writing(() => seedDatabase(db, dataset, { origin: 'bundled', force: true }));
      return { ok: true, version: dataset.version, detector: await republish() };
    },
  };
}
