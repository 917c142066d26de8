import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import {
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
} from '../../scripts/harness/firefox';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server';

export interface FirefoxSession {
  readonly browser: FirefoxExtensionBrowser;
  readonly server: StaticServer;
  /**
   * A new tab on a fixture page, at a URL of its own (a query string is added), so that
   * its tab is found by URL.
   */
  open(path: string): Promise<Page>;
}

/**
 * For one test file: Firefox with the built extension, and the fixture pages served from
 * 127.0.0.1, started before the file's tests and closed after them.
 */
export function useFirefoxSession(): FirefoxSession {
  let browser: FirefoxExtensionBrowser | undefined;
  let server: StaticServer | undefined;
  let opened = 0;
  beforeAll(async () => {
    server = await startStaticServer({ '/': 'tests/fixtures/pages' });
    browser = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const session: FirefoxSession = {
    get browser() {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
    async open(path) {
      const page = await session.browser.newPage();
      const url = session.server.url(path);
      await page.goto(`${url}${url.includes('?') ? '&' : '?'}tab=${++opened}`);
      return page;
    },
  };
  return session;
}

/** The number of elements matching `selector` inside the extension's shadow root. */
export function inLayer(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (s) => document.querySelector('context-cards-ui')?.shadowRoot?.querySelectorAll(s).length ?? 0,
    selector,
  );
}

/** Whether a context card is open on the page. */
export const cardOpen = async (page: Page): Promise<boolean> =>
  (await inLayer(page, '[role="dialog"]')) === 1;

/**
 * What the extension painted, as the page's document has it: ranges in the CSS Custom
 * Highlight API's registry when the browser has the API, else the overlay boxes drawn in
 * the extension's layer instead (the fallback).
 */
export async function painted(page: Page): Promise<{ api: 'highlight' | 'overlay'; n: number }> {
  const hasApi = await page.evaluate(
    () => typeof Highlight === 'function' && typeof CSS.highlights === 'object',
  );
  if (!hasApi) return { api: 'overlay', n: await inLayer(page, '.cc-overlay') };
  const n = await page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('context-cards-') && name !== 'context-cards-active')
      .reduce((sum, [, highlight]) => sum + highlight.size, 0),
  );
  return { api: 'highlight', n };
}

/**
 * A point inside the first painted figure (viewport coordinates), scrolled into view:
 * from the highlight's range, or from the fallback's overlay box.
 */
export function pointInFigure(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    let rect: DOMRect;
    if (typeof Highlight === 'function' && typeof CSS.highlights === 'object') {
      const range = [...CSS.highlights.get('context-cards-figure')!][0] as Range;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      rect = range.getClientRects()[0]!;
    } else {
      const box = document
        .querySelector('context-cards-ui')!
        .shadowRoot!.querySelector('.cc-overlay-figure')!;
      box.scrollIntoView({ block: 'center' });
      rect = box.getBoundingClientRect();
    }
    return { x: rect.left + Math.min(6, rect.width / 2), y: rect.top + rect.height / 2 };
  });
}

export const pageTextUnchanged = (page: Page): Promise<boolean> =>
  page.evaluate(() =>
    (window as unknown as { __pageTextUnchanged(): boolean }).__pageTextUnchanged(),
  );
