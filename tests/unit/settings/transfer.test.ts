import { describe, expect, it } from 'vitest';
import {
  MAX_DISMISSALS,
  MAX_DISMISSAL_KEY,
  defaultSettings,
  parseSettingsFile,
  settingsFile,
} from '@/lib/settings';

describe('settings file', () => {
  it('round-trips settings and dismissals', () => {
    const settings = { ...defaultSettings(), theme: 'dark' as const, excludedSites: ['a.example'] };
    const dismissals = { 'a.example': [{ key: 'claim:x', url: 'https://a.example/', at: 1 }] };
    const text = JSON.stringify(settingsFile(settings, dismissals, new Date(0)));
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings, dismissals });
  });

  it('refuses malformed JSON, another file and bad values, each with its path', () => {
    expect(parseSettingsFile('{"format":')).toMatchObject({
      ok: false,
      problems: [{ path: '(file)', message: expect.stringMatching(/not valid JSON/) }],
    });
    const file = settingsFile(defaultSettings(), {});
    const wrong = { ...file, format: 'something-else' };
    expect(parseSettingsFile(JSON.stringify(wrong))).toMatchObject({
      ok: false,
      problems: [{ path: 'format' }],
    });
    const bad = {
      ...file,
      settings: { ...file.settings, excludedSites: ['bad host'], theme: 'neon' },
    };
    const result = parseSettingsFile(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path).sort()).toEqual([
        'settings.excludedSites[0]',
        'settings.theme',
      ]);
      expect(result.problems.find((p) => p.path === 'settings.excludedSites[0]')?.message).toBe(
        'A site name cannot contain spaces.',
      );
    }
  });

  it('keeps page item keys as long as a sentence, and refuses longer ones', () => {
    const key = `topic|${'a'.repeat(1500)}|before `;
    const file = settingsFile(defaultSettings(), {
      'a.example': [{ key, url: 'https://a.example/', at: 1 }],
    });
    expect(parseSettingsFile(JSON.stringify(file)).ok).toBe(true);
    file.dismissals['a.example']![0]!.key = 'x'.repeat(MAX_DISMISSAL_KEY + 1);
    expect(parseSettingsFile(JSON.stringify(file))).toMatchObject({
      ok: false,
      problems: [{ path: 'dismissals.a.example[0].key' }],
    });
  });

  it('keeps at most the newest dismissals', () => {
    const list = Array.from({ length: MAX_DISMISSALS + 5 }, (_, i) => ({
      key: `k${i}`,
      url: 'https://a.example/',
      at: i,
    }));
    const result = parseSettingsFile(
      JSON.stringify(settingsFile(defaultSettings(), { 'a.example': list })),
    );
    expect(result.ok && result.dismissals['a.example']?.length).toBe(MAX_DISMISSALS);
    expect(result.ok && result.dismissals['a.example']?.[0]?.key).toBe('k5');
  });
});
