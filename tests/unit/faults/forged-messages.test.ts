import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import config from '@/wxt.config';
import { bundledRawDataset } from '@/lib/dataset/bundled';
import { DB_NAME } from '@/lib/db';
import { detectorItem, prefilterItem } from '@/lib/detector-store';
import { readTabReport } from '@/lib/badge/tab-report';
import { Request, ResponseFor, StatusResponse } from '@/lib/messages';
import { readStage2Message } from '@/lib/messages/page-answers';
import { watchLocation } from '@/lib/page/location-watch';
import { PageScriptContext } from '@/lib/page/script-context';
import { scriptLifetime } from '@/lib/page/script-lifetime';
import { dismissalsItem, getSettings } from '@/lib/settings';
import { startBackground, type Sender } from './background';

afterEach(async () => {
  await Dexie.delete(DB_NAME);
});

/** One valid request of every type the background answers. */
function everyRequest(): unknown[] {
  const text = JSON.stringify({ ...(bundledRawDataset() as object), version: '2099.01.01' });
  return [
    { type: 'ping' },
    { type: 'status' },
    { type: 'report-annotations', count: 99, url: 'https://news.example/a' },
    { type: 'get-cards', ids: ['claim:ru-700000-received'] },
    { type: 'ensure-detector' },
    { type: 'load-stage-2' },
    { type: 'check-page', title: 'News', blocks: ['Ukrainian children were deported to Russia.'] },
    {
      type: 'detect-blocks',
      title: 'News',
      windows: [{ blocks: ['Ukrainian children were deported to Russia.'], from: 0, to: 1 }],
    },
    {
      type: 'get-card-titles',
      annotations: [['claim:ru-700000-received'], ['figure:x', 'series:y']],
      lang: 'en',
    },
    { type: 'load-stage-3' },
    { type: 'dismiss-annotation', key: 'claim:ru-700000-received', url: 'https://news.example/a' },
    { type: 'explore-search', query: { text: 'children' } },
    { type: 'explore-sources' },
    { type: 'explore-series' },
    { type: 'export-dataset' },
    { type: 'preview-import', text },
    { type: 'apply-import', text, expect: { base: null, next: 'x' } },
    { type: 'restore-bundled' },
  ];
}

describe('forged messages to the background', () => {
  it('covers every request type', () => {
    expect(new Set(everyRequest().map((r) => Request.parse(r).type))).toEqual(
      new Set(Object.keys(ResponseFor)),
    );
  });

  it.each<[string, Sender]>([
    ['another extension', { id: 'abcdefghijklmnopabcdefghijklmnop', tab: { id: 7 } }],
    ['another extension, from no tab', { id: 'abcdefghijklmnopabcdefghijklmnop' }],
    ['a sender without an id', { tab: { id: 7 }, url: 'https://evil.example/' }],
    ['an empty id', { id: '', tab: { id: 7 } }],
  ])('from %s: every request is refused and nothing changes', async (_from, stranger) => {
    const { send, own } = startBackground();
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([] as never);
    const insertCSS = vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue();
    // The extension's own state first: seeded, published.
    await send({ type: 'ensure-detector' }, own);
    const before = {
      status: StatusResponse.parse(await send({ type: 'status' }, own)),
      detector: (await detectorItem.getValue())?.datasetKey,
      prefilter: (await prefilterItem.getValue())?.datasetKey,
      settings: await getSettings(),
      dismissals: await dismissalsItem.getValue(),
    };

    for (const request of everyRequest()) {
      expect(await send(request, stranger)).toEqual({
        ok: false,
        error: 'refused: message from outside this extension',
      });
    }
    expect(setBadgeText).not.toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
    expect(insertCSS).not.toHaveBeenCalled();
    expect(await readTabReport(7)).toBe(null);
    expect({
      status: StatusResponse.parse(await send({ type: 'status' }, own)),
      detector: (await detectorItem.getValue())?.datasetKey,
      prefilter: (await prefilterItem.getValue())?.datasetKey,
      settings: await getSettings(),
      dismissals: await dismissalsItem.getValue(),
    }).toEqual(before);
  });

  it('random messages from strangers never reach a handler', async () => {
    const { send } = startBackground();
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...everyRequest()), fc.anything()),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        async (message, id) => {
          fc.pre(id !== fakeBrowser.runtime.id);
          const answer = (await send(message, { id, tab: { id: 3 } })) as { ok?: unknown };
          expect(answer.ok).toBe(false);
        },
      ),
      { numRuns: 60, seed: 13 },
    );
    expect(setBadgeText).not.toHaveBeenCalled();
  });

  it('listens to nothing from outside: no external messages or connections', () => {
    const added = [
      vi.spyOn(fakeBrowser.runtime.onMessageExternal, 'addListener').mockImplementation(() => {}),
      vi.spyOn(fakeBrowser.runtime.onConnectExternal, 'addListener').mockImplementation(() => {}),
      vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => {}),
    ];
    startBackground();
    for (const spy of added) expect(spy).not.toHaveBeenCalled();
  });

  it('the manifest lets no web page or other extension connect', async () => {
    const manifest = config.manifest;
    if (typeof manifest !== 'function') throw new Error('the manifest is built per browser');
    for (const browser of ['chrome', 'firefox']) {
      const built = await manifest({
        browser,
        manifestVersion: 3,
        mode: 'production',
        command: 'build',
      });
      expect(built).not.toHaveProperty('externally_connectable');
      expect(built).not.toHaveProperty('web_accessible_resources');
    }
  });
});

describe('forged messages to stage 2', () => {
  const OWN = 'own-extension-id';
  it('hears this extension only, in its own shapes', () => {
    const command = { type: 'page-command', command: 'next-annotation' };
    const popup = { type: 'popup-open', key: 'k' };
    expect(readStage2Message(OWN, command, { id: OWN })).toEqual({ kind: 'command', command });
    expect(readStage2Message(OWN, popup, { id: OWN })).toEqual({
      kind: 'popup',
      request: popup,
    });
    expect(readStage2Message(OWN, { type: 'popup-list' }, { id: OWN })).toMatchObject({
      kind: 'popup',
    });
    for (const sender of [{ id: 'other' }, {}, { id: undefined }, { id: '' }])
      for (const message of [command, popup, { type: 'popup-list' }])
        expect(readStage2Message(OWN, message, sender)).toBe(null);
    expect(readStage2Message('', command, { id: '' })).toBe(null);
    for (const message of [
      { ...command, extra: 1 },
      { type: 'page-command', command: 'delete-everything' },
      { type: 'popup-open', key: 'k'.repeat(2001) },
      { type: 'get-cards', ids: [] },
      'page-command',
      null,
    ])
      expect(readStage2Message(OWN, message, { id: OWN })).toBe(null);
  });

  it('random messages are never taken for a command or a request', () => {
    fc.assert(
      fc.property(fc.anything(), fc.option(fc.string(), { nil: undefined }), (message, id) => {
        const read = readStage2Message(OWN, message, { id });
        if (id !== OWN) expect(read).toBe(null);
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});

/** The "a newer copy of this script started" event WXT listens for, forged by a page. */
function forgeScriptStarted(contentScriptName: string): void {
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  document.dispatchEvent(
    new CustomEvent(type, { detail: { contentScriptName, messageId: 'forged' } }),
  );
}

describe('forged DOM events from the page', () => {
  it('WXT’s own context can be switched off by one (what the guard is for)', () => {
    // WXT says so on the console.
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const ctx = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
    forgeScriptStarted('content');
    expect(ctx.isValid).toBe(false);
  });

  it('stage 1’s lifetime tells the page nothing and no page event ends it', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const ctx = scriptLifetime(() => 'extension-id');
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    dispatched.mockRestore();
    forgeScriptStarted('content');
    forgeScriptStarted('stage1');
    expect(ctx.isValid).toBe(true);
  });

  it('stage 2’s context tells the page nothing and stays on', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const ctx = new PageScriptContext('stage2');
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    dispatched.mockRestore();
    forgeScriptStarted('stage2');
    expect(ctx.isValid).toBe(true);
  });

  it('a location event counts only when the URL really changed', () => {
    // The Navigation API's object is the page's too: it can dispatch the event itself.
    const navigation = new EventTarget();
    const win = { location: window.location, navigation } as unknown as Window;
    const onChange = vi.fn();
    watchLocation(win, onChange, { signal: new AbortController().signal });
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange).not.toHaveBeenCalled();
    history.pushState(null, '', '/elsewhere');
    navigation.dispatchEvent(new Event('currententrychange'));
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
