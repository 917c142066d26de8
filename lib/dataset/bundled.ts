import claims from './data/claims.json';
import figures from './data/figures.json';
import findings from './data/findings.json';
import { lexiconFiles } from './data/lexicon';
import meta from './data/meta.json';
import series from './data/series.json';
import sources from './data/sources.json';
import { comparePartialDates, isoDay } from './crossref';
import type { Dataset } from './schema';
import { validateDataset, type ValidateOptions } from './validate';

/** The bundled dataset as raw JSON, before validation. A fresh object each call. */
export function bundledRawDataset(): unknown {
  return structuredClone({
    version: meta.version,
    date: meta.date,
    changelog: meta.changelog,
    sources,
    series,
    figures,
    claims,
    findings,
    lexicon: lexiconFiles,
  });
}

let cached: Dataset | undefined;

/**
 * The validated bundled dataset. Throws with every problem when it is invalid. It is held
 * to the strict rules: every text a card shows has a Ukrainian version.
 *
 * "In the future" is judged against the later of the clock and the dataset's own date, so
 * a reader whose system clock is behind does not lose the bundled data.
 */
export function loadBundledDataset(options: ValidateOptions = {}): Dataset {
  if (cached && options.today === undefined) return cached;
  const now = isoDay(options.today ?? new Date());
  const today =
    options.today !== undefined || comparePartialDates(now, meta.date) >= 0 ? now : meta.date;
  const result = validateDataset(bundledRawDataset(), { today, strict: true });
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.path}: ${p.message}`);
    throw new Error(
      `The bundled dataset is invalid (${lines.length} problems):\n${lines.join('\n')}`,
    );
  }
  if (options.today === undefined) cached = result.dataset;
  return result.dataset;
}
