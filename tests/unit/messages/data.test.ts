import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createDataHandlers,
  createDataService,
  createOptionsHandlers,
  type FactDb,
} from '@/lib/db';
import {
  GetCardTitlesResponse,
  GetCardsResponse,
  MessageError,
  StatusResponse,
  createRouter,
  sendRequest,
} from '@/lib/messages';
import { cardTitle } from '@/lib/cards/view';
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
    'dismiss-annotation': () => ({ ok: true }),
    'check-page': () => ({ ok: true, loaded: false }),
    'detect-blocks': () => ({ ok: true, verdicts: null }),
    'load-stage-3': () => ({ ok: true }),
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

  it('get-card-titles names each annotation as its card would be titled, null when unknown', async () => {
    const annotations = [
      ['claim:claim-evacuated-for-safety'],
      ['nope', 'finding:also-nope'],
      ['nope', 'claim:claim-evacuated-for-safety'],
    ];
    const { cards } = GetCardsResponse.parse(
      await route({ type: 'get-cards', ids: annotations.flat() }, { id: OWN, tabId: 3 }),
    );
    for (const lang of ['en', 'uk'] as const) {
      const raw = await route(
        { type: 'get-card-titles', annotations, lang },
        { id: OWN, tabId: 3 },
      );
      const { titles } = GetCardTitlesResponse.parse(raw);
      expect(titles).toEqual(annotations.map((ids) => cardTitle(ids, cards, lang)));
      expect(titles[0]).toEqual(expect.any(String));
      expect(titles[1]).toBeNull();
      expect(titles[2]).toBe(titles[0]);
    }
  });

  it('get-card-titles looks up more distinct ids than one get-cards batch holds', async () => {
    const annotations = Array.from({ length: 150 }, (_, k) => [`finding:none-${k}`]);
    annotations.push(['claim:claim-evacuated-for-safety']);
    const raw = await route(
      { type: 'get-card-titles', annotations, lang: 'en' },
      { id: OWN, tabId: 3 },
    );
    const { titles } = GetCardTitlesResponse.parse(raw);
    expect(titles).toHaveLength(151);
    expect(titles.slice(0, 150).every((t) => t === null)).toBe(true);
    expect(titles[150]).toEqual(expect.any(String));
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
