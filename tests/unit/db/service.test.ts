import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataService, type FactDb } from '@/lib/db';
import { freshDb, makeFixture } from './fixture';

const open: FactDb[] = [];
function db(): FactDb {
  const instance = freshDb('service');
  open.push(instance);
  return instance;
}
afterEach(async () => {
  for (const instance of open.splice(0)) await instance.delete();
});

describe('createDataService', () => {
  it('seeds once for all concurrent callers, and queries wait for it', async () => {
    const load = vi.fn(() => makeFixture());
    const service = createDataService(db(), load);
    const [a, b, cards, status] = await Promise.all([
      service.ensureSeeded(),
      service.ensureSeeded(),
      service.getCards(['claim:claim-only-hundreds']),
      service.status(),
    ]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(a?.action).toBe('seeded');
    expect(Object.keys(cards.cards)).toEqual(['claim:claim-only-hundreds']);
    expect(status).toMatchObject({ ready: true, error: null, version: '2026.11.01' });
  });

  it('finds an intact database unchanged after a service worker restart', async () => {
    const d = db();
    await createDataService(d, makeFixture).ensureSeeded();
    const restarted = createDataService(d, makeFixture);
    expect((await restarted.ensureSeeded())?.action).toBe('unchanged');
  });

  it('reports a failed load, answers from what is stored, and retries later', async () => {
    const d = db();
    await createDataService(d, makeFixture).ensureSeeded();
    const log = vi.fn();
    const load = vi
      .fn<() => ReturnType<typeof makeFixture>>()
      .mockImplementationOnce(() => {
        throw new Error('bundled dataset is invalid');
      })
      .mockImplementation(() => makeFixture((input) => (input.version = '2026.12.01')));
    let t = 0;
    const service = createDataService(d, load, { log, now: () => t, retryAfterMs: 1000 });

    expect(await service.status()).toMatchObject({
      ready: true, // the earlier dataset still answers
      version: '2026.11.01',
      error: 'bundled dataset is invalid',
    });
    expect(log).toHaveBeenCalledWith('dataset seeding failed', expect.any(Error));
    expect(
      Object.keys((await service.getCards(['series:ua-verified-deported'])).cards),
    ).toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(1); // no retry storm: answered from the stored data
    t = 1000;
    await service.getCards([]);
    expect(load).toHaveBeenCalledTimes(2); // retried once the pause is over
    expect(await service.status()).toMatchObject({ version: '2026.12.01', error: null });
  });

  it('is not ready on an empty database whose seeding fails', async () => {
    const service = createDataService(db(), () => {
      throw new Error('missing');
    });
    expect(await service.status()).toMatchObject({ ready: false, version: null, error: 'missing' });
    expect(await service.getCards(['claim:x'])).toEqual({ cards: {}, missing: ['claim:x'] });
  });

  it('imports through the service after seeding', async () => {
    const service = createDataService(db(), makeFixture);
    const imported = makeFixture((input) => (input.version = '2026.11.20'));
    const result = await service.importDataset(imported, (raw) => ({
      ok: true,
      dataset: raw as typeof imported,
    }));
    expect(result).toMatchObject({ ok: true, result: { origin: 'imported' } });
    expect(await service.status()).toMatchObject({ version: '2026.11.20', origin: 'imported' });
  });
});
