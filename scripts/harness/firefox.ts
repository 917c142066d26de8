import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { launchWithRetry } from './retry';
import { waitForBadgeText, waitForPageReport, waitForStage1State } from './poll';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');

/** The oldest Firefox the extension supports (the manifest's `strict_min_version`). */
const MIN_FIREFOX_MAJOR = 140;

/** FIREFOX_PATH, or else Debian's Firefox ESR. Never a downloaded browser. */
export function findFirefox(): string {
  const chosen = process.env.FIREFOX_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`FIREFOX_PATH is ${chosen}, which does not exist.`);
    return chosen;
  }
  if (existsSync('/usr/bin/firefox-esr')) return '/usr/bin/firefox-esr';
  throw new Error(
    "No Firefox found. Install Debian's package (apt-get install -y firefox-esr, giving /usr/bin/firefox-esr) or set FIREFOX_PATH to a Firefox binary (140 or newer).",
  );
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The add-on id (the manifest's `browser_specific_settings.gecko.id`). */
  extensionId: string;
  /** `moz-extension://<uuid>`: where the extension's own pages are. */
  origin: string;
  /** A new tab in front (1100 × 900). */
  newPage(): Promise<Page>;
  /**
   * A new tab showing one of the extension's pages, e.g. `options.html#import`, loaded.
   * Puppeteer's `page.url()` stays "about:blank" for it (see `navigateToExtensionPage`).
   */
  openExtensionPage(path: string): Promise<Page>;
  /** Evaluates an expression in an extension page, where `browser.*` is available. */
  inExtension(expression: string): Promise<unknown>;
  /** The id of the tab that shows `page`. */
  tabId(page: Page): Promise<number>;
  /** Text of the toolbar badge for the tab showing `page`. */
  badgeText(page: Page): Promise<string>;
  /** Waits until the badge of `page`'s tab satisfies `accept`, then returns it. */
  waitForBadge(page: Page, accept: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  /**
   * Waits until the content script has reported a scan of `page`'s current URL to the
   * background (the per-tab report the popup reads), and returns its annotation count.
   */
  waitForReport(page: Page, timeoutMs?: number): Promise<number>;
  /** The background's per-tab report for `page`'s tab, if any. */
  report(page: Page): Promise<{ url: string; count: number } | null>;
  /**
   * Evaluates an expression in the extension's isolated world of `page`'s top frame (where
   * the content script and stage 2 run, invisible to the page), or of its first frame whose
   * URL contains `frameUrl`, through `scripting.executeScript` from an extension page. The
   * result must be cloneable.
   */
  inExtensionWorld(page: Page, expression: string, frameUrl?: string): Promise<unknown>;
  /**
   * Waits until stage 1 has checked `page` (its state is no longer "loading"), and
   * returns its state: "watching" (nothing found), "passed", or "no-prefilter".
   */
  waitForStage1(page: Page, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Firefox's preferences for tests: quiet, a known extension UUID, and no host but
 * 127.0.0.1 reached (everything else goes to a proxy that refuses at once; Firefox never
 * sends loopback addresses through a proxy).
 */
export function firefoxPrefs(extensionId: string, uuid: string): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }),
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.allow_hijacking_localhost': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
  };
}

/**
 * How long one start of Firefox may take. A warm start takes about 2 s, but the first
 * start on a fresh machine (fonts cached, the profile's databases made) has been seen to
 * pass puppeteer's default of 30 s on a loaded CI runner.
 */
const LAUNCH_TIMEOUT_MS = 60_000;

/**
 * Headless Firefox (Debian's ESR) over WebDriver BiDi with the built extension installed
 * as a temporary add-on (`browser.installExtension`), in a fresh profile.
 */
export async function launchFirefoxWithExtension(
  extensionDir: string = FIREFOX_EXTENSION_DIR,
): Promise<FirefoxExtensionBrowser> {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build:firefox" first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const extensionId = manifest.browser_specific_settings?.gecko?.id;
  if (!extensionId) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  const executablePath = findFirefox();
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;

  const browser = await launchWithRetry(() =>
    puppeteer.launch({
      browser: 'firefox',
      timeout: LAUNCH_TIMEOUT_MS,
      protocol: 'webDriverBiDi',
      executablePath,
      headless: true,
      // Without it, WebDriver BiDi refuses to navigate a tab to a moz-extension:// page.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...firefoxPrefs(extensionId, uuid),
        // FIREFOX_LOG=1: every console message (the background's too) on standard error.
        ...(process.env.FIREFOX_LOG
          ? { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true }
          : {}),
      },
      dumpio: !!process.env.FIREFOX_LOG,
      defaultViewport: { width: 1100, height: 900 },
    }),
  );
  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.bringToFront();
    await navigateToExtensionPage(browser, page, `${origin}/${path.replace(/^\//, '')}`);
    return page;
  };

  // One extension page in a tab of its own, through which the tests reach browser.*. It
  // is opened first: a tab opened later would hide the page under test (a hidden tab gets
  // no key presses and no animation frames).
  let probe: Page;
  try {
    const version = await browser.version(); // "firefox/153.8.0"
    const major = Number(/(\d+)\./.exec(version)?.[1] ?? 0);
    if (major < MIN_FIREFOX_MAJOR) {
      throw new Error(
        `${executablePath} is ${version}; the extension needs Firefox ${MIN_FIREFOX_MAJOR} or newer.`,
      );
    }
    const installed = await browser.installExtension(extensionDir);
    if (installed !== extensionId) {
      throw new Error(`installed add-on ${installed}, expected ${extensionId}`);
    }
    probe = await openExtensionPage('popup.html');
  } catch (error) {
    await browser.close();
    throw error;
  }
  const inExtension = (expression: string): Promise<unknown> => probe.evaluate(expression);

  const tabId = async (page: Page): Promise<number> => {
    const url = page.url();
    // The extension's host access shows it the URLs of http(s) tabs; ports rule out
    // tabs.query's match patterns, so the tabs are compared here.
    const ids = (await inExtension(
      `browser.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === ${JSON.stringify(url)}).map((t) => t.id))`,
    )) as number[];
    if (ids.length !== 1) {
      throw new Error(`${ids.length} tabs show ${url}: open each test page at a URL of its own`);
    }
    return ids[0]!;
  };

  const badgeText = async (page: Page): Promise<string> => {
    const id = await tabId(page);
    return (await inExtension(`browser.action.getBadgeText({ tabId: ${id} })`)) as string;
  };

  const report = async (page: Page): Promise<{ url: string; count: number } | null> => {
    const key = JSON.stringify(`tab-report:${await tabId(page)}`);
    return (await inExtension(
      `browser.storage.session.get(${key}).then((stored) => stored[${key}] ?? null)`,
    )) as { url: string; count: number } | null;
  };

  const inExtensionWorld = async (
    page: Page,
    expression: string,
    frameUrl?: string,
  ): Promise<unknown> => {
    const id = await tabId(page);
    const target = frameUrl === undefined ? `frameIds: [0]` : `allFrames: true`;
    // The function's source goes to the content world as it is written here.
    const results = (await inExtension(
      `browser.scripting.executeScript({ target: { tabId: ${id}, ${target} }, func: () => ({ href: location.href, value: (${expression}) }) })`,
    )) as { frameId?: number; result?: { href: string; value: unknown } }[];
    const found =
      frameUrl === undefined
        ? results[0]
        : results.find((r) => r.frameId !== 0 && r.result?.href.includes(frameUrl));
    return found?.result?.value;
  };

  return {
    browser,
    extensionId,
    origin,
    async newPage() {
      const page = await browser.newPage();
      await page.bringToFront();
      return page;
    },
    openExtensionPage,
    inExtension,
    tabId,
    badgeText,
    report,
    inExtensionWorld,
    waitForBadge: (page, accept, timeoutMs = 10_000) =>
      waitForBadgeText(() => badgeText(page), accept, timeoutMs),
    waitForReport: (page, timeoutMs = 10_000) =>
      waitForPageReport(page, () => report(page), timeoutMs),
    waitForStage1: (page, timeoutMs = 10_000) =>
      waitForStage1State(inExtensionWorld, page, timeoutMs),
    close: () => browser.close(),
  };
}

/**
 * Loads an extension page into `page`'s tab. Firefox's WebDriver BiDi sends no navigation
 * events for pages of the extension process, so Puppeteer's `goto` would wait for ever:
 * the BiDi command is sent as it is, waiting for the document to be complete.
 */
async function navigateToExtensionPage(browser: Browser, page: Page, url: string): Promise<void> {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id?: unknown })._id;
  if (typeof connection?.send !== 'function' || typeof context !== 'string') {
    throw new Error('this Puppeteer has no WebDriver BiDi connection to send a navigation on');
  }
  await connection.send('browsingContext.navigate', { context, url, wait: 'complete' });
  const loaded = (await page.evaluate('[location.href, document.readyState]')) as string[];
  if (loaded[0] !== url || loaded[1] !== 'complete') {
    throw new Error(`${url} did not load (${loaded.join(', ')})`);
  }
}

interface BidiConnection {
  send(method: string, params: object): Promise<unknown>;
}

/** Collects console errors and uncaught page errors for a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error: unknown) =>
    errors.push(error instanceof Error ? error.message : String(error)),
  );
  return errors;
}
