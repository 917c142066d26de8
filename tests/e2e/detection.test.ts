import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/browser';
import { useExtensionSession } from './session';
import { RADIUS } from '../../lib/page/slices';

const session = useExtensionSession();

/**
 * Waits until the extension is done with this page (stage 1 found nothing, or stage 2
 * reported its scan), then returns the badge.
 */
async function settledBadge(page: Page): Promise<string> {
  if ((await session.browser.waitForStage1(page)) === 'passed')
    await session.browser.waitForReport(page);
  return session.browser.badgeText(page);
}

const stage2Loaded = (page: Page) =>
  session.browser.inExtensionWorld(page, 'globalThis.__contextCardsStage2 === true');

/** Appends a relevant paragraph to the page's article: stage 2 must come, and the badge. */
async function appendRelevantParagraph(page: Page): Promise<void> {
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent =
      'Russia has deported thousands of Ukrainian children from the occupied territories.';
    document.querySelector('article')!.append(p);
  });
  const badge = await session.browser.waitForBadge(page, (text) => text !== '');
  expect(Number(badge)).toBeGreaterThanOrEqual(1);
  expect(await stage2Loaded(page)).toBe(true);
}

const pageTextUnchanged = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __pageTextUnchanged(): boolean }).__pageTextUnchanged(),
  );

describe('detection in Chromium', () => {
  it('counts annotations on the demo article', async () => {
    await session.browser.recordMessages();
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(session.server.url('/demo/article.html'));
    const badge = await settledBadge(page);
    expect(Number(badge)).toBeGreaterThanOrEqual(5);
    expect(await pageTextUnchanged(page)).toBe(true);
    // The background judged the page once, in stage 1's check, and stage 2 painted its
    // verdicts; a paragraph added later is sent to be judged, with its neighbours only.
    const tabId = await session.browser.tabId(page);
    const fromPage = async () =>
      (await session.browser.recordedMessages()).filter((m) => m.tabId === tabId);
    const types = (await fromPage()).map((m) => m.type);
    expect(types.filter((t) => t === 'check-page')).toHaveLength(1);
    expect(types).not.toContain('detect-blocks');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Some 19,546 children were deported by Russia, officials in Kyiv say.';
      document.querySelector('[itemprop="articleBody"]')!.append(p);
    });
    await session.browser.waitForBadge(page, (text) => Number(text) > Number(badge));
    const checked = (await fromPage()).find((m) => m.type === 'check-page')!;
    const judged = (await fromPage()).filter((m) => m.type === 'detect-blocks');
    expect(judged).toHaveLength(1);
    // The new block and those whose neighbourhood it changed, with their context.
    expect(judged[0]!.blocks).toBeGreaterThan(0);
    expect(judged[0]!.blocks).toBeLessThanOrEqual(2 * RADIUS + 1);
    expect(judged[0]!.blocks).toBeLessThan(checked.blocks!);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts annotations on a Ukrainian-language article', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/relevant-uk.html'));
    expect(Number(await settledBadge(page))).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('leaves the badge empty on an off-topic page', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/plain-recipe.html'));
    expect(await settledBadge(page)).toBe('');
    expect(await pageTextUnchanged(page)).toBe(true);
    await page.close();
  });

  it('annotates a story whose heading the markup runs into its first paragraph', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/run-together.html'));
    expect(Number(await settledBadge(page))).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('never loads stage 2 nor messages the background on an off-topic page', async () => {
    // A first page makes sure the detector is published (the first page after install
    // may ask for it).
    const warm = await session.browser.context.newPage();
    await warm.goto(session.server.url('/plain-recipe.html'));
    await session.browser.waitForStage1(warm);
    await warm.close();

    await session.browser.recordMessages();
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/plain-recipe.html?again'));
    expect(await session.browser.waitForStage1(page)).toBe('watching');
    // Text added later that is still off the topic changes nothing either.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Serve the soup with bread; children like a squeeze of lemon.';
      document.querySelector('article')!.append(p);
    });
    await page.waitForTimeout(600);
    expect(await stage2Loaded(page)).toBe(false);
    expect(await session.browser.recordedMessages()).toEqual([]);
    expect(await session.browser.badgeText(page)).toBe('');

    // The same page with a relevant paragraph appended: stage 2 comes, and the badge.
    await appendRelevantParagraph(page);
    const types = (await session.browser.recordedMessages()).map((m) => m.type);
    expect(types).toContain('check-page');
    expect(types).not.toContain('load-stage-2');
    expect(types).toContain('report-annotations');
    await page.close();
  });

  it('leaves stage 2 unloaded on a page whose words pass stage 1 but whose story is not the topic', async () => {
    const warm = await session.browser.context.newPage();
    await warm.goto(session.server.url('/plain-recipe.html'));
    await session.browser.waitForStage1(warm);
    await warm.close();

    await session.browser.recordMessages();
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(session.server.url('/false-alarm.html'));
    expect(await session.browser.waitForStage1(page)).toBe('watching');
    // Stage 1 passed it once, and the background judged its blocks: nothing relevant.
    expect(
      await session.browser.inExtensionWorld(page, 'globalThis.__contextCardsStage1.checks'),
    ).toBe(1);
    expect(await stage2Loaded(page)).toBe(false);
    const tabId = await session.browser.tabId(page);
    const fromPage = async () =>
      (await session.browser.recordedMessages())
        .filter((m) => m.tabId === tabId)
        .map((m) => m.type);
    expect(await fromPage()).toEqual(['check-page']);
    expect(await session.browser.badgeText(page)).toBe('');
    expect(await pageTextUnchanged(page)).toBe(true);

    // A relevant paragraph added later is looked at once the page is quiet: stage 2 comes.
    await appendRelevantParagraph(page);
    expect(
      await session.browser.inExtensionWorld(page, 'globalThis.__contextCardsStage1.checks'),
    ).toBe(2);
    expect(await fromPage()).toEqual(expect.arrayContaining(['check-page', 'report-annotations']));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("leaves the badge empty on Ukraine's own evacuations, prisoner exchanges and strikes", async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/hard-negative-evacuation.html'));
    expect(await settledBadge(page)).toBe('');
    await page.close();
  });

  it('updates the badge when a single-page app swaps in a relevant story', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/spa.html'));
    expect(await settledBadge(page)).toBe('');
    await page.evaluate(() =>
      (window as unknown as { __navigate(path: string): void }).__navigate(
        '/spa.html?story=children',
      ),
    );
    const badge = await session.browser.waitForBadge(page, (text) => text !== '');
    expect(Number(badge)).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('shows the count again after going back to a page', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/demo/article.html'));
    const count = await session.browser.waitForReport(page);
    expect(count).toBeGreaterThan(0);
    await page.goto(session.server.url('/plain-recipe.html'));
    expect(await settledBadge(page)).toBe('');
    await page.goBack();
    const badge = await session.browser.waitForBadge(page, (text) => text !== '');
    expect(Number(badge)).toBe(count);
    await page.close();
  });

  it('survives odd markup (shadow DOM, iframe, contenteditable, 20,000 list items) without errors', async () => {
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(session.server.url('/hostile.html'));
    const badge = await settledBadge(page);
    expect(Number(badge)).toBeGreaterThanOrEqual(1);
    // The editor the reader is typing in is never annotated or changed.
    expect(await page.locator('#editor').textContent()).toBe(
      'A draft note: children deported to Russia, check the figures.',
    );
    expect(await pageTextUnchanged(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works on a page that breaks its own built-ins, keeps a strict CSP and removes foreign nodes', async () => {
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(session.server.url('/hostile-globals.html'));
    const badge = Number(await settledBadge(page));
    expect(badge).toBeGreaterThanOrEqual(1);
    // The page keeps removing the extension's layer; highlights stay (they are not nodes).
    await page.waitForTimeout(600);
    const painted = await session.browser.inExtensionWorld(
      page,
      `[...CSS.highlights.keys()].filter((k) => k.startsWith('context-cards-')).length`,
    );
    expect(painted).toBeGreaterThan(0);
    expect(await pageTextUnchanged(page)).toBe(true);
    // The page's own errors are its own: none comes from the extension.
    expect(errors.filter((e) => !e.startsWith('page:') && !e.includes('page: '))).toEqual([]);
    await page.close();
  });

  it('works on a heavy page: all: unset, a top overlay, 5,000-deep nesting, 100,000 text nodes, a frozen body and 10,000 mutations a second', async () => {
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(session.server.url('/hostile-heavy.html'));
    const badge = Number(await settledBadge(page));
    expect(badge).toBeGreaterThanOrEqual(1);
    // The page's own script runs to its end.
    await page.waitForFunction(() => (window as { __churnTicks?: number }).__churnTicks === 20);
    // The card still opens from the keyboard above the page's reset and overlay, and closes.
    const marker = page.locator('context-cards-ui .cc-marker').first();
    await marker.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('context-cards-ui [role="dialog"]');
    await dialog.waitFor({ state: 'visible' });
    expect((await dialog.locator('.cc-quote').textContent())!.length).toBeGreaterThan(2);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
