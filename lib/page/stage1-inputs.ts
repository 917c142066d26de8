import { browser } from 'wxt/browser';
import { PREFILTER_KEY } from '@/lib/detector-store/load-prefilter';
import { isSiteActiveNow, isSiteGate, siteActiveIn } from '@/lib/settings/gate';
import { SITE_GATE_STORAGE_KEY } from '@/lib/settings/keys';

/** What stage 1 reads before it reads a page. */
export interface Stage1Inputs {
  /** Whether the extension works on this host (enabled, and the site not excluded). */
  active: boolean;
  /** The raw value of the published pre-filter's key (see `loadPublishedPrefilter`). */
  prefilter: { value: unknown };
}

/**
 * Stage 1's inputs in one storage read: the published pre-filter and the background's
 * copy of the site gate (`lib/settings/site-gate.ts`), both in `storage.local`. Without a
 * copy (the background has not written one yet), or with one it cannot read, the settings
 * themselves are read.
 */
export async function readStage1Inputs(hostname: string): Promise<Stage1Inputs> {
  const stored: Record<string, unknown> = await browser.storage.local.get([
    PREFILTER_KEY,
    SITE_GATE_STORAGE_KEY,
  ]);
  const gate = stored[SITE_GATE_STORAGE_KEY];
  const active = isSiteGate(gate) ? siteActiveIn(gate, hostname) : await isSiteActiveNow(hostname);
  return { active, prefilter: { value: stored[PREFILTER_KEY] } };
}
