/**
 * `npm run demo`: builds the extension, serves the demo article on 127.0.0.1 and opens
 * it in Chromium with the extension loaded. With a display, the window stays open until
 * you close it; without one (a server, CI), it runs headless, saves a screenshot to
 * .output/demo.png and prints what the extension found.
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
  // Headless: two screenshots, the article with its highlights and an open card
  // (`-- --docs` writes them to docs/ for the README as well).
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
  console.log(`Demo article: ${demoUrl}`);
  console.log(`Toolbar badge: "${badge}" (annotations found on the page)`);
  console.log(
    `Screenshots: ${dirs.map((d) => `${d}/demo-highlights.png, ${d}/demo-card.png`).join('; ')}`,
  );
  await browser.close();
  await server.close();
}
