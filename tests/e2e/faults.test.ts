import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/browser';
import { useExtensionSession } from './session';

/** Another extension in the same browser, which tries to talk to ours. */
function strangerExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'context-cards-stranger-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Stranger',
      version: '1.0',
      background: { service_worker: 'sw.js' },
    }),
  );
  writeFileSync(join(dir, 'sw.js'), '// Driven by the test through DevTools.\n');
  return dir;
}
const stranger = strangerExtension();
const session = useExtensionSession({ alsoLoad: [stranger] });
afterAll(() => rmSync(stranger, { recursive: true, force: true }));

/** A paragraph of the story's subject whose cards the demo article does not have. */
const NEW_PARAGRAPH =
  'Russian officials insist the deported Ukrainian children were saved from shelling and moved for their safety, and call the reports of their deportation to Russia a hoax.';

/** Ranges painted by the extension, by highlight name (read in the extension's world). */
async function painted(page: Page): Promise<number> {
  return (await session.browser.inExtensionWorld(
    page,
    `[...CSS.highlights.keys()].filter((k) => k.startsWith('context-cards-') && k !== 'context-cards-active').reduce((n, k) => n + CSS.highlights.get(k).size, 0)`,
  )) as number;
}

/** A point inside the first painted range whose text includes `quote`. */
async function pointOn(page: Page, quote: string): Promise<{ x: number; y: number } | null> {
  return (await session.browser.inExtensionWorld(
    page,
    `(() => { for (const [name, h] of CSS.highlights) { if (!name.startsWith('context-cards-') || name === 'context-cards-active') continue; for (const range of h) { if (range.toString() !== ${JSON.stringify(quote)}) continue; range.startContainer.parentElement.scrollIntoView({ block: 'center' }); const r = range.getClientRects()[0]; return { x: r.left + Math.min(6, r.width / 2), y: r.top + r.height / 2 }; } } return null; })()`,
  )) as { x: number; y: number } | null;
}

/** What the extension's database holds, read in its service worker. */
function storedDataset(): Promise<{
  version: string | null;
  origin: string | null;
  claims: number;
}> {
  return session.browser.worker.evaluate(
    () =>
      new Promise((done, fail) => {
        const open = indexedDB.open('factcheck');
        open.onerror = () => fail(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['meta', 'claims'], 'readonly');
          const meta = tx.objectStore('meta').get('dataset');
          const claims = tx.objectStore('claims').count();
          tx.oncomplete = () => {
            const row = meta.result as { version?: string; origin?: string } | undefined;
            done({
              version: row?.version ?? null,
              origin: row?.origin ?? null,
              claims: claims.result,
            });
            db.close();
          };
        };
      }),
  );
}

const card = (page: Page) => page.locator('context-cards-ui [role="dialog"]');

interface OpenedCard {
  text: string;
  /** An official claim's section (its record was found). */
  claims: number;
  /** Links to sources (records were found). */
  sources: number;
}

/** Clicks the highlight of `quote`, waits for its card with records loaded, closes it. */
async function openCardOn(page: Page, quote: string): Promise<OpenedCard> {
  let at: { x: number; y: number } | null = null;
  await expect
    .poll(async () => (at = await pointOn(page, quote)), { timeout: 15_000 })
    .not.toBe(null);
  await page.mouse.click(at!.x, at!.y);
  await expect.poll(() => card(page).count()).toBe(1);
  await expect.poll(() => card(page).locator('.cc-status').count(), { timeout: 15_000 }).toBe(0);
  expect(await card(page).locator('.cc-quote').textContent()).toContain(quote);
  const opened = {
    text: (await card(page).textContent()) ?? '',
    claims: await card(page).locator('.cc-claim').count(),
    sources: await card(page).locator('.cc-sources a').count(),
  };
  await page.keyboard.press('Escape');
  await expect.poll(() => card(page).count()).toBe(0);
  return opened;
}

async function openArticle(): Promise<{ page: Page; errors: string[]; count: number }> {
  const page = await session.browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  const errors = collectErrors(page);
  await page.goto(session.server.url('/demo/article.html'));
  const count = await session.browser.waitForReport(page);
  await expect.poll(() => painted(page)).toBe(count);
  return { page, errors, count };
}

/** The page adds a paragraph to its story, as a live page would. */
const appendParagraph = (page: Page, text: string) =>
  page.evaluate((t) => {
    const p = document.createElement('p');
    p.textContent = t;
    document.querySelector('#story [itemprop="articleBody"]')!.append(p);
  }, text);

/**
 * Stops the extension's service worker, as the browser does when it has been idle, from a
 * page of its own (DevTools' `ServiceWorker` domain acts on the whole profile).
 */
async function stopServiceWorker(): Promise<void> {
  const helper = await session.browser.context.newPage();
  const cdp = await session.browser.context.newCDPSession(helper);
  const ours = `chrome-extension://${session.browser.extensionId}/`;
  let running = true;
  const stopped = new Promise<void>((done) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const mine = versions.filter((v) => v.scriptURL.startsWith(ours));
      if (mine.length > 0 && mine.every((v) => v.runningStatus === 'stopped')) {
        running = false;
        done();
      }
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  expect(running).toBe(false);
  await helper.close();
}

describe('faults', () => {
  // First: stopping service workers (below) stops the stranger's too.
  it('messages from another extension reach nothing: not the background, not the page', async () => {
    const { browser } = session;
    const { page, errors, count } = await openArticle();
    const before = await storedDataset();
    expect(before.origin).toBe('bundled');
    const tabId = await browser.tabId(page);
    const other: Worker =
      browser.context.serviceWorkers().find((w) => !w.url().includes(browser.extensionId)) ??
      (await browser.context.waitForEvent('serviceworker', {
        predicate: (w) => !w.url().includes(browser.extensionId),
      }));
    const requests = [
      { type: 'ping' },
      { type: 'status' },
      { type: 'report-annotations', count: 99, url: page.url() },
      { type: 'get-cards', ids: ['ru-700000-received'] },
      { type: 'load-stage-2' },
      { type: 'check-page', title: '', blocks: ['Ukrainian children were deported to Russia.'] },
      { type: 'export-dataset' },
      { type: 'restore-bundled' },
      { type: 'apply-import', text: '{}', expect: { base: null, next: 'x' } },
    ];
    const pageRequests = [
      { type: 'page-command', command: 'next-annotation' },
      { type: 'popup-list' },
      { type: 'popup-open', key: 'x' },
    ];
    const answers = await other.evaluate(
      async ({ id, tabId, requests, pageRequests }) => {
        const c = (globalThis as unknown as { chrome: typeof chrome }).chrome as unknown as {
          runtime: {
            sendMessage(id: string, message: unknown): Promise<unknown>;
            connect(id: string): {
              onDisconnect: { addListener(f: () => void): void };
              postMessage(m: unknown): void;
            };
            lastError?: { message?: string };
          };
          tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
        };
        const settle = (p: Promise<unknown>) =>
          p.then(
            (value) => ({ answered: value }),
            (error: unknown) => ({ refused: String(error) }),
          );
        const toBackground = await Promise.all(
          requests.map((r) => settle(c.runtime.sendMessage(id, r))),
        );
        const toPage = await Promise.all(
          pageRequests.map((r) => settle(c.tabs.sendMessage(tabId, r))),
        );
        const port = await new Promise<string>((done) => {
          const p = c.runtime.connect(id);
          p.onDisconnect.addListener(() => done(c.runtime.lastError?.message ?? 'disconnected'));
          setTimeout(() => done('still connected after 5 s'), 5000);
          p.postMessage({ type: 'status' });
        });
        return { toBackground, toPage, port };
      },
      { id: browser.extensionId, tabId, requests, pageRequests },
    );
    for (const answer of [...answers.toBackground, ...answers.toPage])
      expect(answer).toEqual({ refused: expect.stringMatching(/Receiving end does not exist/) });
    expect(answers.port).toMatch(/Receiving end does not exist|disconnected/);
    // Nothing happened on the page or to the data.
    await page.waitForTimeout(300);
    expect(await card(page).count()).toBe(0);
    expect(await painted(page)).toBe(count);
    expect(await browser.badgeText(page)).toBe(String(count));
    expect(
      await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? null),
    ).not.toBe('context-cards-ui');
    expect(await storedDataset()).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the service worker stopped while a page is open: the next click still opens a card', async () => {
    const { page, errors } = await openArticle();
    const { worker } = session.browser;
    await worker.evaluate(() => {
      (globalThis as unknown as { __beforeStop?: boolean }).__beforeStop = true;
    });
    await stopServiceWorker();
    // Records asked for before the stop are kept; a click needs nothing from the worker.
    expect((await openCardOn(page, 'seven Ukrainian children')).sources).toBeGreaterThan(0);
    // New text on the page: its annotation, its badge and its records come from a worker
    // the browser starts again for the page's messages.
    await appendParagraph(page, NEW_PARAGRAPH);
    const opened = await openCardOn(page, 'saved from shelling');
    expect(opened).toMatchObject({ claims: 1 });
    expect(opened.sources).toBeGreaterThan(0);
    // A fresh worker answered (nothing of the stopped one's memory is left).
    expect(
      await worker.evaluate(
        () => (globalThis as unknown as { __beforeStop?: boolean }).__beforeStop ?? null,
      ),
    ).toBe(null);
    expect(Number(await session.browser.badgeText(page))).toBe(await painted(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the database deleted behind its back: the next request rebuilds it from the bundled data', async () => {
    const { page, errors } = await openArticle();
    const { worker } = session.browser;
    const before = await storedDataset();
    expect(before).toMatchObject({ origin: 'bundled' });
    // Deleted from the extension's origin (as "clear site data" or DevTools would).
    await worker.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const request = indexedDB.deleteDatabase('factcheck');
          request.onsuccess = () => done();
          request.onerror = () => fail(new Error(String(request.error)));
          request.onblocked = () => fail(new Error('deleting the database was blocked'));
        }),
    );
    // A card whose records were not asked for yet: a request that needs the database.
    await appendParagraph(page, NEW_PARAGRAPH);
    const opened = await openCardOn(page, 'hoax');
    expect(opened).toMatchObject({ claims: 1 });
    expect(opened.sources).toBeGreaterThan(0);
    // Rebuilt whole: the same bundled dataset as before it was deleted.
    expect(await storedDataset()).toEqual(before);
    expect(before.claims).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('forged messages and events from the page are ignored', async () => {
    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    const errors = collectErrors(page);
    // The page listens to every message and event it can, from before the extension starts.
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { __seen: unknown[] }).__seen = seen;
      window.addEventListener('message', (event) => seen.push(event.data));
    });
    await page.goto(session.server.url('/demo/article.html'));
    const count = await session.browser.waitForReport(page);
    await expect.poll(() => painted(page)).toBe(count);
    const id = session.browser.extensionId;

    const heard = await page.evaluate(
      ({ id }) => {
        const w = window as unknown as { __seen: unknown[] };
        const heard = [...w.__seen];
        // Replay whatever the extension announced, and what its framework listens for,
        // under every name it could use.
        const names = ['content', 'stage2'].flatMap((script) => [
          `${id}:${script}:wxt:content-script-started`,
          `${id}:${script}:wxt:locationchange`,
        ]);
        for (const seen of heard) {
          const type = (seen as { type?: unknown } | null)?.type;
          if (typeof type === 'string') names.push(type);
        }
        for (const name of names)
          for (const contentScriptName of ['content', 'stage2']) {
            const detail = { contentScriptName, messageId: 'forged' };
            document.dispatchEvent(new CustomEvent(name, { detail }));
            window.dispatchEvent(new CustomEvent(name, { detail }));
            window.postMessage({ type: name, contentScriptName, messageId: 'forged' }, '*');
          }
        // Requests of the extension's own protocols, as a page would try them.
        for (const message of [
          { type: 'page-command', command: 'next-annotation' },
          { type: 'popup-open', key: 'x' },
          { type: 'popup-list' },
          { type: 'get-cards', ids: ['ru-700000-received'] },
          { type: 'restore-bundled' },
        ]) {
          window.postMessage(message, '*');
          document.dispatchEvent(new CustomEvent(message.type, { detail: message }));
        }
        return heard;
      },
      { id },
    );
    // The extension announces nothing to the page (no id, no script names).
    expect(heard).toEqual([]);
    await page.waitForTimeout(500);
    expect(await painted(page)).toBe(count);

    // Scripted clicks and keys, on the page's text and inside the card layer, do nothing.
    const at = (await pointOn(page, 'seven Ukrainian children'))!;
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      const init = { bubbles: true, composed: true, clientX: x, clientY: y, button: 0 };
      target.dispatchEvent(new PointerEvent('pointerdown', init));
      target.dispatchEvent(new MouseEvent('click', init));
      const root = document.querySelector('context-cards-ui')!.shadowRoot!;
      root.querySelector<HTMLElement>('.cc-marker')!.click();
    }, at);
    await page.waitForTimeout(300);
    expect(await card(page).count()).toBe(0);
    // With a card the reader opened, the page cannot press its buttons or close it.
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => card(page).locator('.cc-dismiss').count()).toBe(1);
    await page.evaluate(() => {
      const root = document.querySelector('context-cards-ui')!.shadowRoot!;
      root.querySelector<HTMLElement>('.cc-dismiss')!.click();
      root.querySelector<HTMLElement>('.cc-close')!.click();
      const dialog = root.querySelector('[role="dialog"]')!;
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      document.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    });
    await page.waitForTimeout(300);
    expect(await card(page).count()).toBe(1);
    expect(await painted(page)).toBe(count);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    const dismissals = await session.browser.worker.evaluate(async () => {
      const local = (
        chrome.storage as unknown as {
          local: { get(key: string): Promise<Record<string, unknown>> };
        }
      ).local;
      return (await local.get('dismissals')).dismissals ?? null;
    });
    expect(dismissals).toBe(null);

    // Still at work: highlights in place, new text found, a click opens a card.
    expect(await painted(page)).toBe(count);
    await appendParagraph(page, NEW_PARAGRAPH);
    await expect.poll(() => painted(page), { timeout: 15_000 }).toBeGreaterThan(count);
    expect(await openCardOn(page, 'saved from shelling')).toMatchObject({ claims: 1 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
