import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { collectErrors } from '../../scripts/harness/firefox';
import { cardOpen, inLayer, pageTextUnchanged, useFirefoxSession } from './session';

const session = useFirefoxSession();

/** Ranges the extension painted in a frame's document (the registry the page sees too). */
const painted = (frame: Page | Frame) =>
  frame.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('context-cards-') && name !== 'context-cards-active')
      .reduce((sum, [, highlight]) => sum + highlight.size, 0),
  );

const badge = async (page: Page) => Number(await session.browser.badgeText(page));

describe('same-origin frames and open shadow roots in Firefox', () => {
  it("paints a frame's story in the frame and counts every frame in the badge", async () => {
    const page = await session.open('/frames/host.html');
    const errors = collectErrors(page);
    await session.browser.waitForReport(page);
    const frame = () => page.frames().find((f) => f.url().endsWith('/frames/story.html'));
    await expect
      .poll(
        async () => (await frame()?.evaluate(() => typeof CSS === 'object')) && painted(frame()!),
      )
      .toBeGreaterThan(0);
    const top = await painted(page);
    const framed = await painted(frame()!);
    expect(top).toBeGreaterThan(0);
    await expect.poll(() => badge(page)).toBe(top + framed);
    // Its markers are in the frame's own layer.
    expect(
      await frame()!.evaluate(
        () =>
          document.querySelector('context-cards-ui')?.shadowRoot?.querySelectorAll('.cc-marker')
            .length ?? 0,
      ),
    ).toBe(framed);
    // Taken out of the page, the frame takes its annotations off the badge.
    await page.evaluate(() => document.getElementById('embedded')!.remove());
    await expect.poll(() => badge(page)).toBe(top);
    expect(await pageTextUnchanged(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('paints a paragraph in an open shadow root and opens its card on a click', async () => {
    const page = await session.open('/shadow.html');
    const errors = collectErrors(page);
    const count = await session.browser.waitForReport(page);
    expect(count).toBeGreaterThan(0);
    expect(await painted(page)).toBe(count);
    expect(await inLayer(page, '.cc-marker')).toBe(count);
    const inShadow = () =>
      page.evaluate(
        () =>
          [...CSS.highlights.entries()]
            .filter(([name]) => name.startsWith('context-cards-'))
            .flatMap(([, highlight]) => [...highlight] as Range[])
            .filter((range) => range.startContainer.getRootNode() instanceof ShadowRoot).length,
      );
    expect(await inShadow()).toBeGreaterThan(0);

    // Painted on screen: the paragraph's picture changes when the highlights are taken away.
    const fact = (await page.$('#open-box >>> p.fact'))!;
    await fact.scrollIntoView();
    const shot = async () => Buffer.from(await fact.screenshot());
    const withPaint = await shot();
    await page.evaluate(() => {
      (window as unknown as { saved: Map<string, Highlight> }).saved = new Map(CSS.highlights);
      CSS.highlights.clear();
    });
    const without = await shot();
    await page.evaluate(() => {
      for (const [name, h] of (window as unknown as { saved: Map<string, Highlight> }).saved)
        CSS.highlights.set(name, h);
    });
    expect(withPaint.equals(without)).toBe(false);

    const at = await page.evaluate(() => {
      const range = ([...CSS.highlights.get('context-cards-figure')!] as Range[]).find(
        (r) => r.startContainer.getRootNode() instanceof ShadowRoot,
      )!;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(6, rect.width / 2), y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => cardOpen(page)).toBe(true);
    expect(
      await page.$eval('context-cards-ui >>> [role="dialog"] .cc-quote', (q) => q.textContent),
    ).toMatch(/19,546/);
    expect(await pageTextUnchanged(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
