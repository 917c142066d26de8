import { describe, expect, it } from 'vitest';
import { POPUP_STRINGS } from '@/components/popupStrings';

/** Every leaf of a strings object: texts, and functions called with a sample argument. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, (value as (...a: unknown[]) => string)(7, 'x')]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, path ? `${path}.${k}` : k),
  );
}

describe('popup strings', () => {
  it('has a Ukrainian text, different from the English one, for every English one', () => {
    const en = leaves(POPUP_STRINGS.en);
    const uk = new Map(leaves(POPUP_STRINGS.uk));
    expect([...uk.keys()]).toEqual(en.map(([path]) => path));
    // The extension's name is the same in both.
    expect(en.filter(([path, text]) => uk.get(path) === text).map(([path]) => path)).toEqual([
      'title',
    ]);
    for (const [path, text] of uk) expect(text.trim(), path).not.toBe('');
  });

  it('counts passages with the Ukrainian plural forms', () => {
    const found = POPUP_STRINGS.uk.summary.found;
    const word = (n: number) => found(n).split(' ')[1];
    expect([1, 21, 101].map(word)).toEqual(['фрагмент', 'фрагмент', 'фрагмент']);
    expect([2, 3, 4, 22, 34].map(word)).toEqual(Array(5).fill('фрагменти'));
    expect([0, 5, 11, 12, 14, 19, 111, 112].map(word)).toEqual(Array(8).fill('фрагментів'));
    expect(POPUP_STRINGS.en.summary.found(1)).toBe(
      '1 passage on this page about deported Ukrainian children.',
    );
    expect(POPUP_STRINGS.en.summary.found(2)).toBe(
      '2 passages on this page about deported Ukrainian children.',
    );
  });
});
