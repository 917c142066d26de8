import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

  it('shows its name, description, tooltip and shortcuts from _locales (English here)', async () => {
    const dir = resolve('.output/chrome-mv3');
    const built = readFileSync(join(dir, 'manifest.json'), 'utf8');
    const keys = [...built.matchAll(/__MSG_(\w+?)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThanOrEqual(6);
    const en = JSON.parse(readFileSync(join(dir, '_locales/en/messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >;
    const uk = JSON.parse(readFileSync(join(dir, '_locales/uk/messages.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    for (const key of keys) {
      expect(en).toHaveProperty(key);
      expect(uk).toHaveProperty(key);
    }
    // The browser reads them in its own language, here English.
    const shown = await session.browser.worker.evaluate(async () => ({
      name: chrome.runtime.getManifest().name,
      description: chrome.runtime.getManifest().description,
      title: await chrome.action.getTitle({}),
      commands: (await chrome.commands.getAll()).map((c) => c.description),
    }));
    expect(shown).toEqual({
      name: en.extName!.message,
      description: en.extDescription!.message,
      title: en.actionTitle!.message,
      commands: expect.arrayContaining([
        en.commandNextAnnotation!.message,
        en.commandPreviousAnnotation!.message,
      ]) as unknown as string[],
    });
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
