/**
 * bench-browser: what the content script costs in real Chromium, with the built
 * extension loaded, side by side with a mark.js-style baseline run on the same pages.
 *
 *   npm run bench:browser            a readable table
 *   npm run bench:browser -- --json  one JSON object
 *
 * Pages (generated from our own paragraphs, served from 127.0.0.1):
 *  - off-topic: 200 KB of article text with no topic words (DESIGN.md: pre-filter < 2 ms);
 *  - relevant: a 10,000-word article with about 30 topic paragraphs (full scan < 20 ms);
 *  - the saved real pages in ../shared/pages/readability, when present (cost per page and
 *    any annotation found there: those pages are off-topic, so each is a false alarm).
 * The content script measures its own main-thread time (pre-filter step; block extraction
 * plus detection) and reports it with its annotation count; the baseline is one RegExp of
 * every lexicon term run over the same article text inside the page.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../tests/e2e/browser';
import { startStaticServer } from '../tests/e2e/static-server';
import { baselineRegExp, mixedText } from './bench';
import { loadDetector } from './scan';

const RUNS = 5;
const json = process.argv.includes('--json');
const log = (line: string) => {
  if (!json) console.log(line);
};

interface Timing {
  prefilterMs: number;
  detectMs: number;
}

function articlePage(title: string, paragraphs: string[]): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><header><nav><a href="#">Home</a></nav></header><main><article><h1>${escape(title)}</h1>\n${body}\n</article></main><footer>Bench page</footer></body></html>`;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : Number.NaN;
};

/** Loads `url` in a fresh tab and returns the content script's report for it. */
async function measure(
  browser: ExtensionBrowser,
  url: string,
): Promise<{ count: number; timing: Timing; page: Page }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const count = await browser.waitForReport(page, 20_000);
  const timing = await browser.worker.evaluate(async (tabUrl: string) => {
    const all = await chrome.storage.session.get(null);
    for (const value of Object.values(all)) {
      const report = value as { url?: string; timing?: Timing };
      if (report.url === tabUrl && report.timing) return report.timing;
    }
    return null;
  }, page.url());
  if (!timing) throw new Error(`no timing reported for ${url}`);
  return { count, timing, page };
}

/** The baseline in the page: one RegExp of all lexicon terms over the article text. */
async function baselineMs(page: Page, source: string, flags: string): Promise<number> {
  return page.evaluate(
    ({ source, flags }) => {
      const started = performance.now();
      const root = document.querySelector('article') ?? document.body;
      const text = root.textContent ?? '';
      const re = new RegExp(source, flags);
      let n = 0;
      while (re.exec(text)) n++;
      (window as unknown as { __baselineMatches: number }).__baselineMatches = n;
      return performance.now() - started;
    },
    { source, flags },
  );
}

async function main(): Promise<void> {
  if (!existsSync('.output/chrome-mv3/manifest.json') || process.argv.includes('--build')) {
    execSync('npx wxt build', { stdio: json ? 'ignore' : 'inherit' });
  }
  const detector = await loadDetector();
  const baseline = baselineRegExp(detector);

  const dir = mkdtempSync(join(tmpdir(), 'context-cards-bench-'));
  const off = mixedText(200_000).filter((_, k) => k % 20 !== 19);
  writeFileSync(join(dir, 'off-topic.html'), articlePage('City news roundup', off));
  const words = (paras: string[]) => paras.join(' ').split(/\s+/).length;
  const relevant: string[] = [];
  const all = mixedText(400_000);
  for (const paragraph of all) {
    relevant.push(paragraph);
    if (words(relevant) >= 10_000) break;
  }
  writeFileSync(
    join(dir, 'relevant.html'),
    articlePage('Russia deported Ukrainian children, investigators say', relevant),
  );

  const readability = resolve('../shared/pages/readability');
  const mounts: Record<string, string> = { '/bench/': dir };
  if (existsSync(readability)) mounts['/real/'] = readability;
  const server = await startStaticServer(mounts);
  const browser = await launchWithExtension();
  const results: Record<string, unknown> = {};

  try {
    // Warm up: the first page after install waits for seeding and publication.
    (await measure(browser, server.url('/bench/off-topic.html'))).page.close();

    for (const name of ['off-topic', 'relevant'] as const) {
      const ours: Timing[] = [];
      const base: number[] = [];
      let count = 0;
      for (let run = 0; run < RUNS; run++) {
        const {
          timing,
          page,
          count: c,
        } = await measure(browser, server.url(`/bench/${name}.html`));
        ours.push(timing);
        count = c;
        base.push(await baselineMs(page, baseline.source, baseline.flags));
        await page.close();
      }
      const total = median(ours.map((t) => t.prefilterMs + t.detectMs));
      const baseMs = median(base);
      results[name] = {
        prefilterMs: median(ours.map((t) => t.prefilterMs)),
        detectMs: median(ours.map((t) => t.detectMs)),
        totalMs: total,
        annotations: count,
        baselineMs: baseMs,
        baselineRatio: baseMs / total,
      };
      log(
        `${name.padEnd(10)} content script ${total.toFixed(2)} ms (pre-filter ${median(ours.map((t) => t.prefilterMs)).toFixed(2)} ms, detect ${median(ours.map((t) => t.detectMs)).toFixed(2)} ms), ${count} annotations; baseline RegExp ${baseMs.toFixed(1)} ms (${(baseMs / total).toFixed(0)}x)`,
      );
    }

    if (mounts['/real/']) {
      const files = readdirSync(readability).filter(
        (file) => file.endsWith('.html') && statSync(join(readability, file)).isFile(),
      );
      const costs: number[] = [];
      const alarms: string[] = [];
      const slowest: { file: string; timing: Timing }[] = [];
      for (const file of files) {
        const { timing, count, page } = await measure(browser, server.url(`/real/${file}`));
        costs.push(timing.prefilterMs + timing.detectMs);
        slowest.push({ file, timing });
        if (count > 0) alarms.push(`${file} (${count})`);
        await page.close();
      }
      slowest.sort(
        (a, b) =>
          b.timing.prefilterMs + b.timing.detectMs - (a.timing.prefilterMs + a.timing.detectMs),
      );
      results.realPages = {
        pages: files.length,
        medianMs: median(costs),
        maxMs: Math.max(...costs),
        falseAlarms: alarms,
        slowest: slowest.slice(0, 3),
      };
      log(
        `real pages ${files.length} pages: median ${median(costs).toFixed(2)} ms, max ${Math.max(...costs).toFixed(2)} ms per page; pages with annotations: ${alarms.length ? alarms.join(', ') : 'none'}`,
      );
      log(
        `  slowest: ${slowest
          .slice(0, 3)
          .map(
            ({ file, timing }) =>
              `${file} (pre-filter ${timing.prefilterMs.toFixed(1)} ms, detect ${timing.detectMs.toFixed(1)} ms)`,
          )
          .join('; ')}`,
      );
    }
    const bundle = statSync('.output/chrome-mv3/content-scripts/content.js').size;
    results.contentScriptBytes = bundle;
    log(`content script bundle ${(bundle / 1024).toFixed(1)} kB`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (json) console.log(JSON.stringify(results));
}

await main();
