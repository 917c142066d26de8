import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledRawDataset, loadBundledDataset } from '@/lib/dataset/bundled';
import { DB_NAME, createDataService, type FactDb, type SeedResult } from '@/lib/db';
import { detectorItem } from '@/lib/detector-store';
import {
  GetCardsResponse,
  PreviewImportResponse,
  StatusResponse,
  ExploreSourcesResponse,
} from '@/lib/messages';
import { dismiss, dismissedKeys, excludeSite, getSettings } from '@/lib/settings';
import { freshDb, makeFixture } from '../db/fixture';
import { startBackground } from './background';

const open: FactDb[] = [];
function db(): FactDb {
  const instance = freshDb('deleted');
  open.push(instance);
  return instance;
}
afterEach(async () => {
  for (const instance of open.splice(0)) await instance.delete();
  await Dexie.delete(DB_NAME);
});

const claimId = 'claim:claim-only-hundreds';

beforeEach(() => {
  // Dexie says so when another connection deletes its database.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('the database deleted behind the service', () => {
  it('is rebuilt from the bundled dataset on the next request', async () => {
    const d = db();
    const log = vi.fn();
    const writes: SeedResult[] = [];
    const load = vi.fn(() => makeFixture());
    const service = createDataService(d, load, { log, onWrite: (r) => writes.push(r) });
    expect(Object.keys((await service.getCards([claimId])).cards)).toEqual([claimId]);

    // Another connection deletes it (site data cleared, DevTools): Dexie closes its own
    // connection so that the deletion goes through, and opens it again on the next use.
    await Dexie.delete(d.name);
    expect(Object.keys((await service.getCards([claimId])).cards)).toEqual([claimId]);
    expect(await service.status()).toMatchObject({ ready: true, version: '2026.11.01' });
    expect(load).toHaveBeenCalledTimes(2);
    expect(writes.map((w) => w.action)).toEqual(['seeded', 'seeded']);
    expect(writes[1]).toMatchObject({ previous: null, origin: 'bundled' });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/gone.*rebuilding/));
  });

  it('rebuilds once for every request that finds it gone at the same time', async () => {
    const d = db();
    const load = vi.fn(() => makeFixture());
    const service = createDataService(d, load);
    await service.ensureSeeded();
    await Dexie.delete(d.name);
    const answers = await Promise.all([
      service.getCards([claimId]),
      service.getCards(['series:ua-verified-deported']),
      service.status(),
      service.ensureSeeded(),
    ]);
    expect(load).toHaveBeenCalledTimes(2);
    expect(Object.keys(answers[0].cards)).toEqual([claimId]);
    expect(Object.keys(answers[1].cards)).toEqual(['series:ua-verified-deported']);
    expect(answers[2]).toMatchObject({ ready: true });
  });

  it('is rebuilt when only its metadata row is cleared, and left alone while it is there', async () => {
    const d = db();
    const load = vi.fn(() => makeFixture());
    const service = createDataService(d, load);
    await service.ensureSeeded();
    for (let i = 0; i < 3; i++) await service.getCards([claimId]);
    expect(load).toHaveBeenCalledTimes(1); // one read of `meta` per request, no reseed
    await d.meta.clear();
    expect((await service.ensureSeeded())?.action).toBe('repaired');
    expect(load).toHaveBeenCalledTimes(2);
    expect(Object.keys((await service.getCards([claimId])).cards)).toEqual([claimId]);
  });

  it('through the background: the import is lost, the reader’s own data is not, the detector follows', async () => {
    const { send } = startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await send({ type: 'ensure-detector' });
    const bundled = loadBundledDataset();
    const bundledKey = (await detectorItem.getValue())?.datasetKey;

    // The reader's data: a dismissal and an excluded site (extension storage).
    await dismiss('claim:x', 'https://news.example/a');
    await excludeSite('off.example');
    // An imported dataset: the bundled one with a newer version and an extra source.
    const raw = bundledRawDataset() as { version: string; sources: { id: string }[] };
    raw.version = '2099.01.01';
    raw.sources.push({ ...raw.sources[0]!, id: 'imported-only-source' });
    const text = JSON.stringify(raw);
    const preview = PreviewImportResponse.parse(await send({ type: 'preview-import', text }));
    if (!preview.valid) throw new Error(JSON.stringify(preview.problems.slice(0, 3)));
    expect(await send({ type: 'apply-import', text, expect: preview.token })).toMatchObject({
      applied: true,
    });
    const importedKey = (await detectorItem.getValue())?.datasetKey;
    expect(importedKey?.startsWith('2099.01.01#')).toBe(true);

    await Dexie.delete(DB_NAME);

    // The next request: the bundled dataset again, not the import (it lived only there).
    const claim = bundled.claims[0]!;
    const cards = GetCardsResponse.parse(await send({ type: 'get-cards', ids: [claim.id] }));
    expect(cards.cards[claim.id]).toMatchObject({ kind: 'claim', id: claim.id });
    const status = StatusResponse.parse(await send({ type: 'status' }));
    expect(status).toMatchObject({
      datasetVersion: bundled.version,
      dataset: { origin: 'bundled' },
    });
    const sources = ExploreSourcesResponse.parse(await send({ type: 'explore-sources' }));
    expect(sources.sources.map((s) => s.id)).not.toContain('imported-only-source');
    // The published detector follows the rebuilt data.
    await vi.waitFor(async () =>
      expect((await detectorItem.getValue())?.datasetKey).toBe(bundledKey),
    );
    // The reader's settings and dismissals are in extension storage: untouched.
    expect(await dismissedKeys('https://news.example/a')).toEqual(['claim:x']);
    expect((await getSettings()).excludedSites).toEqual(['off.example']);
  });
});
