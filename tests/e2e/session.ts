import { afterAll, beforeAll } from 'vitest';
import {
  launchWithExtension,
  type ExtensionBrowser,
  type LaunchOptions,
} from '../../scripts/harness/browser';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server';

export interface E2eSession {
  readonly browser: ExtensionBrowser;
  readonly server: StaticServer;
}

/**
 * For one test file: Chromium with the built extension, and the fixture pages served from
 * 127.0.0.1, started before the file's tests and closed after them.
 */
export function useExtensionSession(options: LaunchOptions = {}): E2eSession {
  let browser: ExtensionBrowser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await startStaticServer({ '/': 'tests/fixtures/pages' });
    browser = await launchWithExtension(undefined, options);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
  };
}
