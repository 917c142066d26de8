import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/browser';
import { useExtensionSession } from './session';

const session = useExtensionSession();

const inWorld = (page: Page, expression: string) =>
  session.browser.inExtensionWorld(page, expression);

/** Ranges the extension painted (the active one left out). */
const painted = async (page: Page) =>
  (await inWorld(
    page,
    `[...CSS.highlights.entries()].filter(([k]) => k.startsWith('context-cards-') && k !== 'context-cards-active').reduce((n, [, h]) => n + h.size, 0)`,
  )) as number;

/** Painted ranges inside the shadow root of the element `#id`. */
const paintedInShadowOf = async (page: Page, id: string) =>
  (await inWorld(
    page,
    `[...CSS.highlights.entries()].filter(([k]) => k.startsWith('context-cards-') && k !== 'context-cards-active').flatMap(([, h]) => [...h]).filter((r) => { const root = r.startContainer.getRootNode(); return root instanceof ShadowRoot && root.host.id === ${JSON.stringify(id)}; }).length`,
  )) as number;

const markers = (page: Page) =>
  page
    .locator('context-cards-ui')
    .evaluate((h) => h.shadowRoot!.querySelectorAll('.cc-marker').length);

const card = (page: Page) => page.locator('context-cards-ui [role="dialog"]');

const pageTextUnchanged = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __pageTextUnchanged(): boolean }).__pageTextUnchanged(),
  );

async function open(path: string): Promise<{ page: Page; count: number; errors: string[] }> {
  const page = await session.browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  const errors = collectErrors(page);
  await page.goto(session.server.url(path));
  const count = await session.browser.waitForReport(page);
  await page.waitForTimeout(300);
  return { page, count, errors };
}

/**
 * Whether the extension's highlights show on `selector`'s element: its picture with them
 * and without them (taken away for a moment in the extension's world) differ.
 */
async function showsHighlight(page: Page, selector: string): Promise<boolean> {
  const element = page.locator(selector);
  await element.scrollIntoViewIfNeeded();
  const withPaint = await element.screenshot({ animations: 'disabled' });
  await inWorld(
    page,
    `(() => { globalThis.__savedHighlights = new Map(CSS.highlights); CSS.highlights.clear(); })()`,
  );
  const without = await element.screenshot({ animations: 'disabled' });
  await inWorld(
    page,
    `(() => { for (const [k, h] of globalThis.__savedHighlights) CSS.highlights.set(k, h); })()`,
  );
  return !withPaint.equals(without);
}

describe('open shadow roots in Chromium', () => {
  it('annotates a paragraph in an open shadow root: painted, with a marker and a card by click', async () => {
    const { page, count, errors } = await open('/shadow.html');
    expect(count).toBeGreaterThan(0);
    expect(await painted(page)).toBe(count);
    expect(await markers(page)).toBe(count);
    expect(await session.browser.badgeText(page)).toBe(String(count));
    expect(await paintedInShadowOf(page, 'open-box')).toBeGreaterThan(0);
    // Painted on screen, not only registered (Playwright's CSS locators pierce open roots).
    expect(await showsHighlight(page, '#open-box p.fact')).toBe(true);
    expect(await showsHighlight(page, '#editor')).toBe(false);

    // A click on the highlighted figure inside the shadow tree opens its card.
    const at = (await inWorld(
      page,
      `(() => { const range = [...CSS.highlights.get('context-cards-figure')].find((r) => r.startContainer.getRootNode() instanceof ShadowRoot); const r = range.getClientRects()[0]; return { x: r.left + Math.min(6, r.width / 2), y: r.top + r.height / 2 }; })()`,
    )) as { x: number; y: number };
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => card(page).count()).toBe(1);
    await expect.poll(() => card(page).locator('.cc-status').count()).toBe(0);
    expect(await card(page).locator('.cc-quote').textContent()).toMatch(/19,546/);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);

    // A link inside the shadow tree keeps its click.
    await page.locator('#open-box a[href="#sources"]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#sources');
    expect(await card(page).count()).toBe(0);

    // The closed root and the editor are left alone.
    expect(await page.locator('#editor').textContent()).toBe(
      'A draft note: children deported to Russia, 19,546 verified, check the figures.',
    );
    expect(
      await inWorld(
        page,
        `[...CSS.highlights.values()].flatMap((h) => [...h]).some((r) => document.getElementById('editor').contains(r.startContainer) || document.getElementById('closed-box').contains(r.startContainer))`,
      ),
    ).toBe(false);
    expect(await pageTextUnchanged(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows text added inside a shadow root', async () => {
    const { page, count } = await open('/shadow.html');
    const inShadow = await paintedInShadowOf(page, 'open-box');
    await page.evaluate(() => (window as unknown as { __addToShadow(): void }).__addToShadow());
    const grown = Number(await session.browser.waitForBadge(page, (text) => Number(text) > count));
    await expect.poll(() => painted(page)).toBe(grown);
    expect(await paintedInShadowOf(page, 'open-box')).toBeGreaterThan(inShadow);
    expect(await markers(page)).toBe(grown);
    await page.close();
  });

  it('reads an app shell whose whole story is in (nested) shadow roots', async () => {
    const { page, count, errors } = await open('/shadow-app.html');
    expect(await session.browser.waitForStage1(page)).toBe('passed');
    expect(count).toBeGreaterThan(0);
    expect(await painted(page)).toBe(count);
    expect(await markers(page)).toBe(count);
    expect(await showsHighlight(page, 'news-paragraph:nth-of-type(2) p')).toBe(true);
    await page.locator('context-cards-ui .cc-marker').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
