/**
 * Stage 1 reads whether to work on a site from the background's copy of the settings'
 * site gate, in the same storage read as the pre-filter: the copy must follow the
 * settings, and a page without a copy must still obey the settings.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { excludeSite, includeSite, updateSettings } from '@/lib/settings';
import { SITE_GATE_STORAGE_KEY } from '@/lib/settings/keys';
import type { SiteGate } from '@/lib/settings/gate';
import { keepSiteGateMirrored, mirrorSiteGate } from '@/lib/settings/site-gate';
import { readStage1Inputs } from '@/lib/page/stage1-inputs';
import { PREFILTER_KEY } from '@/lib/detector-store/load-prefilter';

const copy = async () =>
  (await fakeBrowser.storage.local.get(SITE_GATE_STORAGE_KEY))[SITE_GATE_STORAGE_KEY] as
    Partial<SiteGate> | undefined;

/** Waits until `check` holds (storage events arrive after the write resolves). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await check()).toBe(true);
}

describe('the site gate copy', () => {
  it('holds the settings’ switch and excluded sites, and is not written again unchanged', async () => {
    await excludeSite('news.example');
    await mirrorSiteGate();
    expect(await copy()).toEqual({ enabled: true, excludedSites: ['news.example'] });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await mirrorSiteGate();
    expect(set).not.toHaveBeenCalled();
    set.mockRestore();
  });

  it('follows the settings while the background keeps it', async () => {
    const stop = keepSiteGateMirrored((error) => {
      throw error;
    });
    await until(async () => (await copy()) !== undefined);
    await updateSettings({ enabled: false });
    await until(async () => (await copy())?.enabled === false);
    await updateSettings({ enabled: true });
    await excludeSite('a.example');
    await until(async () => (await copy())?.excludedSites?.includes('a.example') === true);
    await includeSite('a.example');
    await until(async () => (await copy())?.excludedSites?.length === 0);
    // Quick changes in a row: the copy ends with the last.
    await Promise.all([updateSettings({ enabled: false }), updateSettings({ enabled: true })]);
    await excludeSite('b.example');
    await until(async () => (await copy())?.excludedSites?.includes('b.example') === true);
    expect(await copy()).toEqual({ enabled: true, excludedSites: ['b.example'] });
    stop();
  });
});

describe('readStage1Inputs', () => {
  it('reads the pre-filter’s key and the copy in one call, and obeys the copy', async () => {
    await fakeBrowser.storage.local.set({
      [PREFILTER_KEY]: { stored: 'value' },
      [SITE_GATE_STORAGE_KEY]: { enabled: true, excludedSites: ['*.example'] },
    });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sync = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const inputs = await readStage1Inputs('a.example');
    expect(inputs).toEqual({ active: false, prefilter: { value: { stored: 'value' } } });
    expect(get).toHaveBeenCalledTimes(1);
    expect(sync).not.toHaveBeenCalled();
    expect((await readStage1Inputs('b.test')).active).toBe(true);
    get.mockRestore();
    sync.mockRestore();
  });

  it('reads the settings themselves when there is no copy yet', async () => {
    await excludeSite('a.example');
    expect(await copy()).toBeUndefined();
    expect(await readStage1Inputs('a.example')).toEqual({
      active: false,
      prefilter: { value: undefined },
    });
    expect((await readStage1Inputs('b.example')).active).toBe(true);
  });

  it('reads the settings themselves when the copy is not one', async () => {
    await updateSettings({ enabled: false });
    for (const junk of ['junk', { enabled: 'no' }, { enabled: true }, null]) {
      await fakeBrowser.storage.local.set({ [SITE_GATE_STORAGE_KEY]: junk });
      expect([junk, (await readStage1Inputs('a.example')).active]).toEqual([junk, false]);
    }
  });
});
