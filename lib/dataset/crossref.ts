import type { Dataset } from './schema';
import { forbidsStrongWording, seriesMovement, strongWords } from './wording';

/** One thing wrong with a dataset: where (`figures[3].series`) and what, in plain words. */
export interface Problem {
  path: string;
  message: string;
}

export interface CrossrefOptions {
  /** Dates after this day are rejected as "in the future". Default: now. */
  today?: Date | string;
}

type Collection = 'sources' | 'series' | 'figures' | 'claims' | 'findings';
const COLLECTIONS: readonly Collection[] = ['sources', 'series', 'figures', 'claims', 'findings'];

/** `YYYY-MM-DD` of a Date (UTC) or the given string as is. */
export function isoDay(today: Date | string): string {
  return typeof today === 'string' ? today : today.toISOString().slice(0, 10);
}

/**
 * Compares two partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) on their common prefix:
 * `2023-07` and `2023-07-31` compare equal, since the month may include that day.
 */
export function comparePartialDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

function isRealCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * Checks what the schema cannot: references resolve, ids are unique across the whole
 * dataset, figures agree with their series, dates are real, not in the future, and a
 * figure does not claim to describe a date after its source was published. Also what
 * a card must not get wrong: a Russian official's number is never `documented`; a quote
 * never uses a stronger verb than its series ("deported" for a series of "received"
 * children); a record marked unconfirmed says in a note what is unconfirmed.
 */
export function crossrefDataset(dataset: Dataset, options: CrossrefOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const today = isoDay(options.today ?? new Date());

  // ---- ids: unique within and across collections
  const firstSeen = new Map<string, string>();
  const byCollection = new Map<Collection, Map<string, number>>();
  for (const name of COLLECTIONS) {
    const index = new Map<string, number>();
    byCollection.set(name, index);
    dataset[name].forEach((record, i) => {
      const path = `${name}[${i}].id`;
      const earlier = firstSeen.get(record.id);
      if (earlier !== undefined) {
        add(
          path,
          `the id "${record.id}" is already used at ${earlier}; every id must be unique across the dataset`,
        );
      } else {
        firstSeen.set(record.id, path);
      }
      if (!index.has(record.id)) index.set(record.id, i);
    });
  }
  const sourceIndex = byCollection.get('sources') ?? new Map<string, number>();
  const seriesIndex = byCollection.get('series') ?? new Map<string, number>();
  const has = (name: Collection, id: string) => byCollection.get(name)?.has(id) ?? false;

  const checkSources = (path: string, ids: readonly string[]) => {
    if (ids.length === 0) add(path, 'names no source; at least one is required');
    ids.forEach((id, j) => {
      if (!sourceIndex.has(id))
        add(`${path}[${j}]`, `refers to the source "${id}", which does not exist`);
    });
    const seen = new Set<string>();
    ids.forEach((id, j) => {
      if (seen.has(id)) add(`${path}[${j}]`, `lists the source "${id}" twice`);
      seen.add(id);
    });
  };

  const checkDate = (path: string, value: string | null | undefined) => {
    if (value === null || value === undefined) return;
    if (!isRealCalendarDate(value)) {
      add(path, `"${value}" is not a real calendar date`);
      return;
    }
    if (comparePartialDates(value, today) > 0)
      add(path, `the date ${value} is in the future (today is ${today})`);
  };

  // An unconfirmed record must say on its card what is unconfirmed, in every card language.
  const checkUnconfirmed = (
    base: string,
    record: { confidence: string; note?: { en: string; uk?: string } | undefined },
  ) => {
    if (record.confidence !== 'unconfirmed') return;
    if (!record.note)
      add(
        `${base}.note`,
        'is missing; a record marked unconfirmed must say in its note what is unconfirmed',
      );
  };

  // ---- dataset-level dates
  checkDate('date', dataset.date);
  dataset.changelog.forEach((entry, i) => checkDate(`changelog[${i}].date`, entry.date));

  // ---- sources
  dataset.sources.forEach((source, i) => {
    checkDate(`sources[${i}].published`, source.published);
    if (source.confidence === 'unconfirmed' && source.note === undefined)
      add(
        `sources[${i}].note`,
        'is missing; a source marked unconfirmed must say in its note what is unconfirmed',
      );
  });

  // ---- series
  dataset.series.forEach((series, i) => {
    if (series.sources) checkSources(`series[${i}].sources`, series.sources);
  });

  // ---- figures
  dataset.figures.forEach((figure, i) => {
    const base = `figures[${i}]`;
    const s = seriesIndex.get(figure.series);
    if (s === undefined) {
      add(`${base}.series`, `refers to the series "${figure.series}", which does not exist`);
    } else {
      const series = dataset.series[s];
      // A series may carry a Russian official's figure beside documented ones (the card
      // shows each figure's own stance); any other difference is a mistake.
      if (
        series &&
        series.stance !== figure.stance &&
        !(figure.stance === 'official-claim' && series.stance !== 'estimate') &&
        !(figure.stance === 'documented' && series.stance === 'official-claim')
      ) {
        add(
          `${base}.stance`,
          `is "${figure.stance}" but its series "${series.id}" is "${series.stance}"; they must be the same`,
        );
      }
      if (series && figure.quote && forbidsStrongWording(series)) {
        const words = strongWords(figure.quote.text);
        if (words.length > 0)
          add(
            `${base}.quote`,
            `uses "${words.join('", "')}", a stronger word than its series "${series.id}", ` +
              `whose own wording is "${seriesMovement(series) ?? ''}"; quote the source's own wording or none`,
          );
      }
    }
    if (figure.stance === 'documented') {
      const ownSources = figure.sources.flatMap((id) => {
        const k = sourceIndex.get(id);
        const source = k === undefined ? undefined : dataset.sources[k];
        return source ? [source] : [];
      });
      const series = s === undefined ? undefined : dataset.series[s];
      if (series?.stance === 'official-claim')
        add(
          `${base}.stance`,
          `is "documented" but its series "${series.id}" is an official claim; it must be "official-claim"`,
        );
      else if (figure.statedBy?.side === 'ru-official')
        add(
          `${base}.stance`,
          `is "documented" but its number is stated by ${figure.statedBy.name}, a Russian official; it must be "official-claim"`,
        );
      else if (ownSources.length > 0 && ownSources.every((source) => source.kind === 'official-ru'))
        add(
          `${base}.stance`,
          'is "documented" but every source is a Russian official one; it must be "official-claim"',
        );
    }
    checkSources(`${base}.sources`, figure.sources);
    checkDate(`${base}.asOf`, figure.asOf);
    if (figure.periodStart !== undefined) {
      checkDate(`${base}.periodStart`, figure.periodStart);
      if (comparePartialDates(figure.periodStart, figure.asOf) > 0)
        add(
          `${base}.periodStart`,
          `is ${figure.periodStart}, after the end of the period (asOf ${figure.asOf})`,
        );
    }
    checkUnconfirmed(base, figure);
    figure.sources.forEach((id, j) => {
      const k = sourceIndex.get(id);
      const source = k === undefined ? undefined : dataset.sources[k];
      if (source?.published && comparePartialDates(figure.asOf, source.published) > 0) {
        add(
          `${base}.asOf`,
          `is ${figure.asOf}, after its source "${id}" (sources[${j}]) was published on ${source.published}`,
        );
      }
    });
  });

  // ---- a series holds one kind of count: per-event figures and cumulative totals apart
  const seriesKind = new Map<string, { kind: string; at: string }>();
  dataset.figures.forEach((figure, i) => {
    if (figure.kind === undefined) return;
    const first = seriesKind.get(figure.series);
    if (first === undefined)
      seriesKind.set(figure.series, { kind: figure.kind, at: `figures[${i}]` });
    else if (first.kind !== figure.kind)
      add(
        `figures[${i}].kind`,
        `is "${figure.kind}" but ${first.at} in the same series "${figure.series}" is "${first.kind}"; ` +
          'per-event and cumulative figures belong in separate series',
      );
  });

  // ---- claims
  dataset.claims.forEach((claim, i) => {
    const base = `claims[${i}]`;
    checkSources(`${base}.sources`, claim.sources);
    checkDate(`${base}.date`, claim.date);
    checkUnconfirmed(base, claim);
    claim.contrasts.forEach((contrast, j) => {
      const { kind, id } = contrast.ref;
      const name: Collection =
        kind === 'figure' ? 'figures' : kind === 'finding' ? 'findings' : 'series';
      if (!has(name, id))
        add(
          `${base}.contrasts[${j}].ref.id`,
          `refers to the ${kind} "${id}", which does not exist`,
        );
    });
  });

  // ---- findings
  dataset.findings.forEach((finding, i) => {
    checkSources(`findings[${i}].sources`, finding.sources);
    checkDate(`findings[${i}].date`, finding.date);
  });

  // ---- lexicon
  const langs = new Map<string, number>();
  dataset.lexicon.forEach((lexicon, i) => {
    const earlier = langs.get(lexicon.lang);
    if (earlier !== undefined)
      add(
        `lexicon[${i}].lang`,
        `a lexicon for "${lexicon.lang}" already exists at lexicon[${earlier}]`,
      );
    else langs.set(lexicon.lang, i);
    lexicon.claimCues.forEach((cue, j) => {
      if (!has('claims', cue.id))
        add(
          `lexicon[${i}].claimCues[${j}].id`,
          `refers to the claim "${cue.id}", which does not exist`,
        );
    });
    lexicon.seriesCues.forEach((cue, j) => {
      if (!has('series', cue.id))
        add(
          `lexicon[${i}].seriesCues[${j}].id`,
          `refers to the series "${cue.id}", which does not exist`,
        );
    });
  });

  return problems;
}
