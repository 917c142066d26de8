import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CATEGORIES,
  DEFAULT_SETTINGS,
  LANGUAGES,
  MAX_EXCLUDED_SITES,
  SettingsError,
  dismiss,
  dismissalsItem,
  dismissedKeys,
  excludeSite,
  getSettings,
  includeSite,
  isSiteActive,
  normalizeSettings,
  resetSettings,
  restoreDismissal,
  setSiteEnabled,
  settingsItem,
  updateSettings,
  watchDismissedKeys,
  watchSettings,
} from '@/lib/settings';
import { isSiteActiveNow, siteActiveIn } from '@/lib/settings/gate';

describe('settings', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual({
      enabled: true,
      excludedSites: [],
      languages: [...LANGUAGES],
      categories: [...CATEGORIES],
      highlightStyle: 'underline',
      theme: 'system',
      cardDetail: 'full',
    });
    expect(LANGUAGES).toContain('uk');
    expect(CATEGORIES).toEqual(['claim', 'figure', 'topic']);
  });

  it('reads a stored value from another version field by field', async () => {
    // What an older or newer device may have synced: a renamed style, an unknown language
    // and category, a broken site, a field this version does not know, a missing theme.
    await fakeBrowser.storage.sync.set({
      settings: {
        enabled: false,
        excludedSites: ['Example.com', 'bad site', 42, '*.news.example', 'example.com'],
        languages: ['en', 'xx', 'uk', 'en'],
        categories: ['figure', 'opinion'],
        highlightStyle: 'wavy',
        cardDetail: 'compact',
        futureOption: true,
      },
    });
    expect(await getSettings()).toEqual({
      enabled: false,
      excludedSites: ['example.com', '*.news.example'],
      languages: ['en', 'uk'],
      categories: ['figure'],
      highlightStyle: DEFAULT_SETTINGS.highlightStyle,
      theme: 'system',
      cardDetail: 'compact',
    });
    expect(normalizeSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ languages: 'en' }).languages).toEqual(LANGUAGES);
  });

  it('stores valid changes and refuses invalid ones without writing', async () => {
    await updateSettings({ highlightStyle: 'marker', languages: ['de'] });
    expect(await settingsItem.getValue()).toMatchObject({
      highlightStyle: 'marker',
      languages: ['de'],
    });
    await expect(updateSettings({ excludedSites: ['no/path.com'] })).rejects.toThrow(
      /excludedSites\.0: .*path/,
    );
    await expect(updateSettings({ theme: 'neon' as unknown as 'dark' })).rejects.toBeInstanceOf(
      SettingsError,
    );
    expect((await getSettings()).highlightStyle).toBe('marker');
    expect((await getSettings()).excludedSites).toEqual([]);
    await resetSettings();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the settings within one sync item', async () => {
    const many = Array.from({ length: MAX_EXCLUDED_SITES + 1 }, (_, i) => `site-${i}.example`);
    await expect(updateSettings({ excludedSites: many })).rejects.toThrow(SettingsError);
    const long = Array.from({ length: 150 }, (_, i) => `${'x'.repeat(50)}-${i}.example.org`);
    await expect(updateSettings({ excludedSites: long })).rejects.toThrow(/too large to sync/);
  });

  it('excludes and includes sites, with a clear error for a bad one', async () => {
    expect(await excludeSite('https://www.example.com/a')).toBe('www.example.com');
    await excludeSite('*.news.example');
    await excludeSite('www.example.com');
    expect((await getSettings()).excludedSites).toEqual(['www.example.com', '*.news.example']);
    await expect(excludeSite('exa mple.com')).rejects.toThrow('A site name cannot contain spaces.');
    await includeSite('www.example.com');
    expect((await getSettings()).excludedSites).toEqual(['*.news.example']);
  });

  it('switches a site off and on again, removing every pattern that covered it', async () => {
    await excludeSite('*.news.example');
    await setSiteEnabled('World.News.Example', false);
    let settings = await getSettings();
    expect(isSiteActive(settings, 'world.news.example')).toBe(false);
    expect(await setSiteEnabled('world.news.example', true)).toEqual([
      '*.news.example',
      'world.news.example',
    ]);
    settings = await getSettings();
    expect(isSiteActive(settings, 'world.news.example')).toBe(true);
    expect(isSiteActive({ ...settings, enabled: false }, 'other.example')).toBe(false);
  });

  it('tells watchers about every change with complete settings', async () => {
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await updateSettings({ categories: ['claim'] });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    const [next, previous] = seen.mock.calls[0]!;
    expect(next).toMatchObject({ categories: ['claim'], languages: LANGUAGES });
    expect(previous).toEqual(DEFAULT_SETTINGS);
    stop();
    await updateSettings({ categories: [] });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('gives stage 1 the same answer without Zod', async () => {
    expect(siteActiveIn(undefined, 'a.example')).toBe(true);
    expect(siteActiveIn({ enabled: false }, 'a.example')).toBe(false);
    expect(siteActiveIn({ excludedSites: ['*.example'] }, 'a.example')).toBe(false);
    expect(siteActiveIn({ excludedSites: 'junk' }, 'a.example')).toBe(true);
    expect(await isSiteActiveNow('a.example')).toBe(true);
    await excludeSite('a.example');
    expect(await isSiteActiveNow('a.example')).toBe(false);
    expect(await isSiteActiveNow('b.example')).toBe(true);
  });
});

describe('dismissals', () => {
  it('are kept per page without the fragment and can be restored', async () => {
    await dismiss('claim:a', 'https://news.example/story#comments', () => 5);
    await dismiss('claim:b', 'https://news.example/story', () => 6);
    await dismiss('claim:a', 'https://other.example/story', () => 7);
    expect((await dismissedKeys('https://news.example/story#top')).sort()).toEqual([
      'claim:a',
      'claim:b',
    ]);
    expect(Object.keys(await dismissalsItem.getValue()).sort()).toEqual([
      'news.example',
      'other.example',
    ]);
    await restoreDismissal('claim:a', 'https://news.example/story');
    expect(await dismissedKeys('https://news.example/story')).toEqual(['claim:b']);
    await restoreDismissal('claim:a', 'https://other.example/story');
    expect(Object.keys(await dismissalsItem.getValue())).toEqual(['news.example']);
  });

  it('never loses one of two changes made at the same time', async () => {
    await Promise.all([
      dismiss('claim:a', 'https://a.example/'),
      dismiss('claim:b', 'https://a.example/'),
      excludeSite('one.example'),
      excludeSite('two.example'),
    ]);
    expect((await dismissedKeys('https://a.example/')).sort()).toEqual(['claim:a', 'claim:b']);
    expect((await getSettings()).excludedSites.sort()).toEqual(['one.example', 'two.example']);
    await Promise.all([
      restoreDismissal('claim:a', 'https://a.example/'),
      restoreDismissal('claim:b', 'https://a.example/'),
    ]);
    expect(await dismissedKeys('https://a.example/')).toEqual([]);
  });

  it('lets a page watch its own dismissals', async () => {
    const seen = vi.fn();
    const stop = watchDismissedKeys('https://news.example/story', seen);
    await dismiss('claim:a', 'https://news.example/story#x');
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith(['claim:a']));
    await restoreDismissal('claim:a', 'https://news.example/story');
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith([]));
    stop();
  });
});
