/**
 * Host patterns for excluded sites, Zod-free so that stage 1 can match them cheaply.
 *
 * - `example.com` matches that host only.
 * - `*.example.com` matches `example.com` and every subdomain of it (`news.example.com`).
 *
 * Readers may paste a whole address (`https://www.example.com/story`): `parseHostPattern`
 * keeps the host. Hosts are stored lower-case in their ASCII (punycode) form.
 */
import type { Settings } from './schema';

export type HostPatternResult = { ok: true; pattern: string } | { ok: false; message: string };

/** The longest hostname DNS allows. */
export const MAX_HOST_LENGTH = 253;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function asciiHost(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

/** Checks and normalises one pattern; the message says what is wrong in plain words. */
export function parseHostPattern(input: string): HostPatternResult {
  let value = input.trim().toLowerCase();
  if (value === '') return { ok: false, message: 'Enter a site, such as example.com.' };
  // A pasted address: keep its host.
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//.exec(value);
  if (scheme) {
    if (!/^https?:\/\//.test(value)) {
      return { ok: false, message: 'Only web sites (http or https addresses) can be excluded.' };
    }
    value = value.slice(scheme[0].length);
    value = value.split(/[/?#]/, 1)[0] ?? '';
    value = value.replace(/^[^@]*@/, '');
    value = value.replace(/:\d+$/, '');
  } else if (/[/?#]/.test(value)) {
    return {
      ok: false,
      message: `"${input.trim()}" has a path; enter the site only, such as example.com.`,
    };
  }
  if (/\s/.test(value)) return { ok: false, message: 'A site name cannot contain spaces.' };
  if (/:\d*$/.test(value)) return { ok: false, message: 'Leave out the port: enter example.com.' };
  let wildcard = false;
  if (value.startsWith('*.')) {
    wildcard = true;
    value = value.slice(2);
  }
  if (value.includes('*')) {
    return {
      ok: false,
      message:
        'A * may only stand at the start, as in *.example.com (the site and its subdomains).',
    };
  }
  value = value.replace(/\.$/, '');
  if (value === '') return { ok: false, message: 'Enter a site after *., such as *.example.com.' };
  const rawIp = IPV4.exec(value);
  if (rawIp?.slice(1).some((part) => Number(part) > 255)) {
    return { ok: false, message: `"${input.trim()}" is not a valid IP address.` };
  }
  const ascii = asciiHost(value);
  if (ascii === null || ascii === '' || ascii.startsWith('[')) {
    return { ok: false, message: `"${input.trim()}" is not a valid site name.` };
  }
  if (ascii.length > MAX_HOST_LENGTH) {
    return { ok: false, message: `A site name can have at most ${MAX_HOST_LENGTH} characters.` };
  }
  const ip = IPV4.exec(ascii);
  if (ip) {
    if (wildcard) return { ok: false, message: 'An IP address cannot have a *. in front.' };
    return { ok: true, pattern: ascii };
  }
  const labels = ascii.split('.');
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) {
    return {
      ok: false,
      message:
        bad === ''
          ? `"${input.trim()}" has an empty part between dots.`
          : `"${bad}" is not allowed in a site name: use letters, digits and hyphens (not at either end).`,
    };
  }
  if (wildcard && labels.length < 2) {
    return {
      ok: false,
      message: `*.${ascii} would cover a whole top-level domain; name a site, such as *.example.${ascii}.`,
    };
  }
  return { ok: true, pattern: wildcard ? `*.${ascii}` : ascii };
}

/** Whether `hostname` is covered by the pattern (patterns as `parseHostPattern` returns them). */
export function hostMatches(pattern: string, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === pattern;
}

/** The first pattern that covers `hostname`, or null. */
export function matchingPattern(patterns: readonly string[], hostname: string): string | null {
  return patterns.find((pattern) => hostMatches(pattern, hostname)) ?? null;
}

/** Whether the extension should work on `hostname` under these settings. */
export function isSiteActive(
  settings: Pick<Settings, 'enabled' | 'excludedSites'>,
  hostname: string,
): boolean {
  return settings.enabled && matchingPattern(settings.excludedSites, hostname) === null;
}
