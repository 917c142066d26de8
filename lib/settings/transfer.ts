import { z } from 'zod';
import { capDismissals } from './dismissals';
import { Dismissals, Settings } from './schema';

/** The file the options page exports: the reader's settings and dismissals. */
export const SETTINGS_FILE_FORMAT = 'context-cards-settings';
export const SETTINGS_FILE_VERSION = 1;
/** A settings file is small; anything larger is refused before parsing. */
export const MAX_SETTINGS_FILE_BYTES = 2 * 1024 * 1024;

export const SettingsFile = z.strictObject({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(SETTINGS_FILE_VERSION),
  exportedAt: z.string().max(40),
  settings: Settings,
  dismissals: Dismissals,
});
export type SettingsFile = z.infer<typeof SettingsFile>;

export function settingsFile(
  settings: Settings,
  dismissals: Dismissals,
  now: Date = new Date(),
): SettingsFile {
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    settings,
    dismissals,
  };
}

/** `["settings", "excludedSites", 0]` → `settings.excludedSites[0]` (as dataset problems read). */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(file)' : out;
}

export type SettingsFileResult =
  | { ok: true; settings: Settings; dismissals: Dismissals }
  | { ok: false; problems: { path: string; message: string }[] };

/** Parses and checks a settings file; every problem has its path. */
export function parseSettingsFile(text: string): SettingsFileResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) {
    return {
      ok: false,
      problems: [{ path: '(file)', message: 'the file is larger than a settings file can be' }],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${detail}` }] };
  }
  const parsed = SettingsFile.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        path: formatPath(i.path),
        message: i.message,
      })),
    };
  }
  return {
    ok: true,
    settings: parsed.data.settings,
    dismissals: capDismissals(parsed.data.dismissals),
  };
}
