/**
 * eval:pages: the built extension in real Chromium over a folder of saved pages.
 *
 *   npm run eval:pages -- ../shared/pages/readability [--json] [--limit N]
 *
 * 1. As captured (none of those pages is about the topic): the badge must stay empty, and
 *    the extension must add no page error (errors are compared with the same page loaded
 *    without the extension).
 * 2. Seeded: a relevant paragraph of our own is placed inside each page's real markup
 *    (after its longest story paragraph, in a temporary copy outside the repository):
 *    it must be found and painted, and its marker must open its card.
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
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  collectErrors,
  launchChromium,
  launchWithExtension,
} from './harness/browser';
import { startStaticServer } from './harness/static-server';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const limitArg = argv.indexOf('--limit');
const limit = limitArg >= 0 ? Number(argv[limitArg + 1]) : Infinity;
const dirArg = argv.find((a, k) => !a.startsWith('--') && argv[k - 1] !== '--limit');
const log = (line: string) => {
  if (!json) console.log(line);
};

/** Our own sentence (not from any corpus or page). */
const SEEDED =
  'Russia has deported thousands of Ukrainian children from the occupied territories, the government in Kyiv says.';

/** Markup that is not the story: a paragraph there is rightly ignored. */
const NOT_STORY =
  'nav,footer,header,aside,noscript,form,template,[hidden],[aria-hidden="true"],[contenteditable]';

/** Where a page's story is marked up, when it says so. */
const STORY_ROOTS = '[itemprop="articleBody"],article,main,[role="main"]';

/**
 * Puts our paragraph after the page's longest paragraph of story text (inside the page's
 * marked-up story when it has one), or at the end of the element with the most direct
 * text when it has no paragraph; returns the page's markup. Runs in a blank tab, on
 * Chromium's own parse of the page (`DOMParser`, so no script of the page runs): a
 * serialiser that parses otherwise (linkedom ends a script at a `</script>` inside an
 * HTML comment) would hand the browser a different page.
 */
function seedInBrowser({
  html,
  sentence,
  notStory,
  storyRoots,
}: {
  html: string;
  sentence: string;
  notStory: string;
  storyRoots: string;
}): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const paragraph = document.createElement('p');
  paragraph.setAttribute('data-seeded', '1');
  paragraph.textContent = sentence;
  const storyText = (p: Element) => (p.closest(notStory) ? 0 : (p.textContent ?? '').trim().length);
  const inStory = Array.from(document.querySelectorAll('p')).filter(
    (p) => p.closest(storyRoots) && storyText(p) > 0,
  );
  const candidates = inStory.length > 0 ? inStory : Array.from(document.querySelectorAll('p'));
  let best: Element | null = null;
  let bestLength = 0;
  for (const p of candidates) {
    const length = storyText(p);
    if (length > bestLength) {
      best = p;
      bestLength = length;
    }
  }
  if (best) best.after(paragraph);
  else {
    let host: Element = document.body ?? document.documentElement;
    let most = 0;
    for (const el of Array.from(document.querySelectorAll('div,td,article,section,main'))) {
      if (el.closest(notStory)) continue;
      let own = 0;
      for (const node of Array.from(el.childNodes))
        if (node.nodeType === 3) own += (node.textContent ?? '').trim().length;
      if (own > most) {
        most = own;
        host = el;
      }
    }
    host.append(paragraph);
  }
  return `<!doctype html>\n${document.documentElement.outerHTML}`;
}

/** The pages with our paragraph in them (see `seedInBrowser`). */
async function seedPages(context: BrowserContext, pages: string[]): Promise<string[]> {
  const tab = await context.newPage();
  // tsx keeps function names with a `__name` helper, which the blank tab lacks.
  await tab.evaluate('globalThis.__name = (fn) => fn');
  const out: string[] = [];
  try {
    for (const html of pages)
      out.push(
        await tab.evaluate(seedInBrowser, {
          html,
          sentence: SEEDED,
          notStory: NOT_STORY,
          storyRoots: STORY_ROOTS,
        }),
      );
  } finally {
    await tab.close();
  }
  return out;
}

/**
 * The key of the marker of the seeded paragraph's annotation (the marker nearest to its
 * first highlighted words, scrolled into view), from the extension's world, where its
 * highlights are; null when nothing in the paragraph is painted.
 */
const SEEDED_MARKER = `(() => {
  for (const highlight of CSS.highlights.values())
    for (const range of highlight) {
      const block = range.startContainer.parentElement?.closest('[data-seeded]');
      if (!block) continue;
      block.scrollIntoView({ block: 'center' });
      const rect = range.getBoundingClientRect();
      const markers = document.querySelector('context-cards-ui')?.shadowRoot?.querySelectorAll('.cc-marker') ?? [];
      let best = null;
      let bestDistance = Infinity;
      for (const marker of markers) {
        const box = marker.getBoundingClientRect();
        const dx = Math.max(0, rect.left - box.right, box.left - rect.right);
        const dy = Math.max(0, rect.top - box.bottom, box.top - rect.bottom);
        if (dx + dy < bestDistance) {
          best = marker.dataset.key ?? null;
          bestDistance = dx + dy;
        }
      }
      return { key: best };
    }
  return null;
})()`;

async function pageErrors(context: BrowserContext, url: string): Promise<string[]> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
  await page.close();
  return errors;
}

async function main(): Promise<void> {
  if (!dirArg || !existsSync(dirArg)) {
    console.error('Usage: npm run eval:pages -- DIR   (a folder of saved .html pages)');
    process.exit(2);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    execSync('npx wxt build', { stdio: 'inherit' });
  const dir = resolve(dirArg);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html') && statSync(join(dir, f)).isFile())
    .sort()
    .slice(0, limit);
  const seededDir = mkdtempSync(join(tmpdir(), 'context-cards-seeded-'));
  const server = await startStaticServer({ '/pages/': dir, '/seeded/': seededDir });

  const falseAlarms: string[] = [];
  const checked: string[] = [];
  const loadedStage2: string[] = [];
  const addedErrors: string[] = [];
  const missed: string[] = [];
  const cardFailures: string[] = [];
  try {
    // Errors the pages make on their own, without the extension.
    const bare = await launchChromium(null);
    const own = new Map<string, Set<string>>();
    for (const file of files)
      own.set(file, new Set(await pageErrors(bare.context, server.url(`/pages/${file}`))));
    const seeded = await seedPages(
      bare.context,
      files.map((file) => readFileSync(join(dir, file), 'utf8')),
    );
    files.forEach((file, k) => writeFileSync(join(seededDir, file), seeded[k]!));
    await bare.close();

    const browser = await launchWithExtension();
    try {
      const settle = async (page: Page) => {
        const state = await browser.waitForStage1(page, 15_000).catch(() => 'none');
        if (state === 'passed') await browser.waitForReport(page, 15_000).catch(() => -1);
        return state;
      };
      for (const file of files) {
        const page = await browser.context.newPage();
        const errors = collectErrors(page);
        await page
          .goto(server.url(`/pages/${file}`), { waitUntil: 'load', timeout: 20_000 })
          .catch(() => undefined);
        await settle(page);
        const badge = await browser.badgeText(page);
        if (badge !== '') falseAlarms.push(`${file} (${badge})`);
        // What the page cost beyond stage 1: the background's check of its blocks, stage 2.
        const costs = (await browser
          .inExtensionWorld(
            page,
            '({ checks: globalThis.__contextCardsStage1?.checks ?? 0, stage2: globalThis.__contextCardsStage2 === true })',
          )
          .catch(() => null)) as { checks: number; stage2: boolean } | null;
        if (costs && costs.checks > 0) checked.push(file);
        if (costs?.stage2) loadedStage2.push(file);
        const added = errors.filter((e) => !own.get(file)!.has(e));
        if (added.length) addedErrors.push(`${file}: ${added[0]}`);
        await page.close();
      }
      for (const file of files) {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1200, height: 900 });
        await page
          .goto(server.url(`/seeded/${file}`), { waitUntil: 'load', timeout: 20_000 })
          .catch(() => undefined);
        await settle(page);
        const seededMarker = (await browser.inExtensionWorld(page, SEEDED_MARKER)) as
          { key: string | null } | null | undefined;
        if (!seededMarker) {
          missed.push(file);
          await page.close();
          continue;
        }
        // The seeded passage's own card, opened from its marker with the keyboard (a click
        // on the words can land on a page's sticky header or overlay instead).
        const marker = seededMarker.key
          ? page.locator(
              `context-cards-ui .cc-marker[data-key="${seededMarker.key.replace(/["\\]/g, '\\$&')}"]`,
            )
          : page.locator('context-cards-ui .cc-marker').first();
        await marker.focus();
        await page.keyboard.press('Enter');
        const opened = await page
          .locator('context-cards-ui [role="dialog"] .cc-sources a')
          .first()
          .waitFor({ timeout: 5000 })
          .then(() => true)
          .catch(() => false);
        if (!opened) cardFailures.push(file);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
    rmSync(seededDir, { recursive: true, force: true });
  }

  const result = {
    pages: files.length,
    asCaptured: { falseAlarms, addedErrors, checked, loadedStage2 },
    seeded: {
      found: files.length - missed.length,
      cardsOpened: files.length - missed.length - cardFailures.length,
      missed,
      cardFailures,
    },
  };
  log(`${files.length} saved pages from ${dir}`);
  log(
    `as captured: ${falseAlarms.length} with a badge, ${addedErrors.length} with an error the extension added`,
  );
  for (const line of [...falseAlarms, ...addedErrors]) log(`  ${line}`);
  log(
    `  ${checked.length} judged by the background's engine (their blocks passed stage 1), ${loadedStage2.length} loaded stage 2${loadedStage2.length ? `: ${loadedStage2.join(', ')}` : ''}`,
  );
  log(
    `seeded with a relevant paragraph: found on ${result.seeded.found}, card opened on ${result.seeded.cardsOpened}`,
  );
  for (const file of missed) log(`  not found: ${file}`);
  for (const file of cardFailures) log(`  card did not open: ${file}`);
  if (json) console.log(JSON.stringify(result));
  const ok =
    falseAlarms.length === 0 &&
    addedErrors.length === 0 &&
    missed.length === 0 &&
    cardFailures.length === 0;
  process.exit(ok ? 0 : 1);
}

await main();
