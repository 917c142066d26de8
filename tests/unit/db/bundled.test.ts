import { afterEach, describe, expect, it } from 'vitest';
import { bundledRawDataset, loadBundledDataset } from '@/lib/dataset/bundled';
import { validateDataset } from '@/lib/dataset/validate';
import {
  getCards,
  getDatasetStatus,
  importDataset,
  seedDatabase,
  type DatasetValidator,
  type FactDb,
} from '@/lib/db';
import { freshDb } from './fixture';

const validate: DatasetValidator = (raw) => validateDataset(raw);
const open: FactDb[] = [];
function db(): FactDb {
  const instance = freshDb('bundled');
  open.push(instance);
  return instance;
}
afterEach(async () => {
  for (const instance of open.splice(0)) await instance.delete();
});

describe('the bundled dataset in the database', () => {
  it('seeds, then stays unchanged', async () => {
    const d = db();
    const dataset = loadBundledDataset();
    const first = await seedDatabase(d, dataset, { origin: 'bundled' });
    expect(first.action).toBe('seeded');
    expect(first.counts.claims).toBe(new Set(dataset.claims.map((c) => c.id)).size);
    expect((await seedDatabase(d, dataset, { origin: 'bundled' })).action).toBe('unchanged');
    expect(await getDatasetStatus(d)).toMatchObject({
      version: dataset.version,
      origin: 'bundled',
      counts: first.counts,
    });
  });

  it('resolves every contrast and source of every claim, and every series timeline', async () => {
    const d = db();
    const dataset = loadBundledDataset();
    await seedDatabase(d, dataset, { origin: 'bundled' });
    const ids = [
      ...dataset.claims.map((c) => `claim:${c.id}`),
      ...dataset.series.map((s) => `series:${s.id}`),
    ];
    // One batch per request is bounded; ask in slices like the content script would.
    for (let i = 0; i < ids.length; i += 100) {
      const { cards, missing } = await getCards(d, ids.slice(i, i + 100));
      expect(missing).toEqual([]);
      for (const card of Object.values(cards)) {
        if (card.kind === 'claim') {
          expect(card.sources).toHaveLength(new Set(card.claim.sources).size);
          for (const contrast of card.contrasts) expect(contrast.record).not.toBeNull();
        }
        if (card.kind === 'series') {
          const dates = card.figures.map((f) => f.figure.asOf);
          expect(dates).toEqual([...dates].sort());
          for (const entry of card.figures) expect(entry.sources.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('rejects a malformed import with the real validator and keeps the bundled data', async () => {
    const d = db();
    await seedDatabase(d, loadBundledDataset(), { origin: 'bundled' });
    const before = await getDatasetStatus(d);
    const raw = bundledRawDataset() as { claims: { contrasts: { ref: { id: string } }[] }[] };
    raw.claims[0]!.contrasts[0]!.ref.id = 'dangling-reference';
    const result = await importDataset(d, raw, validate);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
    expect(await getDatasetStatus(d)).toEqual(before);
  });
});
