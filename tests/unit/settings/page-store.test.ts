import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dismiss, updateSettings } from '@/lib/settings/items';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import {
  dismissedKeys,
  pageSettings,
  watchDismissedKeys,
  watchPageSettings,
} from '@/lib/settings/page-store';

const URL_A = 'https://news.example/story';

describe('page-store (what stage 2 reads)', () => {
  it('reads the defaults when nothing is stored, and what the items wrote', async () => {
    expect(await pageSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await dismissedKeys(URL_A)).toEqual([]);
    await updateSettings({ highlightStyle: 'marker', excludedSites: ['*.other.example'] });
    await dismiss('claim:only-hundreds', `${URL_A}#part-2`, () => 1);
    await dismiss('topic|x|y', 'https://news.example/elsewhere', () => 2);
    expect(await pageSettings()).toMatchObject({
      highlightStyle: 'marker',
      excludedSites: ['*.other.example'],
    });
    expect(await dismissedKeys(URL_A)).toEqual(['claim:only-hundreds']);
  });

  it('reads stored values field by field and malformed dismissals as none', async () => {
    await fakeBrowser.storage.sync.set({ settings: { highlightStyle: 'neon', theme: 'dark' } });
    await fakeBrowser.storage.local.set({
      dismissals: { 'news.example': [{ url: URL_A, key: 7 }, null, { url: URL_A, key: 'k' }] },
    });
    expect(await pageSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(await dismissedKeys(URL_A)).toEqual(['k']);
    await fakeBrowser.storage.local.set({ dismissals: { 'news.example': 'not a list' } });
    expect(await dismissedKeys(URL_A)).toEqual([]);
    await fakeBrowser.storage.local.set({ dismissals: 42 });
    expect(await dismissedKeys(URL_A)).toEqual([]);
  });

  it('reads each key once, and defines no storage item, until a dismissal is written', async () => {
    const syncGet = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    vi.resetModules();
    const fresh = await import('@/lib/settings/page-store');
    await fresh.pageSettings();
    await fresh.dismissedKeys(URL_A);
    expect(syncGet).toHaveBeenCalledTimes(1);
    expect(localGet).toHaveBeenCalledTimes(1);
    // The write goes through the item, which is defined (and checks its version) now.
    const items = await import('@/lib/settings/items');
    await items.dismiss('claim:x', URL_A, () => 3);
    expect(localGet.mock.calls.length).toBeGreaterThan(1);
    expect(await fresh.dismissedKeys(URL_A)).toEqual(['claim:x']);
  });

  it('calls back on changes made anywhere, and stops when asked', async () => {
    const settings = vi.fn();
    const keys = vi.fn();
    const stopSettings = watchPageSettings(settings);
    const stopKeys = watchDismissedKeys(URL_A, keys);
    await updateSettings({ theme: 'light' });
    await dismiss('claim:y', URL_A, () => 4);
    // Another key, or the same key in the other area, is not these.
    await fakeBrowser.storage.local.set({ settings: { theme: 'dark' } });
    await fakeBrowser.storage.sync.set({ dismissals: {} });
    expect(settings).toHaveBeenCalledTimes(1);
    expect(settings).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(keys).toHaveBeenCalledTimes(1);
    expect(keys).toHaveBeenLastCalledWith(['claim:y']);
    stopSettings();
    stopKeys();
    await updateSettings({ theme: 'dark' });
    await dismiss('claim:z', URL_A, () => 5);
    expect(settings).toHaveBeenCalledTimes(1);
    expect(keys).toHaveBeenCalledTimes(1);
  });
});
