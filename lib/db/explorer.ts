import type { Claim, Dataset, Figure, Finding, Series, Source } from '@/lib/dataset/schema';
import { comparePartialDates } from '@/lib/dataset/crossref';
import {
  MAX_EXPLORE_HITS,
  type ExploreHit,
  type ExploreQuery,
} from '@/lib/messages/explore-schema';
import { DATASET_META_KEY, DATASET_TABLES, type DatasetOrigin, type FactDb } from './schema';

export interface ExploreResult {
  hits: ExploreHit[];
  /** Matches before the limit. */
  total: number;
}

/** Lower case, no accents, apostrophes and dashes unified: "Львова-Бєлова" ~ "львова бєлова". */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2019\u02bc'`]/g, "'")
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Indexed {
  hit: ExploreHit;
  text: string;
  actor: string;
}

interface Records {
  sources: readonly Source[];
  series: readonly Series[];
  figures: readonly Figure[];
  claims: readonly Claim[];
  findings: readonly Finding[];
}

const texts = (
  ...values: (string | undefined | null | { en: string; uk?: string | undefined })[]
) =>
  values
    .flatMap((v) => (v == null ? [] : typeof v === 'string' ? [v] : [v.en, v.uk ?? '']))
    .join(' \u0000 ');

function index(records: Records): Indexed[] {
  const sources = new Map(records.sources.map((s) => [s.id, s]));
  const series = new Map(records.series.map((s) => [s.id, s]));
  const sourceLangs = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const source = sources.get(id);
      return source ? [source.language] : [];
    });
  const langs = (own: (string | undefined)[], ids: readonly string[]) => [
    ...new Set([...own.filter((l): l is string => !!l), ...sourceLangs(ids)]),
  ];
  const publishers = (ids: readonly string[]) =>
    ids.map((id) => sources.get(id)?.publisher ?? '').join(' ');
  const out: Indexed[] = [];
  for (const c of records.claims) {
    out.push({
      hit: {
        kind: 'claim',
        id: c.id,
        title: c.statement.en,
        actor: c.actor.name,
        date: c.date,
        langs: langs([c.original?.lang], c.sources),
      },
      text: texts(c.statement, c.summary, c.original?.text, c.note, c.actor.name, c.actor.role),
      actor: texts(c.actor.name, c.actor.role, c.actor.characterizedBy),
    });
  }
  for (const f of records.figures) {
    const s = series.get(f.series);
    out.push({
      hit: {
        kind: 'figure',
        id: f.id,
        title: `${f.value.toLocaleString('en')} · ${s?.label.en ?? f.series}`,
        actor: f.statedBy?.name ?? s?.publisher ?? null,
        date: f.asOf,
        langs: langs([f.quote?.lang], f.sources),
      },
      // The number as people type it: 19546, 19,546, 19 546.
      text: texts(
        String(f.value),
        f.value.toLocaleString('en'),
        f.value.toLocaleString('uk'),
        s?.label,
        s?.caveat,
        f.quote?.text,
        f.note,
        f.statedBy?.name,
      ),
      actor: texts(f.statedBy?.name, s?.publisher, publishers(f.sources)),
    });
  }
  for (const f of records.findings) {
    out.push({
      hit: {
        kind: 'finding',
        id: f.id,
        title: f.title.en,
        actor: f.body,
        date: f.date,
        langs: langs([f.quote?.lang], f.sources),
      },
      text: texts(f.title, f.summary, f.quote?.text, f.body),
      actor: texts(f.body),
    });
  }
  for (const s of records.sources) {
    out.push({
      hit: {
        kind: 'source',
        id: s.id,
        title: s.title,
        actor: s.publisher,
        date: s.published,
        langs: [s.language],
      },
      text: texts(s.title, s.publisher, s.via, s.note),
      actor: texts(s.publisher, s.via),
    });
  }
  for (const entry of out) {
    entry.text = foldText(entry.text);
    entry.actor = foldText(entry.actor);
  }
  return out;
}

/** The search itself, over records in memory (pure; the database version reads them first). */
export function searchRecords(
  records: Records,
  query: ExploreQuery,
  limit = MAX_EXPLORE_HITS,
): ExploreResult {
  const words = foldText(query.text ?? '')
    .split(' ')
    .filter(Boolean);
  const actor = foldText(query.actor ?? '');
  const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : null;
  const matches = index(records).filter(({ hit, text, actor: who }) => {
    if (kinds && !kinds.has(hit.kind)) return false;
    if (!words.every((w) => text.includes(w))) return false;
    if (actor && !who.includes(actor)) return false;
    if (query.lang && !hit.langs.includes(query.lang)) return false;
    if (query.from || query.to) {
      if (!hit.date) return false;
      if (query.from && comparePartialDates(hit.date, query.from) < 0) return false;
      if (query.to && comparePartialDates(hit.date, query.to) > 0) return false;
    }
    return true;
  });
  const order = { claim: 0, finding: 1, figure: 2, source: 3 } as const;
  matches.sort(
    (a, b) =>
      order[a.hit.kind] - order[b.hit.kind] ||
      (b.hit.date ?? '').localeCompare(a.hit.date ?? '') ||
      a.hit.id.localeCompare(b.hit.id),
  );
  return { hits: matches.slice(0, limit).map((m) => m.hit), total: matches.length };
}

async function readRecords(db: FactDb): Promise<Records> {
  return db.transaction(
    'r',
    [db.sources, db.series, db.figures, db.claims, db.findings],
    async () => {
      const [sources, series, figures, claims, findings] = await Promise.all([
        db.sources.toArray(),
        db.series.toArray(),
        db.figures.toArray(),
        db.claims.toArray(),
        db.findings.toArray(),
      ]);
      return { sources, series, figures, claims, findings };
    },
  );
}

/** The explorer's search over the stored dataset. */
export async function searchDataset(
  db: FactDb,
  query: ExploreQuery,
  limit = MAX_EXPLORE_HITS,
): Promise<ExploreResult> {
  return searchRecords(await readRecords(db), query, limit);
}

/** Every source, for the sources table (the options page sorts it). */
export async function listSources(db: FactDb): Promise<Source[]> {
  // Not `orderBy('published')`: an index skips the rows whose date is null.
  return db.sources.toArray();
}

/** Every series with how many figures it has (the options page asks for timelines by card). */
export async function listSeries(db: FactDb): Promise<{ series: Series; figures: number }[]> {
  return db.transaction('r', db.series, db.figures, async () => {
    const series = await db.series.toArray();
    const counts = await Promise.all(
      series.map((s) => db.figures.where('series').equals(s.id).count()),
    );
    return series.map((s, i) => ({ series: s, figures: counts[i] ?? 0 }));
  });
}

export interface StoredDataset {
  dataset: Dataset;
  origin: DatasetOrigin;
}

/**
 * The stored dataset as one object (for export and for the import preview), in one read
 * transaction. Null when nothing is stored. Rows written before `meta.changelog` was kept
 * get a one-entry changelog that says so.
 */
export async function readStoredDataset(db: FactDb): Promise<StoredDataset | null> {
  const tables = [...DATASET_TABLES.map((name) => db.table(name)), db.meta];
  return db.transaction('r', tables, async () => {
    const meta = await db.meta.get(DATASET_META_KEY);
    if (!meta) return null;
    const [sources, series, figures, claims, findings, lexicon] = await Promise.all([
      db.sources.toArray(),
      db.series.toArray(),
      db.figures.toArray(),
      db.claims.toArray(),
      db.findings.toArray(),
      db.lexicon.toArray(),
    ]);
    const changelog = meta.changelog ?? [
      {
        version: meta.version,
        date: meta.date,
        changes: ['Stored before its changelog was kept.'],
      },
    ];
    const dataset: Dataset = {
      version: meta.version,
      date: meta.date,
      changelog,
      sources,
      series,
      figures,
      claims,
      findings,
      lexicon,
    };
    return { dataset, origin: meta.origin };
  });
}
