import { browser } from 'wxt/browser';
import { getSettings, watchSettings } from './items';
import { isSiteGate, type SiteGate } from './gate';
import { SITE_GATE_STORAGE_KEY } from './keys';
import type { Settings } from './schema';

/*
 * The background's copy of the site gate (`SiteGate` in `gate.ts`), so that stage 1 reads
 * it with the pre-filter in one call on every page instead of reading `storage.sync` as
 * well. The settings stay the truth: a page that finds no readable copy (before the
 * background has written one) reads them (`readStage1Inputs`).
 */
export function siteGateOf(settings: Settings): SiteGate {
  return { enabled: settings.enabled, excludedSites: [...settings.excludedSites] };
}

function sameGate(stored: unknown, gate: SiteGate): boolean {
  if (!isSiteGate(stored) || stored.enabled !== gate.enabled) return false;
  const sites = stored.excludedSites;
  return (
    sites.length === gate.excludedSites.length &&
    sites.every((site, i) => site === gate.excludedSites[i])
  );
}

/** Writes the copy of the settings' site gate, when it differs from the one stored. */
export async function mirrorSiteGate(settings?: Settings): Promise<void> {
  const gate = siteGateOf(settings ?? (await getSettings()));
  const stored = (await browser.storage.local.get(SITE_GATE_STORAGE_KEY))[SITE_GATE_STORAGE_KEY];
  if (!sameGate(stored, gate)) await browser.storage.local.set({ [SITE_GATE_STORAGE_KEY]: gate });
}

/**
 * In the background: writes the copy now, and again whenever the settings change (the
 * options page, the popup, another device through sync). Returns the function that stops.
 */
export function keepSiteGateMirrored(onError: (error: unknown) => void): () => void {
  // One write at a time, in the order of the changes, so two quick changes never leave
  // the first one's copy behind.
  let last: Promise<void> = Promise.resolve();
  const mirror = (settings?: Settings) => {
    last = last.then(() => mirrorSiteGate(settings)).catch(onError);
  };
  mirror();
  return watchSettings((next) => mirror(next));
}
