import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { DB_NAME } from '@/lib/db';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { GetCardsResponse, StatusResponse } from '@/lib/messages';

afterEach(async () => {
  await Dexie.delete(DB_NAME);
});

/** Sends a message to the background's listener the way the browser does. */
function send(message: unknown, sender: { id?: string; tab?: { id: number } }): Promise<unknown> {
  return new Promise((resolve) => {
    // The fake's trigger is typed (message, sender); the real event also passes sendResponse.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (
      ...args: unknown[]
    ) => Promise<unknown>;
    void trigger(message, sender, resolve);
  });
}

describe('background wiring', () => {
  it('answers status and get-cards through the database, refusing strangers', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'test',
      version: '9.9.9',
    });
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });

    const own = { id: fakeBrowser.runtime.id };
    const status = StatusResponse.parse(await send({ type: 'status' }, own));
    expect(status.version).toBe('9.9.9');
    const bundled = loadBundledDataset();
    expect(status).toMatchObject({ ready: true, datasetVersion: bundled.version });
    expect(status.dataset).toMatchObject({ origin: 'bundled', error: null });

    const claim = bundled.claims[0]!;
    const cards = GetCardsResponse.parse(await send({ type: 'get-cards', ids: [claim.id] }, own));
    expect(cards.cards[claim.id]).toMatchObject({ kind: 'claim', id: claim.id });

    expect(await send({ type: 'get-cards', ids: ['claim:does-not-exist'] }, own)).toEqual({
      ok: true,
      cards: {},
      missing: ['claim:does-not-exist'],
    });
    expect(await send({ type: 'get-cards', ids: [] }, { id: 'another-extension' })).toMatchObject({
      ok: false,
    });
    expect(await send({ type: 'ping' }, own)).toEqual({ ok: true, pong: true });
  });
});
