import { describe, expect, it, vi } from 'vitest';
import { MAX_CARD_IDS } from '@/lib/cards/schema';
import { Request, createRouter, type Handlers } from '@/lib/messages';

const OWN = 'own-extension-id';
const me = { id: OWN };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    ping: vi.fn(() => ({ ok: true, pong: true }) as const),
    status: vi.fn(
      () => ({ ok: true, version: '1.0.0', datasetVersion: '2026.11.01', ready: true }) as const,
    ),
    'report-annotations': vi.fn(() => ({ ok: true }) as const),
    'get-cards': vi.fn(() => ({ ok: true as const, cards: {}, missing: [] })),
    'ensure-detector': vi.fn(() => ({ ok: true, ready: true }) as const),
    'load-stage-2': vi.fn(() => ({ ok: true }) as const),
    'check-page': vi.fn(() => ({ ok: true, loaded: false }) as const),
    'detect-blocks': vi.fn(() => ({ ok: true, verdicts: null }) as const),
    'get-card-titles': vi.fn(({ annotations }: { annotations: string[][] }) => ({
      ok: true as const,
      titles: annotations.map(() => null),
    })),
    'load-stage-3': vi.fn(() => ({ ok: true }) as const),
    'dismiss-annotation': vi.fn(() => ({ ok: true }) as const),
    'explore-search': vi.fn(() => ({ ok: true as const, hits: [], total: 0 })),
    'explore-sources': vi.fn(() => ({ ok: true as const, sources: [] })),
    'explore-series': vi.fn(() => ({ ok: true as const, series: [] })),
    'export-dataset': vi.fn(() => {
      throw new Error('no dataset is stored yet');
    }),
    'preview-import': vi.fn(() => ({
      ok: true as const,
      valid: false as const,
      problems: [{ path: '(file)', message: 'not JSON' }],
      total: 1,
    })),
    'apply-import': vi.fn(() => ({
      ok: true as const,
      applied: true as const,
      version: '2026.12.01',
      detector: 'published' as const,
    })),
    'restore-bundled': vi.fn(() => ({
      ok: true as const,
      version: '2026.11.29',
      detector: 'unchanged' as const,
    })),
    ...overrides,
  };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `claim:claim-${i}`);

describe('router', () => {
  it('answers the existing requests as before', async () => {
    const h = handlers();
    const route = createRouter(OWN, h);
    expect(await route({ type: 'ping' }, me)).toEqual({ ok: true, pong: true });
    expect(await route({ type: 'status' }, me)).toEqual({
      ok: true,
      version: '1.0.0',
      datasetVersion: '2026.11.01',
      ready: true,
    });
    expect(
      await route(
        { type: 'report-annotations', count: 3, url: 'https://news.example/a' },
        { id: OWN, tabId: 9 },
      ),
    ).toEqual({
      ok: true,
    });
    expect(h['report-annotations']).toHaveBeenCalledWith(
      { type: 'report-annotations', count: 3, url: 'https://news.example/a' },
      { id: OWN, tabId: 9 },
    );
  });

  it('passes a valid get-cards request through', async () => {
    const h = handlers();
    const route = createRouter(OWN, h);
    const request = { type: 'get-cards', ids: ['claim:a-b', 'series:ua-verified', 'plain-id'] };
    expect(await route(request, me)).toEqual({ ok: true, cards: {}, missing: [] });
    expect(h['get-cards']).toHaveBeenCalledWith(request, me);
  });

  it.each([
    ['another extension', { id: 'someone-else' }],
    ['a web page (no id)', {}],
    ['an undefined id', { id: undefined, tabId: 1 }],
  ])('refuses a message from %s without calling a handler', async (_name, sender) => {
    const h = handlers();
    const route = createRouter(OWN, h);
    expect(await route({ type: 'get-cards', ids: ['a'] }, sender)).toEqual({
      ok: false,
      error: 'refused: message from outside this extension',
    });
    expect(await route({ type: 'ping' }, sender)).toMatchObject({ ok: false });
    expect(h['get-cards']).not.toHaveBeenCalled();
    expect(h.ping).not.toHaveBeenCalled();
  });

  it('refuses every sender when the extension id is empty', async () => {
    const route = createRouter('', handlers());
    expect(await route({ type: 'ping' }, {})).toMatchObject({ ok: false });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ping'],
    ['an array', [{ type: 'ping' }]],
    ['no type', { ids: ['a'] }],
    ['an unknown type', { type: 'drop-tables' }],
    ['a prototype-ish type', { type: '__proto__' }],
    ['extra keys', { type: 'ping', extra: 1 }],
    ['a negative count', { type: 'report-annotations', count: -1, url: 'https://news.example/a' }],
    [
      'a fractional count',
      { type: 'report-annotations', count: 1.5, url: 'https://news.example/a' },
    ],
    ['a report without a url', { type: 'report-annotations', count: 1 }],
    [
      'a report for a javascript: url',
      { type: 'report-annotations', count: 1, url: 'javascript:alert(1)' },
    ],
    ['get-cards without ids', { type: 'get-cards' }],
    ['ids that are not an array', { type: 'get-cards', ids: 'claim:a' }],
    ['an id that is not a string', { type: 'get-cards', ids: [42] }],
    ['an empty id', { type: 'get-cards', ids: [''] }],
    ['an id with markup', { type: 'get-cards', ids: ['<img src=x>'] }],
    ['an upper-case id', { type: 'get-cards', ids: ['Claim:A'] }],
    ['an unknown prefix', { type: 'get-cards', ids: ['source:bkb-portal'] }],
    ['an over-long id', { type: 'get-cards', ids: ['a'.repeat(101)] }],
    ['get-cards with extra keys', { type: 'get-cards', ids: [], all: true }],
    ['titles without a language', { type: 'get-card-titles', annotations: [['claim:a']] }],
    [
      'titles in a language cards are not written in',
      { type: 'get-card-titles', annotations: [['claim:a']], lang: 'ru' },
    ],
    ['titles of no annotation', { type: 'get-card-titles', annotations: [], lang: 'en' }],
    [
      'titles of an annotation without cards',
      { type: 'get-card-titles', annotations: [[]], lang: 'en' },
    ],
    [
      'titles with a card id carrying markup',
      { type: 'get-card-titles', annotations: [['<img src=x>']], lang: 'en' },
    ],
    [
      'titles of too many annotations',
      {
        type: 'get-card-titles',
        annotations: Array.from({ length: 201 }, () => ['claim:a']),
        lang: 'en',
      },
    ],
    ['load-stage-3 with extra keys', { type: 'load-stage-3', file: 'evil.js' }],
  ])('refuses a malformed request: %s', async (_name, message) => {
    const h = handlers();
    const route = createRouter(OWN, h);
    expect(await route(message, me)).toEqual({ ok: false, error: 'refused: not a valid request' });
    for (const handler of Object.values(h)) expect(handler).not.toHaveBeenCalled();
  });

  it(`accepts up to ${MAX_CARD_IDS} ids and refuses more`, async () => {
    const h = handlers();
    const route = createRouter(OWN, h);
    expect(await route({ type: 'get-cards', ids: ids(MAX_CARD_IDS) }, me)).toMatchObject({
      ok: true,
    });
    expect(await route({ type: 'get-cards', ids: ids(MAX_CARD_IDS + 1) }, me)).toEqual({
      ok: false,
      error: 'refused: not a valid request',
    });
    expect(await route({ type: 'get-cards', ids: ids(100_000) }, me)).toMatchObject({ ok: false });
    expect(h['get-cards']).toHaveBeenCalledTimes(1);
  });

  it('turns a handler error into {ok:false,error}', async () => {
    const route = createRouter(
      OWN,
      handlers({
        'get-cards': () => Promise.reject(new Error('database is closed')),
        status: () => {
          throw 'plain string';
        },
        ping: () => {
          throw new Error('x'.repeat(2000));
        },
      }),
    );
    expect(await route({ type: 'get-cards', ids: ['a'] }, me)).toEqual({
      ok: false,
      error: 'database is closed',
    });
    expect(await route({ type: 'status' }, me)).toEqual({ ok: false, error: 'plain string' });
    const long = (await route({ type: 'ping' }, me)) as { ok: boolean; error: string };
    expect(long.ok).toBe(false);
    expect(long.error).toHaveLength(500);
  });

  it('does not let a malformed handler answer through', async () => {
    const route = createRouter(
      OWN,
      handlers({
        'get-cards': () =>
          ({ ok: true, cards: { a: { kind: 'claim' } }, missing: [] }) as unknown as ReturnType<
            Handlers['get-cards']
          >,
      }),
    );
    expect(await route({ type: 'get-cards', ids: ['a'] }, me)).toEqual({
      ok: false,
      error: 'internal: malformed get-cards response',
    });
  });
});

describe('Request schema', () => {
  it('knows exactly the eighteen request types', () => {
    expect(Request.options.flatMap((o) => [...o.shape.type._zod.values]).sort()).toEqual([
      'apply-import',
      'check-page',
      'detect-blocks',
      'dismiss-annotation',
      'ensure-detector',
      'explore-search',
      'explore-series',
      'explore-sources',
      'export-dataset',
      'get-card-titles',
      'get-cards',
      'load-stage-2',
      'load-stage-3',
      'ping',
      'preview-import',
      'report-annotations',
      'restore-bundled',
      'status',
    ]);
  });
});

describe('options page requests', () => {
  it('passes valid explorer, import and restore requests through', async () => {
    const h = handlers();
    const route = createRouter(OWN, h);
    const search = {
      type: 'explore-search',
      query: { text: 'evacuated', actor: 'Lvova', from: '2023-01', to: '2024-12-31', lang: 'ru' },
      limit: 20,
    };
    expect(await route(search, me)).toEqual({ ok: true, hits: [], total: 0 });
    expect(h['explore-search']).toHaveBeenCalledWith(search, me);
    expect(await route({ type: 'explore-sources' }, me)).toEqual({ ok: true, sources: [] });
    expect(await route({ type: 'preview-import', text: '{' }, me)).toMatchObject({
      ok: true,
      valid: false,
    });
    expect(
      await route({ type: 'apply-import', text: '{}', expect: { base: null, next: 'h' } }, me),
    ).toMatchObject({ applied: true });
    expect(await route({ type: 'restore-bundled' }, me)).toMatchObject({ ok: true });
    expect(await route({ type: 'export-dataset' }, me)).toEqual({
      ok: false,
      error: 'no dataset is stored yet',
    });
  });

  it.each([
    ['an unknown query field', { type: 'explore-search', query: { regex: '.*' } }],
    ['a bad date', { type: 'explore-search', query: { from: 'yesterday' } }],
    ['an unknown language', { type: 'explore-search', query: { lang: 'xx' } }],
    ['too many hits', { type: 'explore-search', query: {}, limit: 10_000 }],
    ['an oversized file', { type: 'preview-import', text: 'x'.repeat(5 * 1024 * 1024 + 1) }],
    ['a file that is not text', { type: 'preview-import', text: { version: '1' } }],
    ['an apply without its token', { type: 'apply-import', text: '{}' }],
  ])('refuses %s without calling a handler', async (_name, message) => {
    const h = handlers();
    const route = createRouter(OWN, h);
    expect(await route(message, me)).toEqual({ ok: false, error: 'refused: not a valid request' });
    expect(h['explore-search']).not.toHaveBeenCalled();
    expect(h['preview-import']).not.toHaveBeenCalled();
    expect(h['apply-import']).not.toHaveBeenCalled();
  });

  it('refuses a preview answer of the wrong shape', async () => {
    const route = createRouter(
      OWN,
      handlers({
        'preview-import': (() => ({
          ok: true,
          valid: true,
        })) as unknown as Handlers['preview-import'],
      }),
    );
    expect(await route({ type: 'preview-import', text: '{}' }, me)).toEqual({
      ok: false,
      error: 'internal: malformed preview-import response',
    });
  });
});
