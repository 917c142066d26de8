import { Dexie, type Table } from 'dexie';
import type { Claim, Figure, Finding, Series, Source } from '@/lib/dataset/schema';
import {
  parseCardId,
  type Card,
  type ClaimCard,
  type FigureCard,
  type FigureEntry,
  type FindingCard,
  type ResolvedContrast,
  type SeriesCard,
} from '@/lib/cards/schema';
import {
  DATASET_META_KEY,
  DATASET_TABLES,
  type DatasetCounts,
  type DatasetOrigin,
  type FactDb,
} from './schema';

/** The card flag: the record or one of the sources it shows is marked unconfirmed. */
export function isUnconfirmed(
  record: { confidence: 'confirmed' | 'unconfirmed' },
  sources: readonly Source[],
): boolean {
  return record.confidence === 'unconfirmed' || sources.some((s) => s.confidence === 'unconfirmed');
}

/** Sources of a series' caveat (optional in the schema). */
function seriesSourceIds(series: Series): readonly string[] {
  return (series as { sources?: readonly string[] }).sources ?? [];
}

/**
 * Batch loader used inside one read transaction: every record is fetched at most once,
 * with `bulkGet`, stage by stage (claims → their contrasts → series timelines → sources).
 */
class Loader {
  readonly claims = new Map<string, Claim | undefined>();
  readonly figures = new Map<string, Figure | undefined>();
  readonly findings = new Map<string, Finding | undefined>();
  readonly series = new Map<string, Series | undefined>();
  readonly sources = new Map<string, Source | undefined>();
  /** Figures of a series in `[series+asOf]` order (oldest first, ties by id). */
  readonly timelines = new Map<string, Figure[]>();

  constructor(private readonly db: FactDb) {}

  private async bulk<T>(
    table: Table<T, string>,
    cache: Map<string, T | undefined>,
    ids: Iterable<string>,
  ) {
    const need = [...new Set(ids)].filter((id) => !cache.has(id));
    if (need.length === 0) return;
    const rows = await table.bulkGet(need);
    need.forEach((id, i) => cache.set(id, rows[i]));
  }

  loadClaims = (ids: Iterable<string>) => this.bulk(this.db.claims, this.claims, ids);
  loadFigures = (ids: Iterable<string>) => this.bulk(this.db.figures, this.figures, ids);
  loadFindings = (ids: Iterable<string>) => this.bulk(this.db.findings, this.findings, ids);
  loadSeries = (ids: Iterable<string>) => this.bulk(this.db.series, this.series, ids);
  loadSources = (ids: Iterable<string>) => this.bulk(this.db.sources, this.sources, ids);

  async loadTimelines(seriesIds: Iterable<string>) {
    const need = [...new Set(seriesIds)].filter((id) => !this.timelines.has(id));
    const lists = await Promise.all(
      need.map((id) =>
        this.db.figures
          .where('[series+asOf]')
          .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true)
          .toArray(),
      ),
    );
    need.forEach((id, i) => {
      const list = lists[i] ?? [];
      this.timelines.set(id, list);
      for (const figure of list) this.figures.set(figure.id, figure);
    });
  }

  resolveSources(ids: readonly string[]): Source[] {
    return ids.flatMap((id) => {
      const source = this.sources.get(id);
      return source ? [source] : [];
    });
  }

  entry(figure: Figure): FigureEntry {
    const sources = this.resolveSources(figure.sources);
    return { figure, sources, unconfirmed: isUnconfirmed(figure, sources) };
  }

  seriesCard(id: string): SeriesCard | null {
    const series = this.series.get(id);
    if (!series) return null;
    const figures = (this.timelines.get(id) ?? []).map((figure) => this.entry(figure));
    const sources = this.resolveSources(seriesSourceIds(series));
    return { kind: 'series', id, series, sources, figures, latest: figures.at(-1) ?? null };
  }

  figureCard(id: string): FigureCard | null {
    const figure = this.figures.get(id);
    if (!figure) return null;
    const latest = (this.timelines.get(figure.series) ?? []).at(-1);
    const newer =
      latest && latest.id !== figure.id && latest.asOf > figure.asOf ? this.entry(latest) : null;
    const sources = this.resolveSources(figure.sources);
    return {
      kind: 'figure',
      id,
      figure,
      series: this.series.get(figure.series) ?? null,
      sources,
      newer,
      unconfirmed: isUnconfirmed(figure, sources),
    };
  }

  findingCard(id: string): FindingCard | null {
    const finding = this.findings.get(id);
    if (!finding) return null;
    const sources = this.resolveSources(finding.sources);
    return { kind: 'finding', id, finding, sources, unconfirmed: isUnconfirmed(finding, sources) };
  }

  claimCard(id: string): ClaimCard | null {
    const claim = this.claims.get(id);
    if (!claim) return null;
    const contrasts: ResolvedContrast[] = claim.contrasts.map(({ ref, context }) => ({
      ref,
      context,
      record:
        ref.kind === 'figure'
          ? this.figureCard(ref.id)
          : ref.kind === 'finding'
            ? this.findingCard(ref.id)
            : this.seriesCard(ref.id),
    }));
    const sources = this.resolveSources(claim.sources);
    return {
      kind: 'claim',
      id,
      claim,
      sources,
      contrasts,
      unconfirmed: isUnconfirmed(claim, sources),
    };
  }
}

type Wanted = { cardId: string; kind: Card['kind']; id: string };

export interface CardsResult {
  /** Cards keyed by the card id that was asked for. */
  cards: Record<string, Card>;
  /** Card ids that resolve to no record. */
  missing: string[];
}

/**
 * Everything the cards of a page need, in one read transaction. `cardIds` are
 * `claim:<id>`, `series:<id>`, `figure:<id>`, `finding:<id>` or bare record ids (looked
 * up as claim, then series, figure, finding).
 */
export async function getCards(db: FactDb, cardIds: readonly string[]): Promise<CardsResult> {
  const unique = [...new Set(cardIds)];
  return db.transaction(
    'r',
    DATASET_TABLES.map((name) => db.table(name)),
    async () => {
      const load = new Loader(db);
      const parsed = unique.map((cardId) => ({ cardId, ...parseCardId(cardId) }));

      // Bare ids: find out what they name.
      const bare = parsed.filter((p) => p.kind === null).map((p) => p.id);
      await Promise.all([
        load.loadClaims(bare),
        load.loadSeries(bare),
        load.loadFigures(bare),
        load.loadFindings(bare),
      ]);
      const wanted: Wanted[] = parsed.flatMap(({ cardId, kind, id }) => {
        if (kind) return [{ cardId, kind, id }];
        const found = load.claims.get(id)
          ? 'claim'
          : load.series.get(id)
            ? 'series'
            : load.figures.get(id)
              ? 'figure'
              : load.findings.get(id)
                ? 'finding'
                : null;
        return found ? [{ cardId, kind: found, id }] : [];
      });
      const ids = (kind: Card['kind']) => wanted.filter((w) => w.kind === kind).map((w) => w.id);

      // Claims and what their contrasts point at.
      await load.loadClaims(ids('claim'));
      const refs = [...load.claims.values()].flatMap(
        (claim) => claim?.contrasts.map((c) => c.ref) ?? [],
      );
      const refIds = (kind: 'figure' | 'finding' | 'series') =>
        refs.filter((r) => r.kind === kind).map((r) => r.id);
      await Promise.all([
        load.loadFigures([...ids('figure'), ...refIds('figure')]),
        load.loadFindings([...ids('finding'), ...refIds('finding')]),
      ]);

      // Series: asked for, pointed at, or the series of a figure (for "a newer figure exists").
      const figureSeries = [...load.figures.values()].flatMap((f) => (f ? [f.series] : []));
      const seriesIds = [...ids('series'), ...refIds('series'), ...figureSeries];
      await Promise.all([load.loadSeries(seriesIds), load.loadTimelines(seriesIds)]);

      // Sources of everything loaded.
      const sourceIds = [
        ...[...load.claims.values()].flatMap((r) => r?.sources ?? []),
        ...[...load.figures.values()].flatMap((r) => r?.sources ?? []),
        ...[...load.findings.values()].flatMap((r) => r?.sources ?? []),
        ...[...load.series.values()].flatMap((r) => (r ? seriesSourceIds(r) : [])),
      ];
      await load.loadSources(sourceIds);

      const cards: Record<string, Card> = {};
      const missing: string[] = [];
      const wantedBy = new Map(wanted.map((w) => [w.cardId, w]));
      for (const { cardId } of parsed) {
        const want = wantedBy.get(cardId);
        const card = !want
          ? null
          : want.kind === 'claim'
            ? load.claimCard(want.id)
            : want.kind === 'series'
              ? load.seriesCard(want.id)
              : want.kind === 'figure'
                ? load.figureCard(want.id)
                : load.findingCard(want.id);
        if (card) cards[cardId] = card;
        else missing.push(cardId);
      }
      return { cards, missing };
    },
  );
}

/** A claim with its sources and contrasts resolved, or null when there is no such claim. */
export async function getClaimCard(db: FactDb, claimId: string): Promise<ClaimCard | null> {
  const card = (await getCards(db, [`claim:${claimId}`])).cards[`claim:${claimId}`];
  return card?.kind === 'claim' ? card : null;
}

/** A series with its figures (oldest first, sources resolved) and its latest figure. */
export async function getSeriesCard(db: FactDb, seriesId: string): Promise<SeriesCard | null> {
  const card = (await getCards(db, [`series:${seriesId}`])).cards[`series:${seriesId}`];
  return card?.kind === 'series' ? card : null;
}

export interface DatasetStatus {
  version: string | null;
  origin: DatasetOrigin | null;
  date: string | null;
  seededAt: number | null;
  importedAt: number | null;
  /** Records actually present in each table. */
  counts: DatasetCounts;
}

/** What is stored now: version, origin, timestamps and live record counts. */
export async function getDatasetStatus(db: FactDb): Promise<DatasetStatus> {
  return db.transaction(
    'r',
    [...DATASET_TABLES.map((name) => db.table(name)), db.meta],
    async () => {
      const meta = await db.meta.get(DATASET_META_KEY);
      const counts = await Promise.all(DATASET_TABLES.map((name) => db.table(name).count()));
      return {
        version: meta?.version ?? null,
        origin: meta?.origin ?? null,
        date: meta?.date ?? null,
        seededAt: meta?.seededAt ?? null,
        importedAt: meta?.importedAt ?? null,
        counts: Object.fromEntries(
          DATASET_TABLES.map((name, i) => [name, counts[i] ?? 0]),
        ) as DatasetCounts,
      };
    },
  );
}
