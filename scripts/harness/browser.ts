import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pollUntil, waitForBadgeText, waitForPageReport, waitForStage1State } from './poll';
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
  /** The extension's service worker (the same handle after the browser restarts it). */
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
  /**
   * The extension's popup page for `page`'s tab, as the toolbar popup sees it: opened as a
   * background tab in the same window, so `page`'s tab stays the active tab of its window
   * (the popup asks for `{ active: true, currentWindow: true }`). A Playwright page.
   */
  openPopup(page: Page): Promise<Page>;
  /**
   * The real toolbar popup over `page` (`chrome.action.openPopup()` with `page`'s tab in
   * front), driven through DevTools: Playwright does not list popup windows as pages.
   */
  openToolbarPopup(page: Page): Promise<ToolbarPopup>;
  /** From now on, the service worker records every message it receives. */
  recordMessages(): Promise<void>;
  /**
   * The messages recorded so far: their `type`, the sender's tab and, for the requests
   * that carry a page's blocks (`check-page`, `detect-blocks`), how many block texts.
   */
  recordedMessages(): Promise<RecordedMessage[]>;
  close(): Promise<void>;
}

export interface RecordedMessage {
  type: string;
  tabId: number | null;
  blocks?: number;
}

/** The toolbar popup, driven through a DevTools session on its page. */
export interface ToolbarPopup {
  /** Evaluates an expression in the popup's page (awaited; the result by value). */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Polls `expression` until it returns something truthy, and returns that. */
  waitFor<T = unknown>(expression: string, timeoutMs?: number): Promise<T>;
  /** A real left click (mouse events from DevTools) in the middle of `selector`. */
  click(selector: string): Promise<void>;
  /** Resolves when the popup has closed. */
  readonly closed: Promise<void>;
  isClosed(): boolean;
  close(): Promise<void>;
}

/**
 * Chromium's flags for tests and benches: headless, quiet, nothing but 127.0.0.1 resolves.
 * `extensions` are loaded at start; `'later'` allows loading them over DevTools instead
 * (`Extensions.loadUnpacked`); null runs without extensions.
 */
export function chromiumArgs(extensions: string | string[] | null | 'later'): string[] {
  const dirs = typeof extensions === 'string' && extensions !== 'later' ? [extensions] : extensions;
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
    ...(dirs === 'later'
      ? ['--enable-unsafe-extension-debugging']
      : dirs && dirs.length > 0
        ? [`--disable-extensions-except=${dirs.join(',')}`, `--load-extension=${dirs.join(',')}`]
        : ['--disable-extensions']),
  ];
}

/** Headless Debian Chromium with unpacked extensions (or none), in a fresh profile. */
export async function launchChromium(
  extensionDir: string | string[] | null | 'later',
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'context-cards-browser-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(extensionDir),
    // Playwright turns extensions off unless told which to load at start.
    ...(extensionDir === 'later' ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, its first
 * 32 hex digits written with the letters a to p.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export interface LaunchOptions {
  /**
   * Runs in the started browser before the extension is installed; the extension is then
   * installed over DevTools (`Extensions.loadUnpacked`) rather than at start, so whatever
   * this sets up (a network recorder) sees the install.
   */
  beforeInstall?: (context: BrowserContext) => Promise<void>;
  /** More unpacked extensions to load at start, beside ours (not with `beforeInstall`). */
  alsoLoad?: string[];
}

export async function launchWithExtension(
  extensionDir: string = EXTENSION_DIR,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const { beforeInstall, alsoLoad = [] } = options;
  if (beforeInstall && alsoLoad.length > 0) throw new Error('alsoLoad needs an install at start');
  const launched = await launchChromium(beforeInstall ? 'later' : [extensionDir, ...alsoLoad]);
  const { context } = launched;
  if (beforeInstall) {
    await beforeInstall(context);
    const browser = context.browser();
    if (!browser) throw new Error('no browser-level DevTools session to install the extension');
    const cdp = await browser.newBrowserCDPSession();
    await cdp.send('Extensions.loadUnpacked', { path: resolve(extensionDir) });
    await cdp.detach();
  }
  const extensionId = unpackedExtensionId(extensionDir);
  const ours = (w: Worker) => new URL(w.url()).host === extensionId;
  const worker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours }));

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

  const popupUrl = `chrome-extension://${extensionId}/popup.html`;

  return {
    context,
    worker,
    extensionId,
    badgeText,
    inExtensionWorld,
    async openPopup(page) {
      await page.bringToFront();
      const tabId = await tabIdOf(page);
      const opened = context.waitForEvent('page', {
        predicate: (p) => p.url() === popupUrl || p.url() === 'about:blank',
      });
      await worker.evaluate(
        async ([id, url]) => {
          const tab = await chrome.tabs.get(id as number);
          await chrome.tabs.create({
            windowId: tab.windowId,
            index: tab.index + 1,
            url: url as string,
            active: false,
          });
        },
        [tabId, popupUrl] as const,
      );
      const popup = await opened;
      if (popup.url() !== popupUrl) await popup.waitForURL(popupUrl);
      await popup.waitForLoadState('domcontentloaded');
      return popup;
    },
    openToolbarPopup: (page) => openToolbarPopup(context, worker, page, popupUrl),
    tabId: async (page) => {
      await page.bringToFront();
      return tabIdOf(page);
    },
    waitForStage1: (page, timeoutMs = 10_000) =>
      waitForStage1State(inExtensionWorld, page, timeoutMs),
    async recordMessages() {
      await worker.evaluate(() => {
        const scope = globalThis as unknown as { __recorded?: RecordedMessage[] };
        // Recording already: from now on.
        if (scope.__recorded) {
          scope.__recorded.length = 0;
          return;
        }
        const recorded: RecordedMessage[] = [];
        scope.__recorded = recorded;
        chrome.runtime.onMessage.addListener(
          (message: unknown, sender: { tab?: { id?: number } }) => {
            const m = (message ?? {}) as {
              type?: unknown;
              blocks?: unknown;
              windows?: { blocks?: unknown[] }[];
            };
            const blocks = Array.isArray(m.blocks)
              ? m.blocks.length
              : Array.isArray(m.windows)
                ? m.windows.reduce((n, w) => n + (w.blocks?.length ?? 0), 0)
                : undefined;
            recorded.push({
              type: String(m.type),
              tabId: sender.tab?.id ?? null,
              ...(blocks === undefined ? {} : { blocks }),
            });
            return false;
          },
        );
      });
    },
    recordedMessages: () =>
      worker.evaluate(
        () => (globalThis as unknown as { __recorded?: RecordedMessage[] }).__recorded ?? [],
      ),
    waitForBadge: (page, accept, timeoutMs = 10_000) =>
      waitForBadgeText(() => badgeText(page), accept, timeoutMs),
    waitForReport: (page, timeoutMs = 10_000) =>
      waitForPageReport(
        page,
        async () =>
          worker.evaluate(
            async (id: number) => {
              const key = `tab-report:${id}`;
              const stored = await chrome.storage.session.get(key);
              return (stored[key] ?? null) as { url: string; count: number } | null;
            },
            await tabIdOf(page),
          ),
        timeoutMs,
      ),
    close: () => launched.close(),
  };
}

async function openToolbarPopup(
  context: BrowserContext,
  worker: Worker,
  page: Page,
  popupUrl: string,
): Promise<ToolbarPopup> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to open the toolbar popup in');
  await page.bringToFront();
  const cdp = await browser.newBrowserCDPSession();
  const before = new Set(
    (await cdp.send('Target.getTargets')).targetInfos
      .filter((t) => t.url === popupUrl)
      .map((t) => t.targetId),
  );
  await worker.evaluate(() => chrome.action.openPopup());
  let targetId: string | undefined;
  for (const deadline = Date.now() + 5000; !targetId && Date.now() < deadline;) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    targetId = targetInfos.find((t) => t.url === popupUrl && !before.has(t.targetId))?.targetId;
    if (!targetId) await new Promise((r) => setTimeout(r, 50));
  }
  if (!targetId) throw new Error('the toolbar popup did not open');
  // Popups live outside Playwright's contexts: a session of its own, spoken to through the
  // browser's session (not flattened, which Playwright's sessions cannot address).
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let closed = false;
  let markClosed!: () => void;
  const closedPromise = new Promise<void>((resolve) => (markClosed = resolve));
  const onClosed = () => {
    if (closed) return;
    closed = true;
    for (const { reject } of waiting.values()) reject(new Error('the toolbar popup closed'));
    waiting.clear();
    markClosed();
    void cdp.detach().catch(() => undefined);
  };
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id!);
    if (message.error) pending.reject(new Error(message.error.message));
    else pending.resolve(message.result);
  });
  cdp.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId === sessionId) onClosed();
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  cdp.on('Target.targetDestroyed', (event) => {
    if (event.targetId === targetId) onClosed();
  });
  const send = (method: string, params: object = {}): Promise<unknown> => {
    if (closed) return Promise.reject(new Error('the toolbar popup closed'));
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch((error: Error) => {
          waiting.delete(id);
          reject(error);
        });
    });
  };
  const evaluate = async <T>(expression: string): Promise<T> => {
    const answer = (await send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.text);
    return answer.result.value as T;
  };
  return {
    evaluate,
    waitFor: <T>(expression: string, timeoutMs = 5000): Promise<T> =>
      pollUntil(
        () => evaluate<T>(expression),
        (value) => Boolean(value),
        {
          timeoutMs,
          intervalMs: 50,
          failure: () => `the toolbar popup never showed ${expression} within ${timeoutMs} ms`,
        },
      ),
    async click(selector) {
      const box = await evaluate<{ x: number; y: number } | null>(
        `(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) return null; el.scrollIntoView({ block: 'center' }); const r = el.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
      );
      if (!box) throw new Error(`nothing in the toolbar popup matches ${selector}`);
      for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased'])
        await send('Input.dispatchMouseEvent', {
          type,
          x: box.x,
          y: box.y,
          button: type === 'mouseMoved' ? 'none' : 'left',
          clickCount: type === 'mouseMoved' ? 0 : 1,
        }).catch(async (error: Error) => {
          // The click may close the popup before its answer comes back.
          const gone = await Promise.race([
            closedPromise.then(() => true),
            new Promise<boolean>((r) => setTimeout(() => r(false), 1000)),
          ]);
          if (!gone) throw error;
        });
    },
    closed: closedPromise,
    isClosed: () => closed,
    async close() {
      if (closed) return;
      await cdp.send('Target.closeTarget', { targetId: targetId! }).catch(() => undefined);
      await closedPromise;
    },
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
