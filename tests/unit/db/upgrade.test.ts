import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FactDb,
  SCHEMA_V1,
  getClaimCard,
  getDatasetStatus,
  hashDataset,
  seedDatabase,
  setSiteEnabled,
  type DismissedRecord,
} from '@/lib/db';
import { makeFixture } from './fixture';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('schema upgrade 1 → 2', () => {
  it('keeps dataset and user data written by version 1, back-fills dismissed.site', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const dataset = makeFixture();

    // An older release: only version 1 is declared.
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    expect(old.verno).toBe(1);
    expect(old.tables.map((t) => t.name)).not.toContain('sites');
    await old.table('sources').bulkPut(dataset.sources);
    await old.table('series').bulkPut(dataset.series);
    await old.table('figures').bulkPut(dataset.figures);
    await old.table('claims').bulkPut(dataset.claims);
    await old.table('findings').bulkPut(dataset.findings);
    await old.table('lexicon').bulkPut(dataset.lexicon);
    const counts = { sources: 4, series: 2, figures: 5, claims: 2, findings: 1, lexicon: 1 };
    await old.table('meta').put({
      key: 'dataset',
      version: dataset.version,
      date: dataset.date,
      origin: 'bundled',
      seededAt: 10,
      importedAt: null,
      counts,
      hash: hashDataset(dataset),
    });
    // Version 1 dismissed rows had no `site`.
    await old.table('dismissed').bulkPut([
      { id: 'https://News.Example/a#k1', key: 'k1', url: 'https://News.Example/a', at: 1 },
      { id: 'not a url#k2', key: 'k2', url: 'not a url', at: 2 },
    ]);
    old.close();

    const db = new FactDb(name);
    await db.open();
    expect(db.verno).toBe(2);

    const dismissed = await db.dismissed.orderBy('at').toArray();
    expect(dismissed).toEqual<DismissedRecord[]>([
      {
        id: 'https://News.Example/a#k1',
        key: 'k1',
        url: 'https://News.Example/a',
        site: 'news.example',
        at: 1,
      },
      { id: 'not a url#k2', key: 'k2', url: 'not a url', site: '', at: 2 },
    ]);
    // New indexes work on old rows.
    expect(await db.dismissed.where('site').equals('news.example').count()).toBe(1);
    expect(await db.claims.where('narratives').equals('downplay-scale').primaryKeys()).toEqual([
      'claim-only-hundreds',
    ]);
    const timeline = await db.figures
      .where('[series+asOf]')
      .between(['ua-verified-deported', Dexie.minKey], ['ua-verified-deported', Dexie.maxKey])
      .primaryKeys();
    expect(timeline).toEqual(['ua-verified-2023-03', 'ua-verified-2024-06', 'ua-verified-2025-01']);

    // The new table exists and works.
    await setSiteEnabled(db, 'news.example', false, () => 3);
    expect(await db.sites.get('news.example')).toEqual({
      hostname: 'news.example',
      enabled: false,
      updatedAt: 3,
    });

    // The dataset survived and is recognised as intact: nothing to reseed.
    expect(await getDatasetStatus(db)).toMatchObject({
      version: dataset.version,
      seededAt: 10,
      counts,
    });
    expect((await seedDatabase(db, dataset, { origin: 'bundled' })).action).toBe('unchanged');
    expect((await getClaimCard(db, 'claim-evacuated-for-safety'))?.contrasts).toHaveLength(3);
    db.close();
  });
});
