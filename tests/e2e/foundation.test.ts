import { describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/browser';
import { useExtensionSession } from './session';

const session = useExtensionSession();

describe('the built extension in Chromium', () => {
  it('starts its service worker and answers a ping', async () => {
    expect(session.browser.extensionId).toMatch(/^[a-p]{32}$/);
    const page = await session.browser.context.newPage();
    await page.goto(`chrome-extension://${session.browser.extensionId}/popup.html`);
    const answer = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }));
    expect(answer).toEqual({ ok: true, pong: true });
    const refused = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'drop-tables' }));
    expect(refused).toMatchObject({ ok: false });
    await page.close();
  });

  it('renders the popup with a real status line and no console errors', async () => {
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`chrome-extension://${session.browser.extensionId}/popup.html`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Context Cards');
    await expect
      .poll(() => page.locator('[role=status][data-state]').first().getAttribute('data-state'))
      .toBe('ready');
    expect(await page.locator('[role=status]').textContent()).toMatch(/^Version \d+\.\d+\.\d+/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the options page with its sections and the stored dataset, with no console errors', async () => {
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/\S/);
    expect(await page.locator('h2').count()).toBeGreaterThanOrEqual(5);
    await expect
      .poll(() => page.getByTestId('dataset-line').textContent(), { timeout: 15_000 })
      .toMatch(/\d{4}\.\d{2}\.\d{2}/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the content script on the demo article, sets the badge, and leaves the page text alone', async () => {
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(session.server.url('/demo/article.html'));
    const badge = await session.browser.waitForBadge(page, (text) => text !== '');
    expect(Number(badge)).toBeGreaterThan(0);
    expect(
      await page.evaluate(() =>
        (window as unknown as { __pageTextUnchanged(): boolean }).__pageTextUnchanged(),
      ),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
