import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recordNetwork, type NetworkRecorder } from '../../scripts/harness/network';
import { useExtensionSession } from './session';

// The recorder starts before the extension is installed, so it sees the install itself.
let recorder: NetworkRecorder | undefined;
const session = useExtensionSession({
  beforeInstall: async (context) => {
    recorder = await recordNetwork(context.browser()!);
  },
});

/** The bundled dataset as JSON, from the dataset command. */
function bundledDataset(): Record<string, unknown> {
  const out = execFileSync('npx', ['tsx', 'scripts/dataset.ts', 'export'], { encoding: 'utf8' });
  return JSON.parse(out) as Record<string, unknown>;
}

async function openCard(page: Page): Promise<void> {
  const at = (await session.browser.inExtensionWorld(
    page,
    `(() => { const range = [...CSS.highlights.get('context-cards-figure')][0]; range.startContainer.parentElement.scrollIntoView({ block: 'center' }); const r = range.getClientRects()[0]; return { x: r.left + Math.min(6, r.width / 2), y: r.top + r.height / 2 }; })()`,
  )) as { x: number; y: number };
  await page.mouse.click(at.x, at.y);
  const dialog = page.locator('context-cards-ui [role="dialog"]');
  await expect.poll(() => dialog.count()).toBe(1);
  await expect.poll(() => dialog.locator('.cc-status').count()).toBe(0);
  expect(await dialog.locator('.cc-sources a').count()).toBeGreaterThan(0);
}

describe('zero network', () => {
  it('requests nothing but its own files: install, seeding, pages, a card, the popup, an import and an export', async () => {
    const { browser, server } = session;
    const own = `chrome-extension://${browser.extensionId}/`;
    const { context } = browser;

    // Install and seeding: the detector is published once the dataset is stored.
    await expect
      .poll(
        () =>
          browser.worker.evaluate(async () => {
            const stored = await (
              chrome.storage as unknown as {
                local: { get(key: string): Promise<Record<string, unknown>> };
              }
            ).local.get('prefilter');
            return 'prefilter' in stored;
          }),
        { timeout: 20_000 },
      )
      .toBe(true);

    // An off-topic page, then a relevant one with a card opened.
    const off = await context.newPage();
    await off.goto(server.url('/plain-recipe.html'));
    expect(await browser.waitForStage1(off)).toBe('watching');
    const page = await context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(server.url('/demo/article.html'));
    expect(await browser.waitForReport(page)).toBeGreaterThan(0);
    await openCard(page);

    // The popup, in a tab of its own.
    const popup = await context.newPage();
    await popup.goto(`${own}popup.html`);
    await popup.getByRole('heading', { name: 'Context Cards' }).waitFor();

    // The options page: an import (preview, then import) and an export.
    const options = await context.newPage();
    await options.goto(`${own}options.html#import`);
    const next = bundledDataset();
    next.version = '2099.01.01';
    await options.getByLabel('Dataset file').setInputFiles({
      name: 'next.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(next)),
    });
    await expect
      .poll(() => options.locator('#import-summary').textContent())
      .toContain('2099.01.01');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.getByText(/Dataset 2099\.01\.01 is imported/).count()).toBe(1);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: /^Dataset \(JSON\)$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('context-cards-2099.01.01.json');
    // The open page follows the imported dataset (its scan asks the background again).
    await openCard(page);
    await page.waitForTimeout(500);

    const requests = recorder!.requests();
    const ownFile = (url: string) =>
      url.startsWith(own) || url.startsWith(`blob:${own}`) || url.startsWith('data:');
    const fromExtension = (scripts: string[]) =>
      scripts.some((url) => url.startsWith('chrome-extension://'));

    // The service worker, the popup and the options page load only the extension's files.
    const extensionContexts = requests.filter(
      (r) => r.targetType === 'service_worker' || r.documentUrl.startsWith(own),
    );
    expect(extensionContexts.length).toBeGreaterThan(0);
    expect(extensionContexts.filter((r) => !ownFile(r.url))).toEqual([]);
    // On the web pages, what is not the extension's own is the page's: its own origin,
    // asked for by the page, never by a script of the extension.
    const onPages = requests.filter((r) => r.documentUrl.startsWith(server.origin));
    expect(onPages.length).toBeGreaterThan(0);
    expect(
      onPages.filter(
        (r) =>
          !ownFile(r.url) &&
          (new URL(r.url).origin !== server.origin || fromExtension(r.initiatorScripts)),
      ),
    ).toEqual([]);
    // Nothing else: no other document made a request (the browser's own chrome:// pages aside).
    expect(
      requests.filter(
        (r) =>
          !r.documentUrl.startsWith(own) &&
          !r.documentUrl.startsWith(server.origin) &&
          !r.documentUrl.startsWith('chrome://') &&
          r.targetType !== 'service_worker',
      ),
    ).toEqual([]);
    // The test server saw the pages and their own files, nothing the extension asked for.
    expect(new Set(server.requests())).toEqual(
      new Set(['/plain-recipe.html', '/demo/article.html', '/page-probe.js', '/favicon.ico']),
    );

    // The recorder was there: it saw the service worker from install and the pages'
    // documents, and it would have seen a request leaving the worker.
    const targets = recorder!.targets();
    expect(targets.some((t) => t.type === 'service_worker' && t.url.startsWith(own))).toBe(true);
    for (const url of [`${own}popup.html`, `${own}options.html`]) {
      expect(requests.some((r) => r.url === url)).toBe(true);
    }
    expect(requests.some((r) => r.url === server.url('/demo/article.html'))).toBe(true);
    await browser.worker.evaluate(() => fetch('https://example.invalid/control').catch(() => null));
    await expect
      .poll(() =>
        recorder!
          .requests()
          .some(
            (r) => r.targetType === 'service_worker' && r.url === 'https://example.invalid/control',
          ),
      )
      .toBe(true);
    await recorder!.stop();
  });
});
