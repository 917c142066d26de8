import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/browser';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server';
import { useExtensionSession } from './session';

const session = useExtensionSession();

/** The same fixtures from another origin (another port of 127.0.0.1). */
let elsewhere: StaticServer;
beforeAll(async () => {
  elsewhere = await startStaticServer({ '/': 'tests/fixtures/pages' });
});
afterAll(async () => {
  await elsewhere.close();
});

const EMBEDDED = 'frames/story.html';

/** In one frame's extension world (the top frame, or the frame whose URL contains `frame`). */
const inWorld = (page: Page, expression: string, frame?: string) =>
  session.browser.inExtensionWorld(page, expression, frame);

/** Ranges the extension painted in a frame's document (the active one left out). */
const painted = async (page: Page, frame?: string) =>
  (await inWorld(
    page,
    `[...CSS.highlights.entries()].filter(([k]) => k.startsWith('context-cards-') && k !== 'context-cards-active').reduce((n, [, h]) => n + h.size, 0)`,
    frame,
  )) as number;

/** Markers in a frame's own layer (each frame has its stage 2 and its shadow root). */
const markers = async (page: Page, frame?: string) =>
  (await inWorld(
    page,
    `document.querySelector('context-cards-ui')?.shadowRoot?.querySelectorAll('.cc-marker').length ?? 0`,
    frame,
  )) as number;

const stage1State = (page: Page, frame?: string) =>
  inWorld(page, 'globalThis.__contextCardsStage1?.state ?? null', frame);

const report = async (page: Page) => {
  const tabId = await session.browser.tabId(page);
  return session.browser.worker.evaluate(async (id: number) => {
    const key = `tab-report:${id}`;
    return ((await chrome.storage.session.get(key))[key] ?? null) as {
      url: string;
      count: number;
      frames: Record<string, number>;
    } | null;
  }, tabId);
};

const badge = async (page: Page) => Number(await session.browser.badgeText(page));

const pageTextUnchanged = (frame: { evaluate: Page['evaluate'] }) =>
  frame.evaluate(() =>
    (window as unknown as { __pageTextUnchanged(): boolean }).__pageTextUnchanged(),
  );

describe('same-origin frames in Chromium', () => {
  it("paints a frame's story in the frame, with its own markers and cards; the badge counts every frame", async () => {
    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    const errors = collectErrors(page);
    await page.goto(session.server.url('/frames/host.html'));
    await session.browser.waitForReport(page);
    await expect.poll(() => markers(page, EMBEDDED)).toBeGreaterThan(0);
    const top = await painted(page);
    const framed = await painted(page, EMBEDDED);
    expect(top).toBeGreaterThan(0);
    expect(framed).toBeGreaterThan(0);
    expect(await markers(page)).toBe(top);
    expect(await markers(page, EMBEDDED)).toBe(framed);
    await expect.poll(() => badge(page)).toBe(top + framed);
    expect(Object.values((await report(page))!.frames).sort()).toEqual([top, framed].sort());

    // A hidden frame and a 1 × 1 pixel frame are not read (no stage 1 there).
    expect(await stage1State(page, 'story.html?later')).toBeNull();
    expect(await stage1State(page, 'story.html?pixel')).toBeNull();

    // A click on highlighted text inside the frame opens the frame's own card.
    const inner = (await inWorld(
      page,
      `(() => { const range = [...CSS.highlights.get('context-cards-figure')][0]; const r = range.getClientRects()[0]; return { x: r.left + Math.min(6, r.width / 2), y: r.top + r.height / 2 }; })()`,
      EMBEDDED,
    )) as { x: number; y: number };
    const offset = await page.locator('#embedded').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + el.clientLeft, y: r.top + el.clientTop };
    });
    await page.mouse.click(offset.x + inner.x, offset.y + inner.y);
    const frameCard = page.frameLocator('#embedded').locator('context-cards-ui [role="dialog"]');
    await expect.poll(() => frameCard.count()).toBe(1);
    expect(await frameCard.locator('.cc-quote').textContent()).toMatch(/19,546/);
    expect(await page.locator('context-cards-ui [role="dialog"]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => frameCard.count()).toBe(0);

    // The hidden frame, once shown, is read and counted too.
    await page.locator('#later').evaluate((el) => ((el as HTMLElement).style.display = 'block'));
    await expect.poll(() => badge(page), { timeout: 10_000 }).toBe(top + 2 * framed);
    expect(await painted(page, 'story.html?later')).toBe(framed);

    // A frame taken out of the page takes its annotations off the badge.
    await page.locator('#later').evaluate((el) => el.remove());
    await expect.poll(() => badge(page)).toBe(top + framed);
    await page.locator('#embedded').evaluate((el) => el.remove());
    await expect.poll(() => badge(page)).toBe(top);
    expect(Object.values((await report(page))!.frames)).toEqual([top]);

    expect(await pageTextUnchanged(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts a relevant frame on an off-topic page, and nothing from a frame of another origin', async () => {
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(session.server.url('/frames/recipe-host.html'));
    // The report is the page's (the top frame's URL), though only its frame reported.
    const count = await session.browser.waitForReport(page);
    expect(await stage1State(page)).toBe('watching');
    expect(await inWorld(page, `document.querySelector('context-cards-ui') === null`)).toBe(true);
    const framed = await painted(page, 'story.html?in-recipe');
    expect(framed).toBeGreaterThan(0);
    expect(count).toBe(framed);
    expect(await badge(page)).toBe(framed);
    expect(await pageTextUnchanged(page.frame({ url: /in-recipe/ })!)).toBe(true);

    // The same story from another origin (an embed from another site) is left alone.
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.width = '700';
      frame.height = '320';
      document.body.append(frame);
    }, elsewhere.url('/frames/story.html?foreign'));
    await expect
      .poll(() => page.frame({ url: /foreign/ })?.evaluate(() => document.readyState))
      .toBe('complete');
    await page.waitForTimeout(1500);
    expect(await inWorld(page, 'globalThis.__contextCardsStage2 ?? null', 'foreign')).toBeNull();
    expect(await badge(page)).toBe(framed);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("never adds a page's frames to the next page's count", async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/frames/host.html'));
    await session.browser.waitForReport(page);
    await expect.poll(() => markers(page, EMBEDDED)).toBeGreaterThan(0);
    const before = await badge(page);
    expect(before).toBeGreaterThan(0);
    await page.goto(session.server.url('/plain-recipe.html'));
    await session.browser.waitForStage1(page);
    expect(await session.browser.badgeText(page)).toBe('');
    await page.goto(session.server.url('/frames/recipe-host.html'));
    const count = await session.browser.waitForReport(page);
    await page.waitForTimeout(500);
    expect(await badge(page)).toBe(count);
    expect(count).toBe(await painted(page, 'in-recipe'));
    // Back to the first page (restored from the back/forward cache or loaded again): its
    // own frames are counted again, and only they.
    await page.goBack();
    await page.goBack();
    await expect.poll(() => badge(page), { timeout: 10_000 }).toBe(before);
    await page.close();
  });
});
