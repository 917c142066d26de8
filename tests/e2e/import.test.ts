import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/browser';
import { useExtensionSession } from './session';

const session = useExtensionSession();

/** The bundled dataset as JSON, from the dataset command (what a journalist would edit). */
function bundledDataset(): Record<string, unknown> {
  const out = execFileSync('npx', ['tsx', 'scripts/dataset.ts', 'export'], { encoding: 'utf8' });
  return JSON.parse(out) as Record<string, unknown>;
}

async function optionsPage(): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`chrome-extension://${session.browser.extensionId}/options.html#import`);
  await page.getByLabel('Dataset file').waitFor();
  return page;
}

/** Opens the card of the demo article's verified-count figure and returns its text. */
async function verifiedCountCard(): Promise<string> {
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url('/demo/article.html'));
  await session.browser.waitForReport(page);
  const marker = page.locator('context-cards-ui .cc-marker[aria-label*="verified" i]').first();
  await marker.waitFor({ state: 'attached' });
  await marker.focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('context-cards-ui [role="dialog"]');
  await expect.poll(() => dialog.locator('.cc-status').count()).toBe(0);
  const text = (await dialog.textContent()) ?? '';
  await page.close();
  return text;
}

describe('dataset import through the options page', () => {
  it('refuses a bad file with every problem listed and changes nothing', async () => {
    const before = await verifiedCountCard();
    const page = await optionsPage();
    const errors = collectErrors(page);
    const bad = bundledDataset();
    (bad.sources as { url: string }[])[0]!.url = 'javascript:alert(1)';
    delete (bad as { version?: string }).version;
    await page.getByLabel('Dataset file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/cannot be imported: \d+ problems?/);
    expect(await alert.textContent()).toMatch(/version/);
    expect(await alert.textContent()).toMatch(/sources/);
    expect(errors).toEqual([]);
    await page.close();
    expect(await verifiedCountCard()).toBe(before);
  });

  it('imports a valid file after a preview, and open cards show the new data', async () => {
    const next = bundledDataset();
    const series = (next.series as { id: string; caveat: { en: string } }[]).find(
      (s) => s.id === 'ua-verified-deported',
    )!;
    series.caveat.en = 'Imported test caveat: children verified by name.';
    next.version = '2099.01.01';
    const page = await optionsPage();
    await page.getByLabel('Dataset file').setInputFiles({
      name: 'next.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(next)),
    });
    await expect.poll(() => page.locator('#import-summary').textContent()).toContain('2099.01.01');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByText(/Dataset 2099\.01\.01 is imported/).count()).toBe(1);
    await page.close();
    await expect.poll(verifiedCountCard, { timeout: 20_000 }).toContain('Imported test caveat');
  });
});
