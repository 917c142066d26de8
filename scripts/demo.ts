/**
 * `npm run demo`: builds the extension, serves the demo article on 127.0.0.1 and opens
 * it in Chromium with the extension loaded. With a display, the window stays open until
 * you close it; without one (a server, CI), it runs headless, saves screenshots to
 * .output/ (the article's highlights, a card, the popup, the data explorer) and prints
 * what the extension found.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { EXTENSION_DIR, findChromium, launchWithExtension } from './harness/browser';
import { startStaticServer } from './harness/static-server';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;

if (!process.argv.includes('--no-build')) execSync('npx wxt build', { stdio: 'inherit' });
const server = await startStaticServer({ '/': 'tests/fixtures/pages' }, 4517);
const demoUrl = server.url('/demo/article.html');

if (headed) {
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: false,
    viewport: null,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-first-run',
      '--disable-background-networking',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demoUrl);
  console.log(`Opened ${demoUrl} with the extension loaded. Close the window to stop.`);
  context.on('close', () => void server.close().then(() => process.exit(0)));
} else {
  // Headless: four screenshots, the article with its highlights, an open card, the popup
  // over the article and the options page's data explorer (`-- --docs` writes them to
  // docs/ for the README as well).
  const browser = await launchWithExtension();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.goto(demoUrl);
  const badge = await browser.waitForBadge(page, (text) => text !== '', 10_000).catch(() => '');
  await page.waitForTimeout(500);
  const dirs = ['.output', ...(process.argv.includes('--docs') ? ['docs'] : [])];
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  const shot = async (name: string) => {
    for (const dir of dirs) await page.screenshot({ path: `${dir}/${name}` });
  };
  await page.evaluate(() => window.scrollTo(0, 560));
  await shot('demo-highlights.png');
  // Open the card of the passage's first documented figure, as a reader's click would.
  const marker = page.locator('context-cards-ui .cc-marker-figure').first();
  if ((await marker.count()) > 0) {
    await marker.focus();
    await page.keyboard.press('Enter');
    await page
      .locator('context-cards-ui [role="dialog"] .cc-status')
      .waitFor({ state: 'detached', timeout: 5000 })
      .catch(() => undefined);
    await page.waitForTimeout(300);
  }
  await shot('demo-card.png');

  // The popup over the article, as the toolbar shows it (the article stays the active tab).
  const popup = await browser.openPopup(page);
  await popup.setViewportSize({ width: 368, height: 900 });
  await popup.locator('.popup-item').first().waitFor();
  await popup
    .getByRole('status')
    .filter({ hasText: /dataset \d/ })
    .waitFor();
  for (const dir of dirs)
    await popup.locator('main.popup').screenshot({ path: `${dir}/popup.png` });
  await popup.close();

  // The data explorer on the options page: a search, its results and the series' timelines.
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 1000, height: 1400 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#data`);
  await options.getByTestId('result-count').waitFor();
  await options.getByLabel('Who (actor, body or publisher)').fill('Putin');
  await options.getByRole('button', { name: 'Search', exact: true }).click();
  await options
    .getByTestId('result-count')
    .filter({ hasText: /^\d+ records? match/ })
    .waitFor();
  await options.locator('.cc-timeline svg').first().waitFor();
  // From the section's heading to the end of its first timeline, in page coordinates.
  const clip = await options.evaluate(() => {
    const section = document.getElementById('data')!.getBoundingClientRect();
    const timeline = document.querySelector('.cc-timeline')!.getBoundingClientRect();
    return {
      x: section.left + scrollX,
      y: section.top + scrollY,
      width: section.width,
      height: timeline.bottom - section.top + 8,
    };
  });
  for (const dir of dirs)
    await options.screenshot({ path: `${dir}/options-explorer.png`, clip, fullPage: true });
  await options.close();

  const names = ['demo-highlights.png', 'demo-card.png', 'popup.png', 'options-explorer.png'];
  console.log(`Demo article: ${demoUrl}`);
  console.log(`Toolbar badge: "${badge}" (annotations found on the page)`);
  console.log(
    `Screenshots: ${dirs.map((d) => names.map((n) => `${d}/${n}`).join(', ')).join('; ')}`,
  );
  await browser.close();
  await server.close();
}
