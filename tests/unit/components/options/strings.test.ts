import { describe, expect, it } from 'vitest';
import { STRINGS, pickLocale } from '@/components/options/strings';

/** Every leaf of a strings object: texts, and functions called with sample arguments. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => string;
    return [
      [path, fn('A', 'imported', 'B')],
      [`${path}(2)`, fn(2, 3)],
    ];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, path ? `${path}.${k}` : k),
  );
}

describe('options page strings', () => {
  it('has a Ukrainian text for every English one', () => {
    const en = leaves(STRINGS.en);
    const uk = new Map(leaves(STRINGS.uk));
    expect([...uk.keys()]).toEqual(en.map(([path]) => path));
    // "exact" has no word in either language.
    const same = en
      .filter(([path, text]) => uk.get(path) === text && path !== 'data.qualifier.exact')
      .map(([path]) => path);
    // Only names that are the same in both languages.
    expect(
      same.filter(
        (p) =>
          !p.startsWith('exportSection.claimReview') && !p.startsWith('exportSection.datasetLd'),
      ),
    ).toEqual([]);
    for (const [path, text] of uk) {
      if (path !== 'data.qualifier.exact') expect(text.trim(), path).not.toBe('');
    }
  });

  it('follows the browser language', () => {
    expect(pickLocale(['uk-UA', 'en'])).toBe('uk');
    expect(pickLocale(['en-GB', 'uk'])).toBe('en');
    expect(pickLocale(['ru', 'uk'])).toBe('uk');
    expect(pickLocale(['de'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});
