import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/firefox';
import { inLayer, painted, pageTextUnchanged, useFirefoxSession } from './session';

const session = useFirefoxSession();

describe('the built extension in Firefox', () => {
  it('is installed with its host access granted, and its event page answers', async () => {
    const b = session.browser;
    // Firefox makes MV3 host permissions optional; they are granted at install (Firefox
    // 127 and later), which is what lets stage 1 run and stage 2 be injected.
    expect(
      await b.inExtension(
        `browser.permissions.contains({ origins: ['http://*/*', 'https://*/*'] })`,
      ),
    ).toBe(true);
    // An event page, not a service worker (what Firefox runs for MV3).
    expect(await b.inExtension('browser.runtime.getManifest().background')).toMatchObject({
      scripts: [`${b.origin}/background.js`],
      service_worker: null,
    });
    expect(await b.inExtension(`browser.runtime.sendMessage({ type: 'ping' })`)).toEqual({
      ok: true,
      pong: true,
    });
    // Name, description, tooltip and shortcuts come from _locales, here in English.
    const en = JSON.parse(
      readFileSync(resolve('.output/firefox-mv3/_locales/en/messages.json'), 'utf8'),
    ) as Record<string, { message: string }>;
    expect(
      await b.inExtension(`(async () => ({
        name: browser.runtime.getManifest().name,
        description: browser.runtime.getManifest().description,
        title: await browser.action.getTitle({}),
        commands: (await browser.commands.getAll()).map((c) => c.description).sort(),
      }))()`),
    ).toEqual({
      name: en.extName!.message,
      description: en.extDescription!.message,
      title: en.actionTitle!.message,
      commands: [en.commandNextAnnotation!.message, en.commandPreviousAnnotation!.message].sort(),
    });
  });

  it('marks the demo article: badge, report, markers and painting agree, page text untouched', async () => {
    const page = await session.open('/demo/article.html');
    const errors = collectErrors(page);
    const count = await session.browser.waitForReport(page);
    expect(count).toBeGreaterThanOrEqual(5);
    expect(await session.browser.waitForBadge(page, (text) => text !== '')).toBe(String(count));
    // What a reader sees: one named, focusable marker per annotation...
    const labels = await page.$$eval('context-cards-ui >>> .cc-marker', (markers) =>
      markers.map((m) => m.getAttribute('aria-label') ?? ''),
    );
    expect(labels).toHaveLength(count);
    for (const label of labels) expect(label).toMatch(/^Context: \S/);
    // ...and the passages painted: by the Highlight API, or by the overlay fallback where
    // this Firefox lacks it (a passage over two lines has two boxes).
    const paint = await painted(page);
    if (paint.api === 'highlight') {
      expect(paint.n).toBe(count);
      expect(await inLayer(page, '.cc-overlay')).toBe(0);
    } else {
      expect(paint.n).toBeGreaterThanOrEqual(count);
    }
    expect(await pageTextUnchanged(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a Ukrainian-language article', async () => {
    const page = await session.open('/relevant-uk.html');
    const count = await session.browser.waitForReport(page);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(await session.browser.badgeText(page)).toBe(String(count));
    expect(await inLayer(page, '.cc-marker')).toBe(count);
    await page.close();
  });

  it('leaves an off-topic page alone until relevant text appears on it', async () => {
    const page = await session.open('/plain-recipe.html');
    const errors = collectErrors(page);
    expect(await session.browser.waitForStage1(page)).toBe('watching');
    expect(await pageTextUnchanged(page)).toBe(true);
    // Text added later that is still off the topic changes nothing either.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Serve the soup with bread; children like a squeeze of lemon.';
      document.querySelector('article')!.append(p);
    });
    await new Promise((done) => setTimeout(done, 600));
    expect(
      await session.browser.inExtensionWorld(page, 'globalThis.__contextCardsStage2 === true'),
    ).toBe(false);
    expect(await page.evaluate(() => document.querySelector('context-cards-ui'))).toBeNull();
    expect(await session.browser.badgeText(page)).toBe('');
    expect(await session.browser.report(page)).toBeNull();

    // The same page with a relevant paragraph appended: stage 2 comes, and the badge.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent =
        'Russia has deported thousands of Ukrainian children from the occupied territories.';
      document.querySelector('article')!.append(p);
    });
    const badge = await session.browser.waitForBadge(page, (text) => text !== '');
    expect(Number(badge)).toBeGreaterThan(0);
    expect(
      await session.browser.inExtensionWorld(page, 'globalThis.__contextCardsStage2 === true'),
    ).toBe(true);
    expect(await inLayer(page, '.cc-marker')).toBe(Number(badge));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("leaves stage 2 unloaded when the background's engine finds nothing relevant", async () => {
    const page = await session.open('/false-alarm.html');
    const errors = collectErrors(page);
    expect(await session.browser.waitForStage1(page)).toBe('watching');
    // Stage 1 passed it, and the background (an event page in Firefox) judged its blocks.
    expect(
      await session.browser.inExtensionWorld(page, 'globalThis.__contextCardsStage1.checks'),
    ).toBe(1);
    expect(
      await session.browser.inExtensionWorld(page, 'globalThis.__contextCardsStage2 === true'),
    ).toBe(false);
    expect(await session.browser.badgeText(page)).toBe('');
    expect(await pageTextUnchanged(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
