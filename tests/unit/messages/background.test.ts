import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { DB_NAME, FactDb } from '@/lib/db';
import { bundledRawDataset, loadBundledDataset } from '@/lib/dataset/bundled';
import {
  DetectBlocksResponse,
  GetCardsResponse,
  PreviewImportResponse,
  StatusResponse,
} from '@/lib/messages';
import { dismissedKeys, getSettings } from '@/lib/settings';
import { detectorItem, prefilterItem } from '@/lib/detector-store';
import { hydrateDetector, prefilter, prefilterFromJSON, runPrefilter } from '@/lib/detect';
import { readTabReport, saveTabReport } from '@/lib/badge/tab-report';

// The fake browser has no keyboard commands: record the listener the background adds.
let onCommand: ((command: string, tab?: { id?: number }) => void) | undefined;
beforeEach(() => {
  onCommand = undefined;
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
    onCommand = listener as typeof onCommand;
  });
});

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
  it("relays the reader's keyboard commands to the active tab, and nothing else", async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    background.main();
    expect(onCommand).toBeDefined();
    onCommand!('next-annotation', { id: 4 });
    await vi.waitFor(() =>
      expect(sent).toHaveBeenCalledWith(
        4,
        { type: 'page-command', command: 'next-annotation' },
        { frameId: 0 },
      ),
    );
    onCommand!('something-else', { id: 4 });
    onCommand!('previous-annotation', {});
    // An off-topic page around a relevant frame: the frame's stage 2 gets the command.
    await saveTabReport(5, {
      url: 'https://news.example/',
      count: 2,
      at: 1,
      frames: { 0: 0, 3: 2 },
    });
    onCommand!('previous-annotation', { id: 5 });
    await vi.waitFor(() =>
      expect(sent).toHaveBeenLastCalledWith(
        5,
        { type: 'page-command', command: 'previous-annotation' },
        { frameId: 3 },
      ),
    );
    expect(sent).toHaveBeenCalledTimes(2);
  });

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

  it('publishes the detector compiled from the stored dataset, once per dataset', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    background.main();
    const own = { id: fakeBrowser.runtime.id };
    expect(await send({ type: 'ensure-detector' }, own)).toEqual({ ok: true, ready: true });
    const published = await detectorItem.getValue();
    expect(published?.datasetKey).toMatch(/^\d{4}\.\d{2}\.\d{2}/);
    const detector = hydrateDetector(published!.detector);
    expect(prefilter(detector, 'Russia deported thousands of Ukrainian children.')).toBe(true);
    expect(prefilter(detector, 'A recipe for lentil soup with lemon.')).toBe(false);

    const published2 = await prefilterItem.getValue();
    expect(published2?.datasetKey).toBe(published?.datasetKey);
    expect(JSON.stringify(published2!.prefilter).length).toBeLessThan(16_000);
    const small = prefilterFromJSON(published2!.prefilter);
    expect(runPrefilter(small, 'Russia deported thousands of Ukrainian children.')).toBe(true);
    expect(runPrefilter(small, 'A recipe for lentil soup with lemon.')).toBe(false);
  });

  it("judges a tab's page with the published detector, and injects stage 2 only when a block is relevant", async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const insertCSS = vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue();
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    background.main();
    const own = { id: fakeBrowser.runtime.id };
    await send({ type: 'ensure-detector' }, own);
    const fromFrame = { ...own, tab: { id: 7 }, frameId: 2 };
    const check = (blocks: string[]) => ({ type: 'check-page', title: 'City notes', blocks });

    const falseAlarm =
      'In Kyiv, a kind neighbour took the boy back to his school after the concert.';
    expect(await send(check([falseAlarm]), fromFrame)).toEqual({ ok: true, loaded: false });
    expect(executeScript).not.toHaveBeenCalled();

    const relevant =
      'Russia has deported thousands of Ukrainian children from occupied territories.';
    expect(await send(check([falseAlarm, relevant]), fromFrame)).toMatchObject({
      ok: true,
      loaded: true,
      verdicts: [null, { rule: 'child+movement' }],
    });
    const target = { tabId: 7, frameIds: [2] };
    expect(executeScript).toHaveBeenCalledWith({ target, files: ['/stage2.js'] });
    expect(insertCSS).toHaveBeenCalledWith({ target, files: ['/highlights.css'] });
    expect(insertCSS).toHaveBeenCalledWith({ target, files: ['/highlights.css'], origin: 'USER' });

    // From a stranger, or shaped wrong: refused, nothing injected.
    executeScript.mockClear();
    const stranger = { id: 'another-extension', tab: { id: 7 } };
    expect(await send(check([relevant]), stranger)).toMatchObject({ ok: false });
    expect(await send({ ...check([relevant]), blocks: relevant }, fromFrame)).toMatchObject({
      ok: false,
    });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it("judges stage 2's windows of blocks with the published detector, for a tab only", async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    background.main();
    const own = { id: fakeBrowser.runtime.id };
    const relevant =
      'Russia has deported thousands of Ukrainian children from occupied territories.';
    const weather = 'The weather in Kyiv was mild on Sunday.';
    const request = {
      type: 'detect-blocks',
      title: 'City notes',
      windows: [{ blocks: [weather, relevant, weather], from: 1, to: 3 }],
    };
    const fromFrame = { ...own, tab: { id: 7 }, frameId: 2 };
    await send({ type: 'ensure-detector' }, own);
    const answer = DetectBlocksResponse.parse(await send(request, fromFrame));
    expect(answer.verdicts).toHaveLength(1);
    const [core] = answer.verdicts!;
    expect(core).toHaveLength(2);
    expect(core![0]!.rule).toBe('child+movement');
    expect(core![0]!.terms.map((t) => t.text)).toContain('deported');
    expect(core![1]).toBeNull();
    // Not from a tab (the popup, the options page), or shaped wrong: refused.
    expect(await send(request, own)).toMatchObject({ ok: false });
    expect(
      await send({ ...request, windows: [{ blocks: [relevant], from: 0, to: 2 }] }, fromFrame),
    ).toMatchObject({ ok: false });
  });

  it('sets the tab badge from a content script report and keeps the report for the popup', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    background.main();
    const fromTab = { id: fakeBrowser.runtime.id, tab: { id: 7 } };
    const url = 'https://news.example/story';
    expect(await send({ type: 'report-annotations', count: 4, url }, fromTab)).toEqual({
      ok: true,
    });
    expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '4' });
    expect(await readTabReport(7)).toMatchObject({ url, count: 4 });
    await send({ type: 'report-annotations', count: 0, url }, fromTab);
    expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '' });
  });

  it('keeps a dismissal a page sends, and refuses a malformed one without keeping anything', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    background.main();
    const fromTab = { id: fakeBrowser.runtime.id, tab: { id: 7 } };
    const url = 'https://news.example/story#comments';
    expect(await send({ type: 'dismiss-annotation', key: 'claim:a', url }, fromTab)).toEqual({
      ok: true,
    });
    expect(await dismissedKeys('https://news.example/story')).toEqual(['claim:a']);
    for (const bad of [
      { type: 'dismiss-annotation', key: '', url },
      { type: 'dismiss-annotation', key: 'claim:b', url: 'javascript:alert(1)' },
      { type: 'dismiss-annotation', key: 'x'.repeat(2001), url },
      { type: 'dismiss-annotation', key: 'claim:b', url, extra: true },
    ])
      expect(await send(bad, fromTab)).toMatchObject({ ok: false });
    expect(
      await send({ type: 'dismiss-annotation', key: 'claim:b', url }, { tab: { id: 7 } }),
    ).toMatchObject({ ok: false });
    expect(await dismissedKeys('https://news.example/story')).toEqual(['claim:a']);
  });

  it('imports a dataset from the options page and republishes the detector from it', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'test',
      version: '9.9.9',
    });
    background.main();
    const own = { id: fakeBrowser.runtime.id };
    await send({ type: 'ensure-detector' }, own);
    const before = (await detectorItem.getValue())?.datasetKey;
    const bundled = loadBundledDataset();

    // The same data under a newer version, one more English child term.
    const raw = bundledRawDataset() as {
      version: string;
      lexicon: { lang: string; child: string[] }[];
    };
    const parts = bundled.version.split('.');
    raw.version =
      parts.length === 4
        ? [...parts.slice(0, 3), Number(parts[3]) + 1].join('.')
        : `${bundled.version}.1`;
    raw.lexicon.find((l) => l.lang === 'en')!.child.push('youngsters');
    const text = JSON.stringify(raw);
    const preview = PreviewImportResponse.parse(await send({ type: 'preview-import', text }, own));
    if (!preview.valid) throw new Error(JSON.stringify(preview.problems.slice(0, 3)));
    expect(preview.diff.lexicon.changed).toEqual(['en']);
    expect(preview.diff.claims.changed).toEqual([]);
    expect(await send({ type: 'apply-import', text, expect: preview.token }, own)).toMatchObject({
      applied: true,
      version: raw.version,
      detector: 'published',
    });
    const after = await detectorItem.getValue();
    expect(after?.datasetKey).not.toBe(before);
    expect(after?.datasetKey.startsWith(`${raw.version}#`)).toBe(true);
    expect((await prefilterItem.getValue())?.datasetKey).toBe(after?.datasetKey);
    const status = StatusResponse.parse(await send({ type: 'status' }, own));
    expect(status).toMatchObject({ datasetVersion: raw.version, dataset: { origin: 'imported' } });

    expect(await send({ type: 'restore-bundled' }, own)).toMatchObject({
      version: bundled.version,
      detector: 'published',
    });
    expect((await detectorItem.getValue())?.datasetKey).toBe(before);
  });

  it('moves dismissals and turned-off sites out of the database on install', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const legacy = new FactDb();
    await legacy.dismissed.put({
      id: 'https://news.example/a#claim:x',
      key: 'claim:x',
      url: 'https://news.example/a',
      site: 'news.example',
      at: 1,
    });
    await legacy.sites.put({ hostname: 'off.example', enabled: false, updatedAt: 1 });
    legacy.close();
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await vi.waitFor(async () =>
      expect((await getSettings()).excludedSites).toEqual(['off.example']),
    );
    expect(await dismissedKeys('https://news.example/a')).toEqual(['claim:x']);
  });
});
