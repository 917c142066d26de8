import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere (`#imports` / 'wxt/...'): easier to read and to mock.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: 'Children Deported: Context Cards',
    short_name: 'Context Cards',
    description:
      "Marks passages about Russia's deportation of Ukrainian children on news pages and shows sourced, dated counts and findings beside official claims. Works offline; sends nothing.",
    homepage_url: 'https://github.com/child-deportation-factcheck/extension',
    // scripting: the background injects stage 2 into the pages whose stage 1 found topic
    // words. It needs host access to those pages, which the content script's http(s)
    // matches already imply: the install warning stays "Read and change your data on all
    // websites" (Chrome) / "Access your data for all websites" (Firefox), as before.
    permissions: ['storage', 'scripting'],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Context Cards' },
    commands: {
      'next-annotation': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Move to the next annotation on the page',
      },
      'previous-annotation': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Move to the previous annotation on the page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'context-cards@child-deportation-factcheck.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
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
