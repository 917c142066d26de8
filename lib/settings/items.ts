import { storage, type Unwatch } from 'wxt/utils/storage';
import { addDismissal, capDismissals, removeDismissal } from './dismissals';
import { hostMatches, parseHostPattern } from './hosts';
import { DISMISSALS_STORAGE_KEY, SETTINGS_STORAGE_KEY } from './keys';
import {
  DEFAULT_SETTINGS,
  Settings,
  defaultSettings,
  normalizeSettings,
  type Dismissals,
} from './schema';

/**
 * Storage items (WXT storage, `@wxt-dev/storage`).
 *
 * | key                | area  | version | holds                                        |
 * |--------------------|-------|---------|----------------------------------------------|
 * | `sync:settings`    | sync  | 1       | the reader's preferences (`Settings`)        |
 * | `local:dismissals` | local | 1       | dismissed annotations by hostname            |
 *
 * Beside them, the background writes `siteGate` (`storage.local`, a raw key, no version:
 * it is rewritten from the settings whenever they change), its copy of the settings'
 * `enabled` and `excludedSites` that stage 1 reads with the pre-filter (`site-gate.ts`).
 *
 * Version history: both items start at version 1 (nothing was stored in extension storage
 * before). Settings are always read through `normalizeSettings`, so a value written by an
 * older or newer version on another device is read field by field. A later change of shape
 * bumps `version` and adds a function to `SETTINGS_MIGRATIONS` / `DISMISSALS_MIGRATIONS`
 * (WXT runs them in order, `{2: v1 → v2, 3: v2 → v3}`). What lived in IndexedDB before
 * (`dismissed`, `sites`) is moved here once by `migrateLegacyUserData` (legacy.ts).
 */
export const SETTINGS_VERSION = 1;
export const DISMISSALS_VERSION = 1;
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};
export const DISMISSALS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

/**
 * A storage item defined when first used, not when its module loads. Defining a WXT item
 * reads its key at once, and again to check its migrations: a bundle that imports this
 * module without using an item defines none, and may leave the items out (stage 2 reads
 * both keys raw, `page-store.ts`, and sends dismissals to the background). The extension's
 * own pages and the background use the items as before; their migrations run before the
 * first read or write (WXT awaits them in every method).
 */
/* @__NO_SIDE_EFFECTS__ */
function definedWhenUsed<T extends object>(define: () => T): T {
  let item: T | undefined;
  return new Proxy({} as T, {
    get(_, property) {
      item ??= define();
      const value: unknown = Reflect.get(item, property);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(item)
        : value;
    },
  });
}

export const settingsItem = definedWhenUsed(() =>
  storage.defineItem<Settings>(`sync:${SETTINGS_STORAGE_KEY}`, {
    fallback: DEFAULT_SETTINGS as Settings,
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  }),
);

export const dismissalsItem = definedWhenUsed(() =>
  storage.defineItem<Dismissals>(`local:${DISMISSALS_STORAGE_KEY}`, {
    fallback: {},
    version: DISMISSALS_VERSION,
    migrations: DISMISSALS_MIGRATIONS,
  }),
);

/**
 * Read-modify-write of one item, one at a time within this context, so two quick changes
 * (two "Restore" clicks) never overwrite each other.
 */
function serialized() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = last.then(task, task);
    last = run.catch(() => {});
    return run;
  };
}
const settingsQueue = serialized();
const dismissalsQueue = serialized();

/** The settings now, always complete and valid. */
export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * Changes settings. The result is validated as a whole; an invalid one is not stored and
 * the error says why (e.g. a bad host pattern, too many sites to sync).
 */
export function updateSettings(
  change: Partial<Settings> | ((current: Settings) => Settings),
): Promise<Settings> {
  return settingsQueue(() => applySettings(change));
}

async function applySettings(
  change: Partial<Settings> | ((current: Settings) => Settings),
): Promise<Settings> {
  const current = await getSettings();
  const next = typeof change === 'function' ? change(current) : { ...current, ...change };
  const checked = Settings.safeParse(next);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new SettingsError(`${where}${issue?.message ?? 'invalid settings'}`);
  }
  await settingsItem.setValue(checked.data);
  return checked.data;
}

/** Back to the defaults (excluded sites included). */
export async function resetSettings(): Promise<Settings> {
  const fresh = defaultSettings();
  await settingsItem.setValue(fresh);
  return fresh;
}

/**
 * Calls `callback` with the new settings (complete and valid) whenever they change in any
 * context: the options page, the popup, another device through sync. Returns the function
 * that stops watching. For the content script: repaint or remove highlights here, e.g.
 *
 * ```ts
 * const stop = watchSettings((next, previous) => {
 *   if (!isSiteActive(next, location.hostname)) removeAllHighlights();
 *   else if (next.languages !== previous.languages || ...) repaint();
 * });
 * ```
 */
export function watchSettings(callback: (next: Settings, previous: Settings) => void): Unwatch {
  return settingsItem.watch((next, previous) =>
    callback(normalizeSettings(next), normalizeSettings(previous)),
  );
}

/** Adds a site to the excluded list; returns the stored pattern. Throws a readable error. */
export async function excludeSite(input: string): Promise<string> {
  const parsed = parseHostPattern(input);
  if (!parsed.ok) throw new SettingsError(parsed.message);
  await updateSettings((s) =>
    s.excludedSites.includes(parsed.pattern)
      ? s
      : { ...s, excludedSites: [...s.excludedSites, parsed.pattern] },
  );
  return parsed.pattern;
}

/** Removes one pattern from the excluded list. */
export async function includeSite(pattern: string): Promise<void> {
  await updateSettings((s) => ({
    ...s,
    excludedSites: s.excludedSites.filter((p) => p !== pattern),
  }));
}

/**
 * The popup's "On this site" switch. Off adds the exact host; on removes every pattern that
 * covers the host (returned, so the popup can say that `*.example.com` was removed too).
 */
export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<string[]> {
  const host = hostname.toLowerCase();
  if (!enabled) {
    await excludeSite(host);
    return [];
  }
  let removed: string[] = [];
  await updateSettings((current) => {
    removed = current.excludedSites.filter((p) => hostMatches(p, host));
    return { ...current, excludedSites: current.excludedSites.filter((p) => !removed.includes(p)) };
  });
  return removed;
}

// ---- dismissals (the pure part: `dismissals.ts`) ----------------------------------------

/** "Not relevant" on a page: the background keeps it (`dismiss-annotation`). */
export function dismiss(key: string, url: string, now: () => number = Date.now): Promise<void> {
  return dismissalsQueue(async () =>
    dismissalsItem.setValue(addDismissal(await dismissalsItem.getValue(), key, url, now())),
  );
}

/** The options page's "Restore". */
export function restoreDismissal(key: string, url: string): Promise<void> {
  return dismissalsQueue(async () =>
    dismissalsItem.setValue(removeDismissal(await dismissalsItem.getValue(), key, url)),
  );
}

/** Replaces every dismissal (loading a settings file). */
export function replaceDismissals(all: Dismissals): Promise<void> {
  return dismissalsQueue(() => dismissalsItem.setValue(capDismissals(all)));
}
