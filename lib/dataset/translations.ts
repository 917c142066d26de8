import type { Problem } from './crossref';
import type { LocalizedText } from './primitives';
import type { Dataset } from './schema';

/** Every reader-facing text of the dataset, with its path: what a card shows. */
export function cardTexts(dataset: Dataset): { path: string; text: LocalizedText }[] {
  const out: { path: string; text: LocalizedText }[] = [];
  const add = (path: string, text: LocalizedText | undefined) => {
    if (text) out.push({ path, text });
  };
  dataset.series.forEach((s, i) => {
    add(`series[${i}].label`, s.label);
    add(`series[${i}].caveat`, s.caveat);
  });
  dataset.figures.forEach((f, i) => add(`figures[${i}].note`, f.note));
  dataset.claims.forEach((c, i) => {
    add(`claims[${i}].statement`, c.statement);
    add(`claims[${i}].note`, c.note);
    c.contrasts.forEach((k, j) => add(`claims[${i}].contrasts[${j}].context`, k.context));
  });
  dataset.findings.forEach((f, i) => {
    add(`findings[${i}].title`, f.title);
    add(`findings[${i}].summary`, f.summary);
  });
  return out;
}

/** One problem for each card text that has no Ukrainian version. */
export function missingUkrainian(dataset: Dataset): Problem[] {
  return cardTexts(dataset)
    .filter(({ text }) => text.uk === undefined)
    .map(({ path }) => ({
      path: `${path}.uk`,
      message: 'has no Ukrainian text; every text a card shows needs one',
    }));
}

/** One problem for each claim without the short summary that exports use as `claimReviewed`. */
export function missingSummaries(dataset: Dataset): Problem[] {
  return dataset.claims.flatMap((claim, i) =>
    claim.summary === undefined
      ? [
          {
            path: `claims[${i}].summary`,
            message:
              'is missing; exports then show the whole statement where a short summary belongs',
          },
        ]
      : [],
  );
}
