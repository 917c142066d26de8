import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { localizeActionTitle, manifest } from './manifest.config';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere (`#imports` / 'wxt/...'): easier to read and to mock.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => manifest({ browser }),
  hooks: {
    'build:manifestGenerated': (_wxt, generated) => localizeActionTitle(generated),
  },
  webExt: {
    disabled: false,
    binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    startUrls: ['http://127.0.0.1:4517/demo/article.html'],
    chromiumArgs: [
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      // Chromium refuses to start as root with its sandbox (containers, CI boxes).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  },
});
