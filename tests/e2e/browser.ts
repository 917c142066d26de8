import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** Debian's Chromium, or CHROMIUM_PATH. Never a downloaded browser. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found. Install Debian's package (apt-get install -y chromium, giving /usr/bin/chromium) or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Text of the toolbar badge for the tab showing `page`. */
  badgeText(page: Page): Promise<string>;
  /** Waits until the badge of `page`'s tab satisfies `accept`, then returns it. */
  waitForBadge(page: Page, accept: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  /**
   * Waits until the content script has reported a scan of `page`'s current URL to the
   * background (the per-tab report the popup reads), and returns its annotation count.
   */
  waitForReport(page: Page, timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'context-cards-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Nothing but 127.0.0.1 resolves: a page that tries the network fails at once.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    const id = await worker.evaluate(async (target: string) => {
      const tabs = await chrome.tabs.query({});
      // Without the "tabs" permission urls are hidden, so match by the active tab when needed.
      const byUrl = tabs.find((tab) => tab.url === target);
      const active = tabs.find((tab) => tab.active);
      return (byUrl ?? active)?.id ?? -1;
    }, url);
    if (id < 0) throw new Error(`no tab found for ${url}`);
    return id;
  };

  const badgeText = async (page: Page): Promise<string> => {
    await page.bringToFront();
    const tabId = await tabIdOf(page);
    return worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
  };

  return {
    context,
    worker,
    extensionId,
    badgeText,
    async waitForBadge(page, accept, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        last = await badgeText(page);
        if (accept(last)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`badge did not settle as expected within ${timeoutMs} ms (last: "${last}")`);
    },
    async waitForReport(page, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const tabId = await tabIdOf(page);
        const report = await worker.evaluate(async (id: number) => {
          const key = `tab-report:${id}`;
          const stored = await chrome.storage.session.get(key);
          return (stored[key] ?? null) as { url: string; count: number } | null;
        }, tabId);
        if (report && report.url === page.url()) return report.count;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no scan report for ${page.url()} within ${timeoutMs} ms`);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and uncaught page errors for a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
