/**
 * bench-browser: what the built extension costs a page in real Chromium, measured from
 * outside the extension, beside the floor and mark.js in the same run.
 *
 *   npm run bench:browser            a readable table
 *   npm run bench:browser -- --json  one JSON object
 *   npm run bench:browser -- --runs 9 --real-runs 2
 *   npm run bench:browser -- --no-real          without the saved real pages
 *
 * Every figure is "page with X minus the same page with no extension", from DevTools
 * (`Performance.getMetrics`): main-thread task time (TaskDuration), JS heap after a
 * forced GC, and layout shift (a `layout-shift` observer in the page). The longest task of
 * ours comes from a DevTools trace: the longest main-thread task that ran extension code.
 *
 * Configurations:
 *  - none: Chromium without extensions (the reference every delta is taken against);
 *  - floor: an extension built here whose content script reads the article's text once,
 *    tests one regular expression, reads one storage.local key and sends one message;
 *  - ours: the built extension (.output/chrome-mv3);
 *  - mark.js (npm, not a stand-in) highlighting the same lexicon terms, run in the
 *    page without any extension, timed from the same metrics.
 * Pages: 200 kB off-topic, a 10,000-word relevant article, a page that appends 500
 * paragraphs over five seconds, and the saved real pages in ../shared/pages/readability.
 */
import { execSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, launchChromium } from './harness/browser';
import { startStaticServer, type StaticServer } from './harness/static-server';
import { baselineRegExp, mixedText } from './bench';
import { loadDetector } from './scan';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(3, Number(argv[runsArg + 1]) || 7) : 7;
const realArg = argv.indexOf('--real-runs');
const REAL_RUNS = realArg >= 0 ? Math.max(1, Number(argv[realArg + 1]) || 1) : 1;
const log = (line: string) => {
  if (!json) console.log(line);
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function articlePage(title: string, paragraphs: string[], script = ''): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><header><nav><a href="#">Home</a></nav></header><main><article><h1>${escapeHtml(title)}</h1>\n${body}\n</article></main><footer>Bench page</footer>${script}</body></html>`;
}

/** A page that appends 500 paragraphs (one in twenty on the topic), ten every 100 ms. */
function appendingPage(paragraphs: string[]): string {
  const data = JSON.stringify(paragraphs.slice(0, 500));
  const script = `<script>(() => {
  const paras = ${data};
  const article = document.querySelector('article');
  let next = 0;
  const timer = setInterval(() => {
    for (let k = 0; k < 10 && next < paras.length; k++) {
      const p = document.createElement('p');
      p.textContent = paras[next++];
      article.appendChild(p);
    }
    if (next >= paras.length) { clearInterval(timer); window.__appendDone = true; }
  }, 100);
})();</script>`;
  return articlePage('Live: the week in the region', [], script);
}

/** The floor extension: the least a content script that reads a page can do. */
function writeFloorExtension(dir: string): void {
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'floor',
      version: '1.0',
      permissions: ['storage'],
      background: { service_worker: 'background.js' },
      content_scripts: [
        { matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' },
      ],
    }),
  );
  writeFileSync(
    join(dir, 'background.js'),
    `chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ ok: true }); });`,
  );
  writeFileSync(
    join(dir, 'content.js'),
    `(async () => {
  const root = document.querySelector('article') || document.body;
  const text = root.textContent || '';
  const hit = /deport|депорт/i.test(text);
  await chrome.storage.local.get('prefilter');
  await chrome.runtime.sendMessage({ hit });
})();`,
  );
}

interface Sample {
  /** Main-thread time in tasks that ran extension code. */
  taskMs: number;
  longestMs: number;
  heapBytes: number;
  layoutShift: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : Number.NaN;
};
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
};

const OBSERVE_SHIFTS = `(() => {
  window.__layoutShift = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__layoutShift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
})();`;

async function metrics(cdp: CDPSession): Promise<{ task: number; heap: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
  return { task: get('TaskDuration') * 1000, heap: get('JSHeapUsedSize') };
}

type Settle = (page: Page) => Promise<void>;

const settleStatic: Settle = async (page) => {
  await page.waitForLoadState('load');
  await page.waitForTimeout(900);
};
const settleAppending: Settle = async (page) => {
  await page.waitForFunction(
    () => (window as { __appendDone?: boolean }).__appendDone === true,
    null,
    {
      timeout: 20_000,
    },
  );
  await page.waitForTimeout(2600); // the re-scan scheduler waits for a quiet page
};

/**
 * Opens `url` in a new tab under a DevTools trace, lets it and the extension settle, and
 * reads what the extension cost: the main-thread tasks (of the page's renderer) that ran
 * extension code, their sum and the longest, plus the JS heap after a GC and layout shift.
 */
async function load(
  context: BrowserContext,
  url: string,
  settle: Settle,
): Promise<Sample & { page: Page }> {
  const page = await context.newPage();
  await page.addInitScript(OBSERVE_SHIFTS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,__metadata',
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await settle(page);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await complete;
  const m = await metrics(cdp);
  const layoutShift = await page.evaluate(
    () => (window as { __layoutShift?: number }).__layoutShift ?? 0,
  );
  await cdp.detach();
  const ours = extensionTasks(events, extensionSamples(profile));
  return { ...ours, heapBytes: m.heap, layoutShift, page };
}

async function samples(
  context: BrowserContext,
  url: string,
  settle: Settle,
  runs: number,
): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let run = 0; run < runs; run++) {
    const { page, ...sample } = await load(context, url, settle);
    out.push(sample);
    await page.close();
  }
  return out;
}

/** mark.js on a page without extensions: task time of highlighting, on top of the page's. */
async function markJsSamples(
  context: BrowserContext,
  url: string,
  settle: Settle,
  runs: number,
  regexp: RegExp,
): Promise<number[]> {
  const library = readFileSync(resolve('node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const out: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await settle(page);
    const before = await metrics(cdp);
    await page.addScriptTag({ content: library });
    // A string, not a function: tsx would add helpers the page does not have.
    await page.evaluate(`new Promise((done) => {
      const root = document.querySelector('article') || document.body;
      new Mark(root).markRegExp(new RegExp(${JSON.stringify(regexp.source)}, ${JSON.stringify(regexp.flags)}), { done: () => done() });
    })`);
    const after = await metrics(cdp);
    out.push(after.task - before.task);
    await cdp.detach();
    await page.close();
  }
  return out;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
}

/**
 * Samples of the page's CPU profile (all worlds of its renderer) whose stack holds
 * extension code, as [timestamp, duration] in trace microseconds. This attributes DOM
 * work called from our code (reading `textContent`, building ranges) to us, and the
 * continuations of our promises too, which a trace alone does not tag with a script URL.
 */
function extensionSamples(profile: CpuProfile): [number, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Set<number>();
  const stack: [number, boolean][] = [[profile.nodes[0]!.id, false]];
  while (stack.length) {
    const [id, inherited] = stack.pop()!;
    const node = byId.get(id)!;
    const mine = inherited || node.callFrame.url.startsWith('chrome-extension://');
    if (mine) ours.add(id);
    for (const child of node.children ?? []) stack.push([child, mine]);
  }
  const out: [number, number][] = [];
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    if (ours.has(samples[i]!)) out.push([t, deltas[i + 1] ?? 0]);
  }
  return out;
}

/**
 * What extension code cost the page's main thread: profile samples in extension code plus
 * the compilation of extension scripts (from the trace), in total and in the longest
 * renderer main-thread task that ran any of it.
 */
function extensionTasks(
  events: TraceEvent[],
  samples: [number, number][],
): { taskMs: number; longestMs: number } {
  const mainThreads = new Set(
    events
      .filter(
        (e) =>
          e.ph === 'M' && e.name === 'thread_name' && (e.args?.name as string) === 'CrRendererMain',
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mainThreads.has(`${e.pid}:${e.tid}`);
  const compiles = events.filter(
    (e) =>
      onMain(e) &&
      e.name === 'v8.compile' &&
      String((e.args?.data as { url?: string } | undefined)?.url ?? '').startsWith(
        'chrome-extension://',
      ),
  );
  let taskMs = compiles.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  for (const [, dur] of samples) taskMs += dur / 1000;
  let longestMs = 0;
  for (const task of events) {
    if (task.name !== 'RunTask' || task.ph !== 'X' || !task.dur || !onMain(task)) continue;
    if (task.dur / 1000 <= longestMs) continue;
    const end = task.ts + task.dur;
    const inside = (ts: number) => ts >= task.ts && ts <= end;
    const ran =
      compiles.some((c) => c.pid === task.pid && c.tid === task.tid && inside(c.ts)) ||
      samples.some(([ts]) => inside(ts));
    if (ran) longestMs = task.dur / 1000;
  }
  return { taskMs, longestMs };
}

interface PageFigures {
  oursMs: number;
  floorMs: number;
  markJsMs: number;
  vsFloor: number;
  vsMarkJs: number;
  longestTaskMs: number;
  layoutShift: number;
  heapKB: number;
  annotations: string;
}

/** The badge of the active tab (the page just loaded). */
async function badgeOf(context: BrowserContext, page: Page): Promise<string> {
  await page.bringToFront();
  const worker = context.serviceWorkers().find((w) => w.url().includes('background'));
  if (!worker) return '';
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true });
    return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
  });
}

function bundleSizes(dir: string): { file: string; raw: number; gzip: number }[] {
  const out: { file: string; raw: number; gzip: number }[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.js')) {
        const bytes = readFileSync(join(dir, rel));
        out.push({ file: rel, raw: bytes.length, gzip: gzipSync(bytes).length });
      }
    }
  };
  walk('');
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')) || argv.includes('--build')) {
    execSync('npx wxt build', { stdio: json ? 'ignore' : 'inherit' });
  }
  const detector = await loadDetector();
  const regexp = baselineRegExp(detector);

  const dir = mkdtempSync(join(tmpdir(), 'context-cards-bench-'));
  const floorDir = mkdtempSync(join(tmpdir(), 'context-cards-floor-'));
  writeFloorExtension(floorDir);
  const off = mixedText(200_000).filter((_, k) => k % 20 !== 19);
  writeFileSync(join(dir, 'off-topic.html'), articlePage('City news roundup', off));
  const words = (paras: string[]) => paras.join(' ').split(/\s+/).length;
  const relevant: string[] = [];
  for (const paragraph of mixedText(400_000)) {
    relevant.push(paragraph);
    if (words(relevant) >= 10_000) break;
  }
  writeFileSync(
    join(dir, 'relevant.html'),
    articlePage('Russia deported Ukrainian children, investigators say', relevant),
  );
  writeFileSync(join(dir, 'appending.html'), appendingPage(mixedText(200_000)));

  const readability = resolve('../shared/pages/readability');
  const mounts: Record<string, string> = { '/bench/': dir };
  const withReal = existsSync(readability) && !argv.includes('--no-real');
  if (withReal) mounts['/real/'] = readability;
  const server: StaticServer = await startStaticServer(mounts);
  const results: Record<string, unknown> = { runs: RUNS };
  const pages: [string, Settle][] = [
    ['off-topic', settleStatic],
    ['relevant', settleStatic],
    ['appending', settleAppending],
  ];
  const realFiles = withReal
    ? readdirSync(readability).filter(
        (f) => f.endsWith('.html') && statSync(join(readability, f)).isFile(),
      )
    : [];

  const configs = { none: null, floor: floorDir, ours: EXTENSION_DIR } as const;
  type Config = keyof typeof configs;
  const taskMs: Record<Config, Record<string, number[]>> = { none: {}, floor: {}, ours: {} };
  const heap: Record<Config, Record<string, number[]>> = { none: {}, floor: {}, ours: {} };
  const shift: Record<Config, Record<string, number[]>> = { none: {}, floor: {}, ours: {} };
  const real: Record<Config, Record<string, number>> = { none: {}, floor: {}, ours: {} };
  // Layout shift and heap are taken against the same page with no extension.
  const badges: Record<string, string> = {};
  const markJs: Record<string, number[]> = {};
  const longest: Record<string, number[]> = { floor: [], ours: [] };

  try {
    for (const config of Object.keys(configs) as Config[]) {
      const browser = await launchChromium(configs[config]);
      const { context } = browser;
      try {
        // Warm up: the first page after install waits for seeding and publication.
        await samples(context, server.url('/bench/relevant.html'), settleStatic, 1);
        for (const [name, settle] of pages) {
          const url = server.url(`/bench/${name}.html`);
          const list = await samples(context, url, settle, RUNS);
          taskMs[config][name] = list.map((s) => s.taskMs);
          heap[config][name] = list.map((s) => s.heapBytes);
          shift[config][name] = list.map((s) => s.layoutShift);
          if (config !== 'none') longest[`${config}:${name}`] = list.map((s) => s.longestMs);
          if (config === 'ours') {
            const { page } = await load(context, url, settle);
            badges[name] = await badgeOf(context, page);
            await page.close();
          }
          if (config === 'none')
            markJs[name] = await markJsSamples(context, url, settle, RUNS, regexp);
        }
        for (const file of config === 'none' ? [] : realFiles) {
          const list = await samples(context, server.url(`/real/${file}`), settleStatic, REAL_RUNS);
          real[config][file] = Math.min(...list.map((s) => s.taskMs));
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(floorDir, { recursive: true, force: true });
  }

  const figures: Record<string, PageFigures> = {};
  for (const [name] of pages) {
    const oursMs = median(taskMs.ours[name]!);
    const floorMs = median(taskMs.floor[name]!);
    const markJsMs = median(markJs[name]!);
    figures[name] = {
      oursMs,
      floorMs,
      markJsMs,
      vsFloor: oursMs / Math.max(floorMs, 0.1),
      vsMarkJs: oursMs / Math.max(markJsMs, 0.1),
      longestTaskMs: Math.max(...longest[`ours:${name}`]!),
      layoutShift: median(shift.ours[name]!) - median(shift.none[name]!),
      heapKB: (median(heap.ours[name]!) - median(heap.none[name]!)) / 1024,
      annotations: badges[name] ?? '',
    };
  }
  results.pages = figures;
  const fmt = (n: number, digits = 1) => n.toFixed(digits);
  log(
    `Main-thread time in extension code per page load (median of ${RUNS}; DevTools CPU profile samples in extension code + script compilation from a trace)`,
  );
  log(
    'page        ours ms  floor ms  mark.js ms  ours/floor  ours/mark.js  longest task ms  layout shift  heap kB  badge',
  );
  for (const [name, f] of Object.entries(figures)) {
    log(
      `${name.padEnd(11)} ${fmt(f.oursMs, 2).padStart(7)}  ${fmt(f.floorMs, 2).padStart(8)}  ${fmt(f.markJsMs).padStart(10)}  ${fmt(f.vsFloor, 2).padStart(10)}  ${fmt(f.vsMarkJs, 3).padStart(12)}  ${fmt(f.longestTaskMs).padStart(15)}  ${fmt(f.layoutShift, 3).padStart(12)}  ${fmt(f.heapKB, 0).padStart(7)}  "${f.annotations}"`,
    );
  }
  if (realFiles.length) {
    const ours = realFiles.map((f) => real.ours[f]!);
    const floor = realFiles.map((f) => real.floor[f]!);
    const worst = realFiles
      .map((f, k) => ({ file: f, ms: ours[k]! }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
    results.realPages = {
      pages: realFiles.length,
      medianMs: median(ours),
      p90Ms: quantile(ours, 0.9),
      floorMedianMs: median(floor),
      floorP90Ms: quantile(floor, 0.9),
      slowest: worst,
    };
    log(
      `real pages (${realFiles.length}, min of ${REAL_RUNS} loads each): ours median ${fmt(median(ours), 2)} ms, p90 ${fmt(quantile(ours, 0.9), 2)} ms; floor median ${fmt(median(floor), 2)} ms, p90 ${fmt(quantile(floor, 0.9), 2)} ms`,
    );
    log(`  slowest: ${worst.map((w) => `${w.file} ${fmt(w.ms)} ms`).join('; ')}`);
  }
  const sizes = bundleSizes(EXTENSION_DIR);
  results.bundles = sizes;
  log('built scripts (raw / gzip):');
  for (const s of sizes) {
    const stage = s.file === 'stage1.js' ? '  <- stage 1, on every page' : '';
    log(
      `  ${s.file.padEnd(40)} ${fmt(s.raw / 1024).padStart(7)} kB / ${fmt(s.gzip / 1024).padStart(6)} kB${stage}`,
    );
  }
  if (json) console.log(JSON.stringify(results));
}

await main();
