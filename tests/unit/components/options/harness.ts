import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Dataset, type DatasetInput } from '@/lib/dataset';
import {
  createDataHandlers,
  createDataService,
  createOptionsHandlers,
  type FactDb,
} from '@/lib/db';
import { createRouter } from '@/lib/messages';
import { freshDb, validFixtureInput } from '../../db/fixture';

export interface Background {
  db: FactDb;
  republish: ReturnType<typeof vi.fn>;
  requests: unknown[];
}

/**
 * A real background for the options page: the router with the database handlers over a
 * fresh database seeded with the (import-valid) fixture. The page's messages reach it
 * through the fake browser's `runtime.sendMessage`.
 */
export function startBackground(bundled: () => DatasetInput = validFixtureInput): Background {
  const db = freshDb('options-ui');
  const service = createDataService(db, () => Dataset.parse(bundled()));
  const republish = vi.fn(async () => 'published' as const);
  const route = createRouter(fakeBrowser.runtime.id, {
    ping: () => ({ ok: true, pong: true }),
    'report-annotations': () => ({ ok: true }),
    'ensure-detector': () => ({ ok: true, ready: true }),
    'load-stage-2': () => ({ ok: true }),
    'dismiss-annotation': () => ({ ok: true }),
    'check-page': () => ({ ok: true, loaded: false }),
    'detect-blocks': () => ({ ok: true, verdicts: null }),
    'load-stage-3': () => ({ ok: true }),
    ...createDataHandlers(service, () => '0.1.0'),
    ...createOptionsHandlers({
      db,
      service,
      loadBundled: () => Dataset.parse(bundled()),
      republish,
      today: () => '2026-12-01',
    }),
  });
  const requests: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    requests.push(message);
    return route(message, { id: fakeBrowser.runtime.id });
  }) as typeof fakeBrowser.runtime.sendMessage);
  return { db, republish, requests };
}

/** A File the page can read, with an optional fake size. */
export function jsonFile(text: string, size?: number): File {
  const file = new File([text], 'dataset.json', { type: 'application/json' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
}
