import { afterEach, describe, expect, it } from 'vitest';
import { Dataset } from '@/lib/dataset';
import {
  DATASET_META_KEY,
  compareVersions,
  dismissAnnotation,
  getDatasetStatus,
  hashDataset,
  importDataset,
  seedDatabase,
  setSiteEnabled,
  type DatasetValidator,
  type FactDb,
} from '@/lib/db';
import { freshDb, makeFixture } from './fixture';

const open: FactDb[] = [];
function db(): FactDb {
  const instance = freshDb('seed');
  open.push(instance);
  return instance;
}

afterEach(async () => {
  for (const instance of open.splice(0)) await instance.delete();
});

const clock = (start = 1_000) => {
  let t = start;
  return () => (t += 1);
};

/** A validator with the shape of lib/dataset/validate.ts, built on the Zod schema alone. */
const zodValidate: DatasetValidator = (raw) => {
  const parsed = Dataset.safeParse(raw);
  return parsed.success
    ? { ok: true, dataset: parsed.data }
    : {
        ok: false,
        problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      };
};

const expectedCounts = { sources: 4, series: 2, figures: 5, claims: 2, findings: 1, lexicon: 1 };

describe('seedDatabase', () => {
  it('seeds a fresh database and records meta', async () => {
    const d = db();
    const dataset = makeFixture();
    const result = await seedDatabase(d, dataset, { origin: 'bundled', now: () => 42 });
    expect(result).toMatchObject({
      action: 'seeded',
      version: '2026.11.01',
      origin: 'bundled',
      previous: null,
    });
    expect(result.counts).toEqual(expectedCounts);
    const meta = await d.meta.get(DATASET_META_KEY);
    expect(meta).toMatchObject({
      version: '2026.11.01',
      date: '2026-11-01',
      origin: 'bundled',
      seededAt: 42,
      importedAt: null,
      counts: expectedCounts,
      hash: hashDataset(dataset),
    });
    expect(await d.figures.get('ru-arrivals-2023')).toEqual(
      dataset.figures.find((f) => f.id === 'ru-arrivals-2023'),
    );
    expect(await d.lexicon.get('en')).toEqual(dataset.lexicon[0]);
    const status = await getDatasetStatus(d);
    expect(status).toEqual({
      version: '2026.11.01',
      origin: 'bundled',
      date: '2026-11-01',
      seededAt: 42,
      importedAt: null,
      counts: expectedCounts,
    });
  });

  it('leaves an intact database alone on repeated runs', async () => {
    const d = db();
    const now = clock();
    expect((await seedDatabase(d, makeFixture(), { origin: 'bundled', now })).action).toBe(
      'seeded',
    );
    const before = await d.meta.get(DATASET_META_KEY);
    const again = await seedDatabase(d, makeFixture(), { origin: 'bundled', now });
    expect(again.action).toBe('unchanged');
    expect(again.previous).toEqual({ version: '2026.11.01', origin: 'bundled' });
    expect(await d.meta.get(DATASET_META_KEY)).toEqual(before); // no write at all
  });

  it('is safe when two seeds race', async () => {
    const d = db();
    const results = await Promise.all([
      seedDatabase(d, makeFixture(), { origin: 'bundled' }),
      seedDatabase(d, makeFixture(), { origin: 'bundled' }),
    ]);
    expect(results.map((r) => r.action).sort()).toEqual(['seeded', 'unchanged']);
    expect((await getDatasetStatus(d)).counts).toEqual(expectedCounts);
  });

  it('reseeds on a new dataset version and keeps user data', async () => {
    const d = db();
    await seedDatabase(d, makeFixture(), { origin: 'bundled' });
    await dismissAnnotation(d, 'claim:claim-only-hundreds', 'https://news.example/a#top', () => 7);
    await setSiteEnabled(d, 'News.Example', false, () => 8);

    const next = makeFixture((input) => {
      input.version = '2026.12.01';
      input.figures = input.figures.filter((f) => f.id !== 'ru-arrivals-2022');
      input.sources.push({
        id: 'un-coi',
        publisher: 'UN Commission of Inquiry',
        title: 'Report',
        url: 'https://www.ohchr.org/en/coi',
        published: '2024-03',
        language: 'en',
        kind: 'international',
      });
    });
    const result = await seedDatabase(d, next, { origin: 'bundled' });
    expect(result).toMatchObject({
      action: 'seeded',
      version: '2026.12.01',
      previous: { version: '2026.11.01' },
    });
    expect(result.counts).toMatchObject({ figures: 4, sources: 5 });
    expect(await d.figures.get('ru-arrivals-2022')).toBeUndefined(); // old records are gone
    expect(await d.sources.get('un-coi')).toBeDefined();
    expect(await d.dismissed.toArray()).toEqual([
      {
        id: 'https://news.example/a#claim:claim-only-hundreds',
        key: 'claim:claim-only-hundreds',
        url: 'https://news.example/a',
        site: 'news.example',
        at: 7,
      },
    ]);
    expect(await d.sites.toArray()).toEqual([
      { hostname: 'news.example', enabled: false, updatedAt: 8 },
    ]);
  });

  it('reseeds when the content changes without a version bump', async () => {
    const d = db();
    await seedDatabase(d, makeFixture(), { origin: 'bundled' });
    const edited = makeFixture((input) => {
      input.figures[0]!.value = 20000;
    });
    expect((await seedDatabase(d, edited, { origin: 'bundled' })).action).toBe('seeded');
    expect((await d.figures.get('ua-verified-2024-06'))?.value).toBe(20000);
  });

  it('repairs a cleared table', async () => {
    const d = db();
    await seedDatabase(d, makeFixture(), { origin: 'bundled' });
    await dismissAnnotation(d, 'k', 'https://news.example/b');
    await d.figures.clear();
    const result = await seedDatabase(d, makeFixture(), { origin: 'bundled' });
    expect(result.action).toBe('repaired');
    expect(await d.figures.count()).toBe(5);
    expect(await d.dismissed.count()).toBe(1);
  });

  it('repairs a deleted record', async () => {
    const d = db();
    await seedDatabase(d, makeFixture(), { origin: 'bundled' });
    await d.claims.delete('claim-only-hundreds');
    expect((await seedDatabase(d, makeFixture(), { origin: 'bundled' })).action).toBe('repaired');
    expect(await d.claims.get('claim-only-hundreds')).toBeDefined();
  });

  it('repairs a record swapped for a stranger with the same count', async () => {
    const d = db();
    const dataset = makeFixture();
    await seedDatabase(d, dataset, { origin: 'bundled' });
    await d.series.delete('ru-reported-arrivals');
    await d.series.put({ ...dataset.series[0]!, id: 'stray-series' });
    expect((await seedDatabase(d, dataset, { origin: 'bundled' })).action).toBe('repaired');
    expect((await d.series.toCollection().primaryKeys()).sort()).toEqual([
      'ru-reported-arrivals',
      'ua-verified-deported',
    ]);
  });

  it('repairs when meta is lost but records remain, and seeds over an emptied meta', async () => {
    const d = db();
    await seedDatabase(d, makeFixture(), { origin: 'bundled' });
    await d.meta.clear();
    expect((await seedDatabase(d, makeFixture(), { origin: 'bundled' })).action).toBe('repaired');
    expect((await getDatasetStatus(d)).version).toBe('2026.11.01');
  });

  it('counts duplicate ids once, so a sloppy dataset does not reseed forever', async () => {
    const d = db();
    const dup = makeFixture((input) => {
      input.figures.push({ ...input.figures[0]! });
    });
    expect((await seedDatabase(d, dup, { origin: 'bundled' })).counts.figures).toBe(5);
    expect((await seedDatabase(d, dup, { origin: 'bundled' })).action).toBe('unchanged');
  });

  it('keeps an imported dataset until a newer bundled one arrives', async () => {
    const d = db();
    await seedDatabase(d, makeFixture(), { origin: 'bundled' });
    const imported = makeFixture((input) => {
      input.version = '2026.11.15';
      input.findings = [];
    });
    const imp = await importDataset(d, imported, zodValidate, () => 99);
    expect(imp).toMatchObject({ ok: true, result: { action: 'seeded', origin: 'imported' } });
    expect(await getDatasetStatus(d)).toMatchObject({
      version: '2026.11.15',
      origin: 'imported',
      importedAt: 99,
    });

    // Same or older bundled dataset (e.g. the service worker restarts): keep the import.
    const kept = await seedDatabase(d, makeFixture(), { origin: 'bundled' });
    expect(kept).toMatchObject({ action: 'unchanged', version: '2026.11.15', origin: 'imported' });
    expect(await d.findings.count()).toBe(0);

    // A damaged import is restored from the bundled dataset.
    await d.figures.clear();
    const repaired = await seedDatabase(d, makeFixture(), { origin: 'bundled' });
    expect(repaired).toMatchObject({
      action: 'repaired',
      version: '2026.11.01',
      origin: 'bundled',
    });
    expect(await d.figures.count()).toBe(5);

    // A newer bundled dataset replaces an import.
    await importDataset(d, imported, zodValidate);
    const newer = makeFixture((input) => {
      input.version = '2026.12.01';
    });
    expect(await seedDatabase(d, newer, { origin: 'bundled' })).toMatchObject({
      action: 'seeded',
      origin: 'bundled',
    });
  });
});

describe('importDataset', () => {
  it('rejects a malformed dataset whole and leaves the stored data intact', async () => {
    const d = db();
    const dataset = makeFixture();
    await seedDatabase(d, dataset, { origin: 'bundled', now: () => 5 });
    const snapshot = {
      status: await getDatasetStatus(d),
      figures: await d.figures.toArray(),
      claims: await d.claims.toArray(),
    };

    const raw = JSON.parse(
      JSON.stringify(makeFixture((input) => (input.version = '2027.01.01'))),
    ) as Record<string, unknown>;
    const figures = raw.figures as Record<string, unknown>[];
    figures[3]!.value = -5; // one bad record among many good ones
    (raw.sources as Record<string, unknown>[])[0]!.url = 'javascript:alert(1)';

    const result = await importDataset(d, raw, zodValidate);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['figures.3.value', 'sources.0.url']),
    );

    expect(await getDatasetStatus(d)).toEqual(snapshot.status);
    expect(await d.figures.toArray()).toEqual(snapshot.figures);
    expect(await d.claims.toArray()).toEqual(snapshot.claims);
  });

  it('rejects non-objects and validators that throw', async () => {
    const d = db();
    await seedDatabase(d, makeFixture(), { origin: 'bundled' });
    expect(await importDataset(d, 'not a dataset', zodValidate)).toMatchObject({ ok: false });
    const throwing: DatasetValidator = () => {
      throw new Error('boom');
    };
    expect(await importDataset(d, {}, throwing)).toEqual({
      ok: false,
      problems: [{ path: '', message: 'boom' }],
    });
    expect(await importDataset(d, {}, () => ({ ok: false, problems: [] }))).toMatchObject({
      ok: false,
    });
    expect((await getDatasetStatus(d)).counts.figures).toBe(5);
  });

  it('writes a valid dataset even when the version is the same', async () => {
    const d = db();
    await seedDatabase(d, makeFixture(), { origin: 'bundled' });
    const result = await importDataset(d, makeFixture(), zodValidate);
    expect(result).toMatchObject({ ok: true, result: { action: 'seeded', origin: 'imported' } });
  });
});

describe('compareVersions', () => {
  it('orders date-based versions', () => {
    expect(compareVersions('2026.11.29', '2026.11.29')).toBe(0);
    expect(compareVersions('2026.11.29', '2026.11.29.1')).toBeLessThan(0);
    expect(compareVersions('2026.12.01', '2026.11.29.3')).toBeGreaterThan(0);
    expect(compareVersions('2027.01.01', '2026.12.31')).toBeGreaterThan(0);
  });
});
