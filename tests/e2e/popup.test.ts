import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/browser';
import { useExtensionSession } from './session';

const session = useExtensionSession();
const AXE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

const paintedTotal = async (page: Page) =>
  (await session.browser.inExtensionWorld(
    page,
    `[...CSS.highlights.entries()].filter(([k]) => k.startsWith('context-cards-') && k !== 'context-cards-active').reduce((n, [, h]) => n + h.size, 0)`,
  )) as number;

const card = (page: Page) => page.locator('context-cards-ui [role="dialog"]');

// Every page a test opened is closed after it, even when it fails: a second tab on the
// same address would stand in for the next test's article (tabs are found by address).
const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) if (!page.isClosed()) await page.close();
});

async function openArticle(): Promise<{ article: Page; badge: number }> {
  const article = await session.browser.context.newPage();
  opened.push(article);
  await article.setViewportSize({ width: 1100, height: 800 });
  await article.goto(session.server.url('/demo/article.html'));
  const badge = await session.browser.waitForReport(article);
  expect(badge).toBeGreaterThanOrEqual(5);
  expect(await session.browser.badgeText(article)).toBe(String(badge));
  return { article, badge };
}

/** The popup page for the article's tab, once it lists the page's annotations. */
async function openPopup(article: Page, count: number) {
  const popup = await session.browser.openPopup(article);
  opened.push(popup);
  const errors = collectErrors(popup);
  const list = popup.getByRole('list', { name: 'Passages on this page' });
  await expect.poll(() => list.getByRole('button').count()).toBe(count);
  return { popup, list, errors };
}

/** Whether the annotation quoted `quote` is painted inside the article's viewport. */
const inView = (article: Page, quote: string) =>
  session.browser.inExtensionWorld(
    article,
    `(() => { for (const [k, h] of CSS.highlights) { if (!k.startsWith('context-cards-') || k === 'context-cards-active') continue; for (const r of h) { if (r.toString().replace(/\\s+/g, ' ') !== ${JSON.stringify(quote)}) continue; const box = r.getBoundingClientRect(); if (box.top >= 0 && box.bottom <= innerHeight) return true; } } return false; })()`,
  );

describe('the toolbar popup over a page with annotations', () => {
  it('lists as many annotations as the badge counts, and opens the one chosen on the page', async () => {
    const { article, badge } = await openArticle();
    const popup = await session.browser.openToolbarPopup(article);
    // The real popup, attached to the article's window: it reads the article's tab.
    expect(await popup.waitFor<number>(`document.querySelectorAll('.popup-item').length`)).toBe(
      badge,
    );
    expect(await popup.evaluate(`document.querySelector('.page-summary').textContent`)).toBe(
      `${badge} passages on this page about deported Ukrainian children.`,
    );
    // The last passage is far down the article: choosing it scrolls there.
    const quote = await popup.evaluate<string>(
      `[...document.querySelectorAll('.popup-quote')].at(-1).textContent.slice(1, -1)`,
    );
    expect(await article.evaluate(() => scrollY)).toBe(0);
    expect(await inView(article, quote)).toBe(false);
    await popup.click('.popup-list li:last-child .popup-item');
    await popup.closed;
    await expect.poll(() => card(article).count()).toBe(1);
    expect(await card(article).locator('.cc-quote').textContent()).toBe(quote);
    expect(await article.evaluate(() => scrollY)).toBeGreaterThan(0);
    expect(await inView(article, quote)).toBe(true);
    await article.close();
  });
});

describe('the popup page for the article tab', () => {
  it('works from the keyboard: Tab reaches the list, Enter opens that card and closes the popup', async () => {
    const { article, badge } = await openArticle();
    const { popup, list, errors } = await openPopup(article, badge);
    const first = list.getByRole('button').first();
    const quote = (await first.locator('.popup-quote').textContent())!.slice(1, -1);
    expect(await first.locator('.popup-category').textContent()).toMatch(
      /^(Official claim|Figure|Topic)$/,
    );
    expect((await first.locator('.popup-title').textContent())!.length).toBeGreaterThan(3);
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.className)).toBe('popup-item');
    const closed = popup.waitForEvent('close');
    // The popup closes itself on Enter: the key's release may find it gone.
    await popup.keyboard.press('Enter').catch((error: Error) => {
      if (!popup.isClosed()) throw error;
    });
    await closed;
    await expect.poll(() => card(article).count()).toBe(1);
    expect(await card(article).locator('.cc-quote').textContent()).toBe(quote);
    expect(errors).toEqual([]);
    await article.close();
  });

  it('"On this site" turns the site off (highlights and badge go) and on again (they come back)', async () => {
    const { article, badge } = await openArticle();
    expect(await paintedTotal(article)).toBe(badge);
    const { popup, list, errors } = await openPopup(article, badge);
    const toggle = popup.getByRole('switch', { name: 'On this site (127.0.0.1)' });
    expect(await toggle.isChecked()).toBe(true);

    await toggle.click();
    expect(await session.browser.waitForBadge(article, (text) => text === '')).toBe('');
    await expect.poll(() => paintedTotal(article)).toBe(0);
    await expect
      .poll(() => popup.locator('.page-summary').textContent())
      .toBe('Turned off on this site: nothing is marked here.');
    expect(await list.count()).toBe(0);
    expect(await toggle.isChecked()).toBe(false);

    await toggle.click();
    await session.browser.waitForBadge(article, (text) => text === String(badge));
    await expect.poll(() => paintedTotal(article)).toBe(badge);
    // The popup follows the page: its count and list come back with the highlights.
    await expect
      .poll(() => popup.locator('.page-summary').textContent())
      .toBe(`${badge} passages on this page about deported Ukrainian children.`);
    await expect.poll(() => list.getByRole('button').count()).toBe(badge);
    expect(await toggle.isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await popup.close();
    await article.close();
  });

  it('has no serious or critical axe-core violation, in light and dark', async () => {
    const { article, badge } = await openArticle();
    for (const scheme of ['light', 'dark'] as const) {
      const { popup } = await openPopup(article, badge);
      await popup.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/dataset \d{4}\./);
      // Evaluated over DevTools: the page's CSP (script-src 'self') refuses inline scripts.
      await popup.evaluate(AXE);
      const { violations, passes, background } = (await popup.evaluate(`(async () => {
        const result = await axe.run(document);
        return {
          violations: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')),
          passes: result.passes.map((p) => p.id),
          background: getComputedStyle(document.body).backgroundColor,
        };
      })()`)) as { violations: string[]; passes: string[]; background: string };
      expect(violations, scheme).toEqual([]);
      expect(passes).toContain('color-contrast');
      expect(passes).toContain('button-name');
      // The scheme really applied.
      expect(background).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(28, 28, 30)');
      await popup.close();
    }
    await article.close();
  });

  // Last: the dismissal stays stored for the article in this browser.
  it('follows the page while open: a dismissal on the page lowers its count and list', async () => {
    const { article, badge } = await openArticle();
    const { popup, list } = await openPopup(article, badge);
    const quotes = () => list.locator('.popup-quote').allTextContents();
    const before = await quotes();
    await article.bringToFront();
    await article.locator('context-cards-ui .cc-marker').first().focus();
    await article.keyboard.press('Enter');
    const dismissed = (await card(article).locator('.cc-quote').textContent())!;
    await card(article).locator('.cc-dismiss').click();
    await session.browser.waitForBadge(article, (text) => text === String(badge - 1));
    await expect
      .poll(() => popup.locator('.page-summary').textContent())
      .toBe(`${badge - 1} passages on this page about deported Ukrainian children.`);
    await expect.poll(() => list.getByRole('button').count()).toBe(badge - 1);
    const after = await quotes();
    expect(before.filter((q) => !after.includes(q))).toEqual([`“${dismissed}”`]);
    await popup.close();
    await article.close();
  });
});
