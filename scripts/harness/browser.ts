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
  /** The id of the tab that shows `page`. */
  tabId(page: Page): Promise<number>;
  /**
   * Evaluates an expression in the extension's isolated world of `page`'s top frame, or of
   * its first frame whose URL contains `frameUrl`.
   */
  inExtensionWorld(page: Page, expression: string, frameUrl?: string): Promise<unknown>;
  /**
   * Waits until stage 1 has checked `page` (its state is no longer "loading"), and
   * returns its state: "watching" (nothing found), "passed", or "no-prefilter".
   */
  waitForStage1(page: Page, timeoutMs?: number): Promise<string>;
  /** From now on, the service worker records every message it receives. */
  recordMessages(): Promise<void>;
  /** The messages recorded so far: their `type` and the sender's tab. */
  recordedMessages(): Promise<{ type: string; tabId: number | null }[]>;
  close(): Promise<void>;
}

/** Chromium's flags for tests and benches: headless, quiet, nothing but 127.0.0.1 resolves. */
export function chromiumArgs(extensionDir: string | null): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    // Nothing but 127.0.0.1 resolves: a page that tries the network fails at once.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ...(extensionDir
      ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
      : ['--disable-extensions']),
  ];
}

/** Headless Debian Chromium with one unpacked extension (or none), in a fresh profile. */
export async function launchChromium(
  extensionDir: string | null,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'context-cards-browser-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function launchWithExtension(
  extensionDir: string = EXTENSION_DIR,
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const launched = await launchChromium(extensionDir);
  const { context } = launched;
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

  const extensionName = await worker.evaluate(() => chrome.runtime.getManifest().name);
  const inExtensionWorld = (page: Page, expression: string, frameUrl?: string) =>
    evaluateInExtensionWorld(context, page, extensionName, expression, frameUrl);

  return {
    context,
    worker,
    extensionId,
    badgeText,
    inExtensionWorld,
    tabId: async (page) => {
      await page.bringToFront();
      return tabIdOf(page);
    },
    async waitForStage1(page, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let state: unknown;
      while (Date.now() < deadline) {
        state = await inExtensionWorld(page, 'globalThis.__contextCardsStage1?.state');
        if (typeof state === 'string' && state !== 'loading') return state;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(
        `stage 1 did not check ${page.url()} within ${timeoutMs} ms (${String(state)})`,
      );
    },
    async recordMessages() {
      await worker.evaluate(() => {
        const scope = globalThis as unknown as {
          __recorded?: { type: string; tabId: number | null }[];
        };
        if (scope.__recorded) return;
        const recorded: { type: string; tabId: number | null }[] = [];
        scope.__recorded = recorded;
        chrome.runtime.onMessage.addListener(
          (message: unknown, sender: { tab?: { id?: number } }) => {
            recorded.push({
              type: String((message as { type?: unknown } | null)?.type),
              tabId: sender.tab?.id ?? null,
            });
            return false;
          },
        );
      });
    },
    recordedMessages: () =>
      worker.evaluate(
        () =>
          (globalThis as unknown as { __recorded?: { type: string; tabId: number | null }[] })
            .__recorded ?? [],
      ),
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
    close: () => launched.close(),
  };
}

/**
 * Evaluates `expression` in the extension's isolated world of `page`'s top frame (where
 * the content script runs, invisible to the page), or of its first frame whose URL
 * contains `frameUrl` (a same-process frame), through DevTools. Undefined when the
 * extension has no world in that frame yet.
 */
export async function evaluateInExtensionWorld(
  context: BrowserContext,
  page: Page,
  extensionName: string,
  expression: string,
  frameUrl?: string,
): Promise<unknown> {
  const cdp = await context.newCDPSession(page);
  try {
    const contexts: {
      id: number;
      name: string;
      auxData?: { type?: string; isDefault?: boolean; frameId?: string };
    }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
      contexts.push(created as (typeof contexts)[number]);
    });
    interface FrameTree {
      frame: { id: string; url: string };
      childFrames?: FrameTree[];
    }
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
    const find = (tree: FrameTree): string | undefined =>
      tree.frame.url.includes(frameUrl!)
        ? tree.frame.id
        : (tree.childFrames ?? []).map(find).find((id) => id !== undefined);
    const frameId =
      frameUrl === undefined
        ? frameTree.frame.id
        : (frameTree.childFrames ?? []).map(find).find((id) => id !== undefined);
    if (frameId === undefined) return undefined;
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (c) =>
        c.auxData?.type === 'isolated' && c.name === extensionName && c.auxData.frameId === frameId,
    );
    if (!world) return undefined;
    const { result } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      returnByValue: true,
    });
    return result.value as unknown;
  } finally {
    await cdp.detach();
  }
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
