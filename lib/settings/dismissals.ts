/**
 * Dismissals ("Not relevant") as stored, and what a page reads of them: pure functions,
 * apart from the storage item (`items.ts`), so stage 2 reads its page's dismissals without
 * carrying WXT's storage code.
 */
import { MAX_DISMISSALS, type Dismissal, type Dismissals } from './schema';

/** The page address as dismissals store it: without its fragment. */
export function pageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** The lower-case hostname of an address, or '' when it does not parse. */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Every dismissal as a flat list, newest first. */
export function flattenDismissals(all: Dismissals): (Dismissal & { site: string })[] {
  return Object.entries(all)
    .flatMap(([site, list]) => list.map((d) => ({ ...d, site })))
    .sort((a, b) => b.at - a.at);
}

/** Keeps at most `MAX_DISMISSALS`, dropping the oldest; drops empty sites. */
export function capDismissals(all: Dismissals, max = MAX_DISMISSALS): Dismissals {
  const flat = flattenDismissals(all).slice(0, max);
  const out: Dismissals = {};
  for (const { site, ...d } of flat.reverse()) (out[site] ??= []).push(d);
  return out;
}

/** Adds a dismissal (or refreshes its time), keyed by page and annotation key. */
export function addDismissal(all: Dismissals, key: string, url: string, at: number): Dismissals {
  const page = pageUrl(url);
  const site = hostnameOf(page);
  const list = (all[site] ?? []).filter((d) => !(d.url === page && d.key === key));
  return capDismissals({ ...all, [site]: [...list, { key, url: page, at }] });
}

/** Removes a dismissal. */
export function removeDismissal(all: Dismissals, key: string, url: string): Dismissals {
  const page = pageUrl(url);
  const site = hostnameOf(page);
  const list = (all[site] ?? []).filter((d) => !(d.url === page && d.key === key));
  const out = { ...all, [site]: list };
  if (list.length === 0) delete out[site];
  return out;
}

/**
 * The annotation keys dismissed on the page at `url`, in what is stored as dismissals
 * (read as it is: anything malformed counts as no dismissal).
 */
export function keysDismissedOn(all: unknown, url: string): string[] {
  const page = pageUrl(url);
  const list: unknown =
    typeof all === 'object' && all !== null
      ? (all as Record<string, unknown>)[hostnameOf(page)]
      : undefined;
  if (!Array.isArray(list)) return [];
  const keys: string[] = [];
  for (const entry of list as unknown[]) {
    const { url: at, key } = (entry ?? {}) as { url?: unknown; key?: unknown };
    if (at === page && typeof key === 'string') keys.push(key);
  }
  return keys;
}
