import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/firefox';
import { cardOpen, inLayer, painted, pointInFigure, useFirefoxSession } from './session';

const session = useFirefoxSession();

/** The demo article, scanned and painted. */
async function demoArticle(): Promise<{ page: Page; count: number; errors: string[] }> {
  const page = await session.open('/demo/article.html');
  const errors = collectErrors(page);
  const count = await session.browser.waitForReport(page);
  return { page, count, errors };
}

/** The `data-key` of the element focused inside the extension's shadow root, if any. */
const focusedKey = (page: Page) =>
  page.evaluate(
    () =>
      (document.querySelector('context-cards-ui')!.shadowRoot!.activeElement as HTMLElement | null)
        ?.dataset.key ?? null,
  );

describe('context cards in Firefox', () => {
  it('opens a card on a click on highlighted text, and an outside click closes it', async () => {
    const { page, errors } = await demoArticle();
    const at = await pointInFigure(page);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => cardOpen(page)).toBe(true);
    await expect.poll(() => inLayer(page, '[role="dialog"] .cc-status')).toBe(0);
    const card = await page.$eval('context-cards-ui >>> [role="dialog"]', (dialog) => ({
      labelledBy: dialog.getAttribute('aria-labelledby'),
      quote: dialog.querySelector('.cc-quote')?.textContent ?? '',
      links: Array.from(dialog.querySelectorAll('.cc-sources a')).map((a) => [
        a.getAttribute('href'),
        a.getAttribute('target'),
        a.getAttribute('rel'),
      ]),
      picture: dialog.querySelector('svg[role="img"]')?.getAttribute('aria-label') ?? '',
    }));
    expect(card.labelledBy).toBeTruthy();
    expect(card.quote.length).toBeGreaterThan(2);
    expect(card.links.length).toBeGreaterThan(0);
    for (const [href, target, rel] of card.links) {
      expect(href).toMatch(/^https:\/\//);
      expect(target).toBe('_blank');
      expect(rel).toBe('noopener noreferrer');
    }
    expect(card.picture.length).toBeGreaterThan(10);
    // The open card's passage is marked as active (by the Highlight API where there is one).
    if ((await painted(page)).api === 'highlight') {
      expect(await page.evaluate(() => CSS.highlights.get('context-cards-active')?.size ?? 0)).toBe(
        1,
      );
    }
    await page.mouse.click(5, 5);
    await expect.poll(() => cardOpen(page)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works from the keyboard: a marker, Enter, Tab stays in the card, Escape, focus back', async () => {
    const { page, errors } = await demoArticle();
    const marker = (await page.$('context-cards-ui >>> .cc-marker'))!;
    const key = await marker.evaluate((m) => (m as HTMLElement).dataset.key);
    expect(await marker.evaluate((m) => m.getAttribute('aria-label'))).toMatch(/^Context: /);
    await marker.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => cardOpen(page)).toBe(true);
    expect(await marker.evaluate((m) => m.getAttribute('aria-expanded'))).toBe('true');
    const focusedInCard = () =>
      page.evaluate(
        () =>
          !!document
            .querySelector('context-cards-ui')!
            .shadowRoot!.activeElement?.closest('[role="dialog"]'),
      );
    await expect.poll(focusedInCard).toBe(true);
    for (let k = 0; k < 12; k++) await page.keyboard.press('Tab');
    expect(await focusedInCard()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(page)).toBe(false);
    expect(await focusedKey(page)).toBe(key);
    expect(await marker.evaluate((m) => m.getAttribute('aria-expanded'))).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Not relevant" removes the annotation and lowers the badge', async () => {
    const { page, count } = await demoArticle();
    await (await page.$('context-cards-ui >>> .cc-marker'))!.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => inLayer(page, '[role="dialog"] .cc-dismiss')).toBe(1);
    // The card's records load after it opens and push its footer down: a reader clicks the
    // button where it settles, so wait for the loaded card (clicking earlier can miss it).
    await expect.poll(() => inLayer(page, '[role="dialog"] .cc-status')).toBe(0);
    await (await page.$('context-cards-ui >>> [role="dialog"] .cc-dismiss'))!.click();
    await session.browser.waitForBadge(page, (text) => text === String(count - 1));
    expect(await inLayer(page, '.cc-marker')).toBe(count - 1);
    await page.close();
  });
});
