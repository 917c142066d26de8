import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExtensionSession } from './session';

const session = useExtensionSession();

const paintedTotal = async (page: Page) =>
  (await session.browser.inExtensionWorld(
    page,
    `[...CSS.highlights.entries()].filter(([k]) => k.startsWith('context-cards-') && k !== 'context-cards-active').reduce((n, [, h]) => n + h.size, 0)`,
  )) as number;

async function optionsPage(): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
  await page.getByLabel('Site to exclude').waitFor();
  return page;
}

describe('settings apply live to open tabs (through the options page)', () => {
  it('excluding a site removes its highlights and clears its badge at once; including it brings them back', async () => {
    const article = await session.browser.context.newPage();
    await article.goto(session.server.url('/demo/article.html'));
    const count = await session.browser.waitForReport(article);
    expect(count).toBeGreaterThan(0);
    expect(await paintedTotal(article)).toBe(count);

    const options = await optionsPage();
    await options.getByLabel('Site to exclude').fill('127.0.0.1');
    await options.getByRole('button', { name: 'Exclude', exact: true }).click();
    await expect
      .poll(() => options.getByRole('list', { name: 'Excluded sites' }).textContent())
      .toContain('127.0.0.1');

    expect(await session.browser.waitForBadge(article, (text) => text === '')).toBe('');
    await expect.poll(() => paintedTotal(article)).toBe(0);

    // The background keeps a copy of the site gate beside the pre-filter, which a new page
    // reads in the same storage read; a page opened on the excluded site does not even run
    // its pre-filter.
    await expect
      .poll(() =>
        session.browser.worker.evaluate(
          async () => (await chrome.storage.local.get('siteGate')).siteGate,
        ),
      )
      .toEqual({ enabled: true, excludedSites: ['127.0.0.1'] });
    const another = await session.browser.context.newPage();
    await another.goto(session.server.url('/relevant-uk.html'));
    expect(await session.browser.waitForStage1(another)).toBe('site-off');
    expect(await session.browser.badgeText(another)).toBe('');

    await options.bringToFront();
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await session.browser.waitForBadge(article, (text) => text === String(count));
    await expect.poll(() => paintedTotal(article)).toBe(count);
    await session.browser.waitForBadge(another, (text) => text !== '');
    for (const page of [article, another, options]) await page.close();
  });

  it('"marker only" stops painting and shows the markers; the badge still counts every annotation', async () => {
    const article = await session.browser.context.newPage();
    await article.goto(session.server.url('/demo/article.html'));
    const count = await session.browser.waitForReport(article);
    const options = await optionsPage();
    await options.getByRole('radio', { name: /marker/i }).check();
    await expect.poll(() => paintedTotal(article)).toBe(0);
    const visible = await article
      .locator('context-cards-ui .cc-marker')
      .first()
      .evaluate((m) => getComputedStyle(m).opacity);
    expect(visible).toBe('1');
    expect(await session.browser.badgeText(article)).toBe(String(count));
    await options.getByRole('radio', { name: /underline/i }).check();
    await expect.poll(() => paintedTotal(article)).toBe(count);
    await article.close();
    await options.close();
  });

  it('a dismissal is remembered for the page, listed in the options, and restored from there', async () => {
    const article = await session.browser.context.newPage();
    await article.goto(session.server.url('/relevant-ru.html'));
    const count = await session.browser.waitForReport(article);
    await article.locator('context-cards-ui .cc-marker').first().focus();
    await article.keyboard.press('Enter');
    await article.locator('context-cards-ui .cc-dismiss').click();
    await session.browser.waitForBadge(article, (text) => text === String(count - 1));

    // Reloading keeps it dismissed.
    await article.reload();
    await session.browser.waitForStage1(article);
    await article.waitForTimeout(800);
    expect(await session.browser.badgeText(article)).toBe(String(count - 1));

    const options = await optionsPage();
    // Listed with the page it was dismissed on.
    const restore = options.getByRole('button', {
      name: /^Restore .* on http:\/\/127\.0\.0\.1:\d+\/relevant-ru\.html$/,
    });
    await expect.poll(() => restore.count()).toBe(1);
    await restore.click();
    await session.browser.waitForBadge(article, (text) => text === String(count));
    await article.close();
    await options.close();
  });
});

describe('the options page for every reader', () => {
  it('has no serious or critical axe-core violation, in light and dark', async () => {
    const { readFileSync } = await import('node:fs');
    const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
    for (const scheme of ['light', 'dark'] as const) {
      const page = await session.browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
      await page.getByTestId('dataset-line').waitFor();
      await expect.poll(() => page.getByTestId('dataset-line').textContent()).toMatch(/\d{4}\./);
      // Evaluated over DevTools: the page's CSP (script-src 'self') refuses inline scripts.
      await page.evaluate(axe);
      const { violations, passes } = (await page.evaluate(`(async () => {
        const result = await axe.run(document);
        return {
          violations: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')),
          passes: result.passes.map((p) => p.id),
        };
      })()`)) as { violations: string[]; passes: string[] };
      expect(violations, scheme).toEqual([]);
      expect(passes).toContain('color-contrast');
      await page.close();
    }
  });
});
