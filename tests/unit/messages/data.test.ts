import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createDataHandlers,
  createDataService,
  createOptionsHandlers,
  type FactDb,
} from '@/lib/db';
import {
  GetCardsResponse,
  MessageError,
  StatusResponse,
  createRouter,
  sendRequest,
} from '@/lib/messages';
import { freshDb, makeFixture } from '../db/fixture';

const OWN = 'own-extension-id';
let db: FactDb;
let route: ReturnType<typeof createRouter>;

beforeEach(() => {
  db = freshDb('messages');
  const service = createDataService(db, makeFixture);
  route = createRouter(OWN, {
    ping: () => ({ ok: true, pong: true }),
    'report-annotations': () => ({ ok: true }),
    'ensure-detector': () => ({ ok: true, ready: true }),
    'load-stage-2': () => ({ ok: true }),
    ...createDataHandlers(service, () => '0.1.0'),
    ...createOptionsHandlers({
      db,
      service,
      loadBundled: makeFixture,
      republish: async () => 'unchanged',
    }),
  });
});
afterEach(async () => {
  await db.delete();
});

describe('data handlers through the router', () => {
  it('status reports the dataset version stored in the database', async () => {
    const status = await route({ type: 'status' }, { id: OWN });
    expect(StatusResponse.parse(status)).toMatchObject({
      ok: true,
      version: '0.1.0',
      datasetVersion: '2026.11.01',
      ready: true,
      dataset: {
        origin: 'bundled',
        date: '2026-11-01',
        importedAt: null,
        error: null,
        counts: { sources: 4, series: 2, figures: 5, claims: 2, findings: 1, lexicon: 1 },
      },
    });
  });

  it('get-cards answers a batch with resolved cards', async () => {
    const raw = await route(
      { type: 'get-cards', ids: ['claim:claim-evacuated-for-safety', 'nope'] },
      { id: OWN, tabId: 3 },
    );
    const response = GetCardsResponse.parse(raw);
    expect(response.missing).toEqual(['nope']);
    const card = response.cards['claim:claim-evacuated-for-safety'];
    expect(card?.kind).toBe('claim');
    if (card?.kind !== 'claim') return;
    expect(card.contrasts.map((c) => c.record?.id)).toEqual([
      'icc-2023-warrants',
      'ua-verified-2023-03',
      'ua-verified-deported',
    ]);
  });

  it('a foreign sender gets nothing from the database', async () => {
    expect(
      await route({ type: 'get-cards', ids: ['claim:claim-evacuated-for-safety'] }, { id: 'evil' }),
    ).toEqual({ ok: false, error: 'refused: message from outside this extension' });
  });
});

describe('sendRequest (content script side)', () => {
  function wire(reply?: (raw: unknown) => unknown) {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const raw = await route(message, { id: OWN });
      return reply ? reply(raw) : raw;
    });
  }

  it('gets validated cards in one round trip', async () => {
    wire();
    const response = await sendRequest({ type: 'get-cards', ids: ['series:ru-reported-arrivals'] });
    const card = response.cards['series:ru-reported-arrivals'];
    expect(card?.kind === 'series' && card.latest?.figure.value).toBe(700000);
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('refuses to send an oversized batch', async () => {
    wire();
    const ids = Array.from({ length: 101 }, (_, i) => `claim:c-${i}`);
    await expect(sendRequest({ type: 'get-cards', ids })).rejects.toThrow();
    expect(fakeBrowser.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('throws MessageError on an error answer and on a malformed answer', async () => {
    wire(() => ({ ok: false, error: 'database is closed' }));
    await expect(sendRequest({ type: 'get-cards', ids: [] })).rejects.toThrow(
      new MessageError('database is closed'),
    );
    wire(() => ({ ok: true, cards: { x: { kind: 'claim', id: 'x' } }, missing: [] }));
    await expect(sendRequest({ type: 'get-cards', ids: ['x'] })).rejects.toThrow(
      'malformed get-cards response',
    );
  });
});
