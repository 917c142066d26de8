import type { Dataset } from './schema';
import { cardTexts } from './translations';

export interface Share {
  /** How many have it. */
  with: number;
  total: number;
  /** `with / total`, 1 for an empty collection. */
  share: number;
}

export interface DatasetCoverage {
  /** Figure notes, claim notes and series caveats with a Ukrainian version. */
  notesAndCaveatsUk: Share;
  /** Every text a card shows (labels, caveats, notes, statements, contrasts, titles, summaries). */
  cardTextsUk: Share;
  /** Sources whose publication date is known. */
  sourcesPublished: Share;
}

function share(count: number, total: number): Share {
  return { with: count, total, share: total === 0 ? 1 : count / total };
}

/** How much of the dataset a Ukrainian card can show in Ukrainian, and how much is dated. */
export function datasetCoverage(dataset: Dataset): DatasetCoverage {
  const notes = [
    ...dataset.figures.flatMap((f) => (f.note ? [f.note] : [])),
    ...dataset.claims.flatMap((c) => (c.note ? [c.note] : [])),
    ...dataset.series.map((s) => s.caveat),
  ];
  const texts = cardTexts(dataset).map((t) => t.text);
  return {
    notesAndCaveatsUk: share(notes.filter((t) => t.uk !== undefined).length, notes.length),
    cardTextsUk: share(texts.filter((t) => t.uk !== undefined).length, texts.length),
    sourcesPublished: share(
      dataset.sources.filter((s) => s.published !== null).length,
      dataset.sources.length,
    ),
  };
}
