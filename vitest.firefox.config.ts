import { defineConfig } from 'vitest/config';

// Browser tests in Firefox: the built Firefox extension in Debian's Firefox ESR over
// WebDriver BiDi, one file at a time.
export default defineConfig({
  resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    // Room for two starts of Firefox (scripts/harness/firefox.ts) in a beforeAll.
    hookTimeout: 150_000,
  },
});
