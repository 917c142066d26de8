import { describe, expect, it } from 'vitest';
import { datasetCoverage } from '../../../lib/dataset/coverage';
import { Dataset } from '../../../lib/dataset/schema';
import { rawDataset } from './fixtures';

describe('datasetCoverage', () => {
  it('counts notes and caveats, card texts and dated sources', () => {
    const dataset = Dataset.parse(rawDataset());
    const before = datasetCoverage(dataset);
    const notes =
      dataset.figures.filter((f) => f.note).length +
      dataset.claims.filter((c) => c.note).length +
      dataset.series.length;
    expect(before.notesAndCaveatsUk.total).toBe(notes);
    expect(before.sourcesPublished.total).toBe(dataset.sources.length);

    const figure = dataset.figures.find((f) => f.note?.uk);
    if (!figure?.note) throw new Error('no figure note with Ukrainian');
    delete figure.note.uk;
    const dated = dataset.sources.find((s) => s.published !== null);
    if (!dated) throw new Error('no dated source');
    dated.published = null;
    const after = datasetCoverage(dataset);
    expect(after.notesAndCaveatsUk.with).toBe(before.notesAndCaveatsUk.with - 1);
    expect(after.cardTextsUk.with).toBe(before.cardTextsUk.with - 1);
    expect(after.cardTextsUk.share).toBeLessThan(before.cardTextsUk.share);
    expect(after.sourcesPublished.with).toBe(before.sourcesPublished.with - 1);
    expect(after.sourcesPublished.share).toBe(
      after.sourcesPublished.with / after.sourcesPublished.total,
    );
  });

  it('the bundled dataset meets the #10 targets for Ukrainian text', () => {
    const coverage = datasetCoverage(Dataset.parse(rawDataset()));
    expect(coverage.notesAndCaveatsUk.share).toBeGreaterThanOrEqual(0.95);
    expect(coverage.cardTextsUk.share).toBeGreaterThanOrEqual(0.95);
  });
});
