import type { Dataset } from './schema';

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
 * figure does not claim to describe a date after its source was published.
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

  // ---- dataset-level dates
  checkDate('date', dataset.date);
  dataset.changelog.forEach((entry, i) => checkDate(`changelog[${i}].date`, entry.date));

  // ---- sources
  dataset.sources.forEach((source, i) => checkDate(`sources[${i}].published`, source.published));

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
      if (series && series.stance !== figure.stance) {
        add(
          `${base}.stance`,
          `is "${figure.stance}" but its series "${series.id}" is "${series.stance}"; they must be the same`,
        );
      }
    }
    checkSources(`${base}.sources`, figure.sources);
    checkDate(`${base}.asOf`, figure.asOf);
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

  // ---- claims
  dataset.claims.forEach((claim, i) => {
    const base = `claims[${i}]`;
    checkSources(`${base}.sources`, claim.sources);
    checkDate(`${base}.date`, claim.date);
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
