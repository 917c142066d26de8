import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/firefox';
import { cardOpen, inLayer, useFirefoxSession } from './session';

const session = useFirefoxSession();
const files = mkdtempSync(join(tmpdir(), 'context-cards-import-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

/**
 * A copy of the bundled dataset as JSON, from the dataset command (what a journalist would
 * edit); the command runs once per file.
 */
let exported: string | undefined;
function bundledDataset(): Record<string, unknown> {
  exported ??= execFileSync('npx', ['tsx', 'scripts/dataset.ts', 'export'], { encoding: 'utf8' });
  return JSON.parse(exported) as Record<string, unknown>;
}

/** Text of the first element matching `selector`, or null. */
const textOf = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

/** The control that the label with exactly this text names. */
async function labelled(page: Page, text: string): Promise<ElementHandle<Element>> {
  await expect
    .poll(() =>
      page.evaluate(
        (t) => Array.from(document.querySelectorAll('label')).some((l) => l.textContent === t),
        text,
      ),
    )
    .toBe(true);
  const handle = await page.evaluateHandle(
    (t) =>
      Array.from(document.querySelectorAll('label')).find((l) => l.textContent === t)!.control!,
    text,
  );
  return handle as ElementHandle<Element>;
}

/** Chooses a file holding `content` in the options page's dataset file input. */
async function chooseDatasetFile(page: Page, name: string, content: unknown): Promise<void> {
  const path = join(files, name);
  writeFileSync(path, JSON.stringify(content));
  const input = (await labelled(page, 'Dataset file')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

/** Opens the card of the demo article's verified-count figure and returns its text. */
async function verifiedCountCard(): Promise<string> {
  const page = await session.open('/demo/article.html');
  await session.browser.waitForReport(page);
  // Its marker is named after the card's title once the page's records have arrived. The
  // first page after install waits for the background to seed the database, which took
  // over 15 s once on a loaded CI machine (the report had come, the records had not).
  const marker = await page
    .waitForSelector('context-cards-ui >>> .cc-marker[aria-label*="verified" i]', {
      timeout: 45_000,
    })
    .catch(async (error: unknown) => {
      const labels = await page.$$eval('context-cards-ui >>> .cc-marker', (markers) =>
        markers.map((m) => m.getAttribute('aria-label')),
      );
      throw new Error(`no marker names a verified count: ${JSON.stringify(labels)}`, {
        cause: error,
      });
    });
  await marker!.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => cardOpen(page)).toBe(true);
  await expect.poll(() => inLayer(page, '[role="dialog"] .cc-status')).toBe(0);
  const text = await page.$eval('context-cards-ui >>> [role="dialog"]', (d) => d.textContent);
  await page.close();
  return text ?? '';
}

describe('the options page and the popup in Firefox', () => {
  it('renders the options page with its sections and the stored dataset, with no console errors', async () => {
    const page = await session.browser.openExtensionPage('options.html');
    const errors = collectErrors(page);
    await expect.poll(() => textOf(page, 'h1')).toMatch(/\S/);
    expect(await page.$$eval('h2', (h) => h.length)).toBeGreaterThanOrEqual(5);
    await expect
      .poll(() => textOf(page, '[data-testid="dataset-line"]'), { timeout: 15_000 })
      .toMatch(/\d{4}\.\d{2}\.\d{2}/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the popup with a real status line', async () => {
    const page = await session.browser.openExtensionPage('popup.html');
    await expect.poll(() => textOf(page, 'h1')).toBe('Context Cards');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.querySelector('[role=status][data-state]')?.getAttribute('data-state'),
        ),
      )
      .toBe('ready');
    expect(await textOf(page, '[role=status]')).toMatch(/^Version \d+\.\d+\.\d+/);
    await page.close();
  });
});

describe('dataset import through the options page in Firefox', () => {
  it('refuses a bad file with every problem listed and changes nothing', async () => {
    const before = await verifiedCountCard();
    const page = await session.browser.openExtensionPage('options.html#import');
    const errors = collectErrors(page);
    const bad = bundledDataset();
    (bad.sources as { url: string }[])[0]!.url = 'javascript:alert(1)';
    delete (bad as { version?: string }).version;
    await chooseDatasetFile(page, 'bad.json', bad);
    await expect
      .poll(() => textOf(page, '[role="alert"]'))
      .toMatch(/cannot be imported: \d+ problems?/);
    expect(await textOf(page, '[role="alert"]')).toMatch(/version/);
    expect(await textOf(page, '[role="alert"]')).toMatch(/sources/);
    expect(errors).toEqual([]);
    await page.close();
    expect(await verifiedCountCard()).toBe(before);
    // The first page after install may wait for seeding (see verifiedCountCard).
  }, 120_000);

  it('imports a valid file after a preview, and open cards show the new data', async () => {
    const next = bundledDataset();
    const series = (next.series as { id: string; caveat: { en: string } }[]).find(
      (s) => s.id === 'ua-verified-deported',
    )!;
    series.caveat.en = 'Imported test caveat: children verified by name.';
    next.version = '2099.01.01';
    const page = await session.browser.openExtensionPage('options.html#import');
    await chooseDatasetFile(page, 'next.json', next);
    await expect.poll(() => textOf(page, '#import-summary')).toContain('2099.01.01');
    const importButton = await page.evaluateHandle(() =>
      Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Import')!,
    );
    await (importButton as ElementHandle<HTMLButtonElement>).click();
    await expect
      .poll(() => textOf(page, '[data-testid="import-message"]'))
      .toMatch(/Dataset 2099\.01\.01 is imported/);
    await page.close();
    await expect.poll(verifiedCountCard, { timeout: 20_000 }).toContain('Imported test caveat');
  });
});
