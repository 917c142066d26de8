import { Dexie, type EntityTable } from 'dexie';
import type { Claim, Dataset, Figure, Finding, Lexicon, Series, Source } from '@/lib/dataset';

/** The default database name in the extension's own origin. */
export const DB_NAME = 'factcheck';

/** Key of the single row in `meta` that describes the stored dataset. */
export const DATASET_META_KEY = 'dataset';

/** The collections of a dataset that live in their own tables. */
export const DATASET_TABLES = [
  'sources',
  'series',
  'figures',
  'claims',
  'findings',
  'lexicon',
] as const;
export type DatasetTable = (typeof DATASET_TABLES)[number];
export type DatasetCounts = Record<DatasetTable, number>;

export type DatasetOrigin = 'bundled' | 'imported';

/** What is stored, where it came from, and what it should look like (integrity check). */
export interface DatasetMeta {
  key: typeof DATASET_META_KEY;
  version: string;
  /** The dataset's own date (`Dataset.date`). */
  date: string;
  origin: DatasetOrigin;
  /** Epoch milliseconds of the last write of the dataset tables. */
  seededAt: number;
  /** Epoch milliseconds of the import, when `origin` is `imported`. */
  importedAt: number | null;
  /** Records per table after the write; a table that disagrees is repaired. */
  counts: DatasetCounts;
  /** Content hash of the dataset that was written (see `hashDataset`). */
  hash: string;
  /** The dataset's changelog, so the stored dataset can be exported whole (absent in rows written before it was kept). */
  changelog?: Dataset['changelog'];
}

/** A dismissed annotation. Primary key `id` is `${url}#${key}` (stable since version 1). */
export interface DismissedRecord {
  id: string;
  /** The annotation key (the card id or quote key the content script uses). */
  key: string;
  /** The page URL without its fragment. */
  url: string;
  /** The page's hostname; filled in by the version 2 upgrade for older rows. */
  site: string;
  /** Epoch milliseconds. */
  at: number;
}

/** Per-site state (new in version 2). */
export interface SiteRecord {
  hostname: string;
  enabled: boolean;
  /** Epoch milliseconds. */
  updatedAt: number;
}

/** Lexicons are stored under their language code. */
export type LexiconRecord = Lexicon;

/**
 * Schema history. Never edit a released version; add a new one.
 *
 * - 1: dataset tables with single-field indexes, `meta`, `dismissed` keyed by page url.
 * - 2: compound `[series+asOf]` for timelines, multi-entry `*sources` / `*narratives`,
 *   `dismissed.site` (back-filled from the url), and the `sites` table.
 */
export const SCHEMA_V1 = {
  sources: 'id, kind',
  series: 'id, stance',
  figures: 'id, series, asOf',
  claims: 'id, date',
  findings: 'id, date',
  lexicon: 'lang',
  meta: 'key',
  dismissed: 'id, key, url, at',
} as const;

export const SCHEMA_V2 = {
  sources: 'id, kind, language, published',
  series: 'id, stance',
  figures: 'id, series, asOf, [series+asOf], stance, *sources',
  claims: 'id, date, *narratives, *sources, actor.name',
  findings: 'id, date, bodyKind, *sources',
  lexicon: 'lang',
  meta: 'key',
  dismissed: 'id, key, url, site, at, [site+key]',
  // No index on `enabled`: booleans are not IndexedDB keys.
  sites: 'hostname, updatedAt',
} as const;

export const SCHEMA_VERSION = 2;

/** The hostname of a URL, or '' when it does not parse. */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The extension's database. Lives only in the background (extension origin); content
 * scripts ask for cards through `lib/messages`. Seeding is `seedDatabase`, not Dexie's
 * `populate`, which runs once per database lifetime.
 */
export class FactDb extends Dexie {
  sources!: EntityTable<Source, 'id'>;
  series!: EntityTable<Series, 'id'>;
  figures!: EntityTable<Figure, 'id'>;
  claims!: EntityTable<Claim, 'id'>;
  findings!: EntityTable<Finding, 'id'>;
  lexicon!: EntityTable<LexiconRecord, 'lang'>;
  meta!: EntityTable<DatasetMeta, 'key'>;
  dismissed!: EntityTable<DismissedRecord, 'id'>;
  sites!: EntityTable<SiteRecord, 'hostname'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // Version 1 rows knew only the page url; index them by site too.
        await tx
          .table<DismissedRecord, string>('dismissed')
          .toCollection()
          .modify((row) => {
            if (typeof row.site !== 'string' || row.site === '') row.site = hostnameOf(row.url);
          });
      });
  }
}
