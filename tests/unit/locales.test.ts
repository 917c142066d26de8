import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localizeActionTitle, manifest } from '../../manifest.config';

type Messages = Record<string, { message: string; description?: string }>;
const LOCALES = ['en', 'uk'] as const;
const messages = Object.fromEntries(
  LOCALES.map((lang) => [
    lang,
    JSON.parse(readFileSync(resolve(`public/_locales/${lang}/messages.json`), 'utf8')) as Messages,
  ]),
) as Record<(typeof LOCALES)[number], Messages>;

/** Every `__MSG_key__` in a manifest, wherever it is. */
function messageKeys(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/__MSG_(\w+?)__/g)].map((m) => m[1]!);
  if (Array.isArray(value)) return value.flatMap(messageKeys);
  if (value && typeof value === 'object') return Object.values(value).flatMap(messageKeys);
  return [];
}

describe('_locales', () => {
  it('has the same keys in English and Ukrainian, each with a message', () => {
    expect(Object.keys(messages.uk).sort()).toEqual(Object.keys(messages.en).sort());
    for (const lang of LOCALES) {
      for (const [key, entry] of Object.entries(messages[lang])) {
        // The browsers' rule for message names; "@@" names are theirs.
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(typeof entry.message).toBe('string');
        expect(entry.message.trim().length, `${lang}: ${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('is translated: every Ukrainian message is in Cyrillic', () => {
    for (const [key, entry] of Object.entries(messages.uk))
      expect(entry.message, key).toMatch(/[А-Яа-яІіЇїЄєҐґ]/);
  });

  it("keeps to the stores' limits (name 75 characters, description 132)", () => {
    for (const lang of LOCALES) {
      expect(messages[lang].extName!.message.length).toBeLessThanOrEqual(75);
      expect(messages[lang].extDescription!.message.length).toBeLessThanOrEqual(132);
    }
  });
});

describe('the manifest', () => {
  for (const browser of ['chrome', 'firefox']) {
    it(`for ${browser}, names only messages that exist, in both languages`, () => {
      const generated = { ...manifest({ browser }), action: { default_title: 'Popup title' } };
      localizeActionTitle(generated);
      const keys = messageKeys(generated);
      expect(new Set(keys)).toEqual(
        new Set([
          'extName',
          'extShortName',
          'extDescription',
          'actionTitle',
          'commandNextAnnotation',
          'commandPreviousAnnotation',
        ]),
      );
      for (const lang of LOCALES)
        for (const key of keys) expect(messages[lang]).toHaveProperty(key);
      expect(generated.default_locale).toBe('en');
    });
  }

  it('leaves no reader-facing string untranslated', () => {
    const m = manifest({ browser: 'chrome' });
    const shown = [
      m.name,
      m.short_name,
      m.description,
      m.action.default_title,
      ...Object.values(m.commands).map((c) => c.description),
    ];
    for (const text of shown) expect(text).toMatch(/^__MSG_\w+__$/);
  });
});
