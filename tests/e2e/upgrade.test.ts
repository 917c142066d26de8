import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/browser';
import { useExtensionSession } from './session';

const session = useExtensionSession();

interface DatasetJson {
  version: string;
  series: { id: string; caveat: { en: string } }[];
  lexicon: { lang: string; child: string[]; claimCues: { id: string; patterns: string[] }[] }[];
}

/** The bundled dataset as JSON, from the dataset command. */
function bundledDataset(): DatasetJson {
  const out = execFileSync('npx', ['tsx', 'scripts/dataset.ts', 'export'], { encoding: 'utf8' });
  return JSON.parse(out) as DatasetJson;
}

/** The painted ranges' texts (read in the extension's world). */
async function paintedQuotes(page: Page): Promise<string[]> {
  return ((await session.browser.inExtensionWorld(
    page,
    `[...CSS.highlights].filter(([k]) => k.startsWith('context-cards-') && k !== 'context-cards-active').flatMap(([, h]) => [...h].map((r) => r.toString()))`,
  )) ?? []) as string[];
}

async function cardText(page: Page, quote: string): Promise<string> {
  const at = (await session.browser.inExtensionWorld(
    page,
    `(() => { for (const [name, h] of CSS.highlights) { if (!name.startsWith('context-cards-') || name === 'context-cards-active') continue; for (const range of h) { if (range.toString() !== ${JSON.stringify(quote)}) continue; range.startContainer.parentElement.scrollIntoView({ block: 'center' }); const r = range.getClientRects()[0]; return { x: r.left + Math.min(6, r.width / 2), y: r.top + r.height / 2 }; } } return null; })()`,
  )) as { x: number; y: number } | null;
  if (!at) throw new Error(`no highlight "${quote}"`);
  await page.mouse.click(at.x, at.y);
  const dialog = page.locator('context-cards-ui [role="dialog"]');
  await expect.poll(() => dialog.count()).toBe(1);
  await expect.poll(() => dialog.locator('.cc-status').count()).toBe(0);
  const text = (await dialog.textContent()) ?? '';
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  return text;
}

async function importOnOptionsPage(dataset: DatasetJson): Promise<void> {
  const options = await session.browser.context.newPage();
  await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#import`);
  await options.getByLabel('Dataset file').setInputFiles({
    name: 'next.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(dataset)),
  });
  await expect
    .poll(() => options.locator('#import-summary').textContent())
    .toContain(dataset.version);
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect
    .poll(() => options.getByText(new RegExp(`Dataset ${dataset.version} is imported`)).count())
    .toBe(1);
  await options.close();
}

describe('a dataset upgrade while tabs are open', () => {
  it('their highlights, badges and cards follow the new data, and back', async () => {
    const { browser, server } = session;
    const open = async (path: string) => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1100, height: 900 });
      const errors = collectErrors(page);
      await page.goto(server.url(path));
      return { page, errors };
    };
    const article = await open('/demo/article.html');
    const before = await browser.waitForReport(article.page);
    expect(await paintedQuotes(article.page)).toContain('handshake');
    const caveatBefore = await cardText(article.page, 'seven Ukrainian children');
    // A story whose only word for the children the bundled lexicon does not know.
    const other = await open('/juveniles.html');
    expect(await browser.waitForStage1(other.page)).toBe('watching');
    expect(await browser.badgeText(other.page)).toBe('');

    const next = bundledDataset();
    next.version = '2099.02.01';
    const en = next.lexicon.find((l) => l.lang === 'en')!;
    en.child.push('juvenile*');
    const cue = en.claimCues.find((c) => c.id === 'ru-returns-us-cooperation')!;
    cue.patterns = cue.patterns.filter((p) => p !== 'handshake');
    const series = next.series.find((s) => s.id === 'us-first-lady-returns')!;
    series.caveat.en = 'Upgraded test caveat: returns announced by the First Lady.';
    await importOnOptionsPage(next);

    // The open article: the cue the new data dropped is no longer painted, the badge
    // follows, and its card shows the new records.
    await expect
      .poll(() => paintedQuotes(article.page), { timeout: 20_000 })
      .not.toContain('handshake');
    await expect.poll(() => browser.badgeText(article.page)).toBe(String(before - 1));
    expect(caveatBefore).not.toContain('Upgraded test caveat');
    await expect
      .poll(() => cardText(article.page, 'seven Ukrainian children'), { timeout: 20_000 })
      .toContain('Upgraded test caveat');
    // The other tab, off the topic before, is on it now.
    await expect
      .poll(() => paintedQuotes(other.page), { timeout: 20_000 })
      .toContain('thousands of juveniles');
    await expect.poll(() => browser.badgeText(other.page)).toBe('1');

    // Back to the bundled dataset: both tabs follow again.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#import`);
    await options.getByRole('button', { name: 'Restore bundled data' }).click();
    await options.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => options.getByText(/Bundled dataset .* is restored/).count()).toBe(1);
    await options.close();
    await expect.poll(() => paintedQuotes(other.page), { timeout: 20_000 }).toEqual([]);
    await expect.poll(() => browser.badgeText(other.page)).toBe('');
    await expect
      .poll(() => paintedQuotes(article.page), { timeout: 20_000 })
      .toContain('handshake');
    await expect.poll(() => browser.badgeText(article.page)).toBe(String(before));
    expect(await cardText(article.page, 'seven Ukrainian children')).toBe(caveatBefore);
    expect([...article.errors, ...other.errors]).toEqual([]);
  });
});
