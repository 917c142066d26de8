import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDataHandlers, createDataService, type FactDb } from '@/lib/db';
import { requestCards, requestDatasetVersion } from '@/lib/messages/card-client';
import { GetCardsResponse, StatusResponse } from '@/lib/messages/card-answers';
import { MessageError } from '@/lib/messages/errors';
import { ResponseFor, createRouter } from '@/lib/messages';
import { bundle } from '../../fixtures/bundle';
import { freshDb, makeFixture } from '../db/fixture';

const OWN = 'own-extension-id';
let db: FactDb;

/** Stage 3's messages reach the real data handlers, through the router's validation. */
function answeringFromDatabase() {
  const service = createDataService(db, makeFixture);
  const route = createRouter(OWN, createDataHandlers(service, () => '0.1.0') as never);
  return vi
    .spyOn(fakeBrowser.runtime, 'sendMessage')
    .mockImplementation((async (message: unknown) =>
      route(message, { id: OWN, tabId: 3 })) as never);
}

function answering(answer: unknown) {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(answer as never);
}

beforeEach(() => {
  db = freshDb('card-client');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe("stage 3's requests", () => {
  it('gets cards and the dataset version from the background', async () => {
    const send = answeringFromDatabase();
    const answer = await requestCards(['claim:claim-evacuated-for-safety', 'nope']);
    expect(answer.missing).toEqual(['nope']);
    expect(answer.cards['claim:claim-evacuated-for-safety']?.kind).toBe('claim');
    expect(await requestDatasetVersion()).toBe('2026.11.01');
    expect(send).toHaveBeenCalledWith({
      type: 'get-cards',
      ids: ['claim:claim-evacuated-for-safety', 'nope'],
    });
  });

  it("throws the background's error, and refuses a forged card or status", async () => {
    answering({ ok: false, error: 'refused: not a valid request' });
    await expect(requestCards(['x'])).rejects.toEqual(
      new MessageError('refused: not a valid request'),
    );
    answering({ ok: true, cards: { x: { kind: 'claim', html: '<img onerror=alert(1)>' } } });
    await expect(requestCards(['x'])).rejects.toThrow(/malformed get-cards response/);
    answering({ ok: true, version: '0.1.0', datasetVersion: 7, ready: true });
    await expect(requestDatasetVersion()).rejects.toThrow(/malformed status response/);
  });

  it('reads with the same schemas as the full protocol', () => {
    expect(ResponseFor['get-cards']).toBe(GetCardsResponse);
    expect(ResponseFor.status).toBe(StatusResponse);
  });
});

describe("stage 3's bundle", () => {
  it('carries the card schemas, without the dataset, its lexicon or the rest of the protocol', async () => {
    const code = await bundle(`import stage3 from '@/entrypoints/stage3/index'; stage3.main();`);
    // Its request and the records' schemas (a figure's as-of date) are there...
    expect(code).toContain('get-cards');
    expect(code).toMatch(/asOf/);
    // ...but not the dataset's version rule, the lexicon's words, or the import's limits.
    expect(code).not.toContain('must be a date-based version');
    expect(code).not.toContain('must be one word');
    expect(code).not.toContain('apply-import');
    // Nor the page's verdicts (stage 2's answers).
    expect(code).not.toContain('an annotation spans its quote');
  });
});
