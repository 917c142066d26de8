import { describe, expect, it } from 'vitest';
import { BETWEEN_WORDS } from '@/lib/detect/prefilter';
import { APOS, BRK, SEP, charClass } from '@/lib/detect/normalize';

describe('the pre-filter cuts text into the words the matcher reads', () => {
  it('splits at exactly the code units that charClass calls separators, breaks or apostrophes', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 65536; c++) {
      const k = charClass(c);
      const between = k === SEP || k === BRK || k === APOS;
      const parts = `a${String.fromCharCode(c)}b`.split(BETWEEN_WORDS);
      if ((parts.length === 2) !== between) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('treats astral letters as separators, as surrogate halves are', () => {
    expect('kids𝐤deported'.split(BETWEEN_WORDS)).toEqual(['kids', 'deported']);
  });
});
