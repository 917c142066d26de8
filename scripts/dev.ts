/**
 * `npm run dev`: serves the demo pages on http://127.0.0.1:4517 and starts WXT's dev
 * mode, which opens Chromium with the extension loaded on the demo article.
 */
import { spawn } from 'node:child_process';
import { startStaticServer } from './harness/static-server';

const DEMO_PORT = 4517;

const server = await startStaticServer({ '/': 'tests/fixtures/pages' }, DEMO_PORT);
console.log(`Demo pages: ${server.url('/demo/article.html')}`);

const wxt = spawn('npx', ['wxt', ...process.argv.slice(2)], { stdio: 'inherit' });
const stop = () => {
  wxt.kill('SIGINT');
  void server.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
wxt.on('exit', (code) => {
  void server.close().then(() => process.exit(code ?? 0));
});
