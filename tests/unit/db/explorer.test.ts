import { afterEach, describe, expect, it } from 'vitest';
import {
  diffDatasets,
  diffIsEmpty,
  foldText,
  listSeries,
  listSources,
  markupProblems,
  readStoredDataset,
  searchDataset,
  searchRecords,
  seedDatabase,
  type FactDb,
} from '@/lib/db';
import { DEFAULT_MAX_BYTES } from '@/lib/dataset/validate';
import { MAX_IMPORT_BYTES } from '@/lib/messages/explore-schema';
import { freshDb, makeFixture } from './fixture';

let d: FactDb | undefined;
afterEach(async () => {
  await d?.delete();
});

const ids = (result: { hits: { kind: string; id: string }[] }) =>
  result.hits.map((h) => `${h.kind}:${h.id}`);

describe('data explorer search', () => {
  const data = makeFixture();

  it('finds records by all of the words, ignoring case, accents and dashes', () => {
    expect(ids(searchRecords(data, { text: 'EVACUATED safety' }))).toEqual([
      'claim:claim-evacuated-for-safety',
    ]);
    expect(ids(searchRecords(data, { text: 'lvova belova' }))).toEqual([
      'claim:claim-evacuated-for-safety',
    ]);
    // The claim's contrast mentions warrants, but a claim is found by its own texts.
    expect(ids(searchRecords(data, { text: 'warrants' }))).toEqual([
      'finding:icc-2023-warrants',
      'source:icc-warrants',
    ]);
    expect(ids(searchRecords(data, { text: '700 тысяч' }))).toEqual(['figure:ru-arrivals-2023']);
    for (const typed of ['19546', '19,546', '19 546']) {
      expect(ids(searchRecords(data, { text: typed }))).toEqual(['figure:ua-verified-2024-06']);
    }
    expect(searchRecords(data, { text: 'nothing-like-this' })).toEqual({ hits: [], total: 0 });
    expect(foldText('Львова–Бєлова’s')).toBe("львова бєлова's");
  });

  it('filters by actor, date range, language and kind', () => {
    expect(ids(searchRecords(data, { actor: 'tass' }))).toEqual([
      'figure:ru-arrivals-2023',
      'figure:ru-arrivals-2022',
      'source:tass-arrivals',
    ]);
    expect(ids(searchRecords(data, { from: '2024-01-01', kinds: ['claim', 'figure'] }))).toEqual([
      'claim:claim-only-hundreds',
      'figure:ua-verified-2025-01',
      'figure:ua-verified-2024-06',
    ]);
    // A month compares equal to its days: 2023-07 is inside ..2023-07-15.
    expect(
      ids(searchRecords(data, { from: '2023-07-01', to: '2023-07-15', kinds: ['figure'] })),
    ).toEqual(['figure:ru-arrivals-2023']);
    expect(ids(searchRecords(data, { lang: 'ru', kinds: ['claim', 'source'] }))).toEqual([
      'claim:claim-only-hundreds',
      'source:tass-arrivals',
    ]);
    const limited = searchRecords(data, {}, 2);
    expect(limited.hits).toHaveLength(2);
    expect(limited.total).toBe(2 + 5 + 1 + 4);
  });

  it('answers from the database, with sources (undated too) and series', async () => {
    d = freshDb('explore');
    expect(await readStoredDataset(d)).toBeNull();
    await seedDatabase(d, data, { origin: 'bundled' });
    expect(ids(await searchDataset(d, { text: 'hundreds' }))).toEqual([
      'claim:claim-only-hundreds',
    ]);
    expect((await listSources(d)).map((s) => s.id).sort()).toEqual([
      'bkb-portal',
      'icc-warrants',
      'reuters-claim',
      'tass-arrivals',
    ]);
    expect(await listSeries(d)).toEqual([
      { series: data.series.find((s) => s.id === 'ru-reported-arrivals'), figures: 2 },
      { series: data.series.find((s) => s.id === 'ua-verified-deported'), figures: 3 },
    ]);
  });

  it('reads the stored dataset back whole, changelog included', async () => {
    d = freshDb('explore');
    await seedDatabase(d, data, { origin: 'imported' });
    const stored = await readStoredDataset(d);
    expect(stored?.origin).toBe('imported');
    expect(diffIsEmpty(diffDatasets(data, stored!.dataset))).toBe(true);
    expect(stored?.dataset.changelog).toEqual(data.changelog);
  });
});

describe('import preview', () => {
  it('uses the dataset validation size limit for the file', () => {
    expect(MAX_IMPORT_BYTES).toBe(DEFAULT_MAX_BYTES);
  });

  it('lists added, removed and changed records per collection', () => {
    const before = makeFixture();
    const after = makeFixture((input) => {
      input.figures = input.figures.filter((f) => f.id !== 'ru-arrivals-2022');
      input.figures[0]!.value = 20000;
      input.findings.push({ ...input.findings[0]!, id: 'icc-2024-new' });
      input.lexicon[0]!.child.push('kids');
    });
    const diff = diffDatasets(before, after);
    expect(diff.figures).toEqual({
      added: [],
      removed: ['ru-arrivals-2022'],
      changed: ['ua-verified-2024-06'],
      unchanged: 3,
    });
    expect(diff.findings).toEqual({
      added: ['icc-2024-new'],
      removed: [],
      changed: [],
      unchanged: 1,
    });
    expect(diff.lexicon.changed).toEqual(['en']);
    expect(diff.claims).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
    expect(diffIsEmpty(diff)).toBe(false);
    // Nothing stored yet: everything is added.
    expect(diffDatasets(null, after).sources.added).toHaveLength(4);
    // Key order does not matter.
    const reordered = makeFixture();
    reordered.sources[0] = Object.fromEntries(
      Object.entries(reordered.sources[0]!).reverse(),
    ) as (typeof reordered.sources)[0];
    expect(diffIsEmpty(diffDatasets(before, reordered))).toBe(true);
  });

  it('refuses markup and script addresses in any text, with the path', () => {
    const bad = makeFixture((input) => {
      input.claims[0]!.statement.en = 'Evacuated <img src=x onerror=alert(1)>';
      input.findings[0]!.summary.uk = 'Див. javascript:alert(1)';
      input.sources[0]!.note = 'see data:text/html,<b>x</b>'.replace('<b>x</b>', 'x');
    });
    expect(markupProblems(bad)).toEqual([
      { path: 'sources[0].note', message: 'must not contain a script or data address' },
      {
        path: 'claims[0].statement.en',
        message: 'must be plain text: markup such as <tags> is not allowed',
      },
      { path: 'findings[0].summary.uk', message: 'must not contain a script or data address' },
    ]);
    expect(markupProblems(makeFixture())).toEqual([]);
    // Plain comparisons and the word "data:" are fine.
    const fine = makeFixture((input) => {
      input.claims[0]!.statement.en = 'Fewer than 5 < 10 children; official data: 700,000.';
    });
    expect(markupProblems(fine)).toEqual([]);
  });
});
