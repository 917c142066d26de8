import { afterEach, describe, expect, it } from 'vitest';
import { type FactDb } from '@/lib/db';
import {
  DEFAULT_SETTINGS,
  defaultSettings,
  dismissalsItem,
  dismissedKeys,
  excludeSite,
  getSettings,
  restoreDismissal,
} from '@/lib/settings';
import { migrateLegacyUserData, runLegacyMigration } from '@/lib/settings/legacy';
import { freshDb } from '../db/fixture';

let d: FactDb | undefined;
afterEach(async () => {
  await d?.delete();
});

describe('migration of the database user tables', () => {
  it('turns version 1 and 2 rows into dismissals and off sites into excluded sites', () => {
    const result = migrateLegacyUserData(
      {
        dismissed: [
          // schema version 1: no site
          {
            id: 'https://news.example/a#claim:x',
            key: 'claim:x',
            url: 'https://news.example/a',
            at: 20,
          },
          // schema version 2
          {
            id: 'https://b.example/p#figure:y',
            key: 'figure:y',
            url: 'https://b.example/p',
            site: 'b.example',
            at: 10,
          },
          { id: 'broken', key: 3, url: 'https://c.example/' },
          { id: 'x', key: 'k', url: 'javascript:alert(1)' },
        ],
        sites: [
          { hostname: 'Off.Example', enabled: false, updatedAt: 1 },
          { hostname: 'on.example', enabled: true, updatedAt: 1 },
          { hostname: 'bad host', enabled: false, updatedAt: 1 },
        ],
      },
      {
        settings: { ...defaultSettings(), excludedSites: ['mine.example'] },
        dismissals: { 'news.example': [{ key: 'claim:z', url: 'https://news.example/a', at: 5 }] },
      },
    );
    expect(result.settings).toEqual({
      ...DEFAULT_SETTINGS,
      excludedSites: ['mine.example', 'off.example'],
    });
    expect(result.dismissals).toEqual({
      'news.example': [
        { key: 'claim:z', url: 'https://news.example/a', at: 5 },
        { key: 'claim:x', url: 'https://news.example/a', at: 20 },
      ],
      'b.example': [{ key: 'figure:y', url: 'https://b.example/p', at: 10 }],
    });
    expect(result.moved).toEqual({ dismissals: 2, excludedSites: 1, skipped: 3 });
  });

  it('runs once against a real database: moves, then empties the tables', async () => {
    d = freshDb('legacy');
    await d.dismissed.put({
      id: 'https://news.example/a#claim:x',
      key: 'claim:x',
      url: 'https://news.example/a',
      site: 'news.example',
      at: 3,
    });
    await d.sites.put({ hostname: 'off.example', enabled: false, updatedAt: 1 });
    await excludeSite('mine.example');

    expect(await runLegacyMigration(d)).toEqual({ dismissals: 1, excludedSites: 1, skipped: 0 });
    expect((await getSettings()).excludedSites).toEqual(['mine.example', 'off.example']);
    expect(await dismissedKeys('https://news.example/a')).toEqual(['claim:x']);
    expect(await d.dismissed.count()).toBe(0);
    expect(await d.sites.count()).toBe(0);

    // A restored dismissal stays restored: the second run finds nothing.
    await restoreDismissal('claim:x', 'https://news.example/a');
    expect(await runLegacyMigration(d)).toBeNull();
    expect(await dismissalsItem.getValue()).toEqual({});
  });
});
