/**
 * The pre-filter reads a long text by its distinct lines first, and the whole text only
 * when the lines could pass together: the answer must be the one of reading the whole
 * text one code unit at a time, on every text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import {
  compileDetector,
  compilePrefilter,
  prefilterFromJSON,
  prefilterPasses,
  runPrefilterMask,
} from '@/lib/detect';
import {
  PIECE_SPLITTERS,
  prefilterPassesApart,
  prefilterPassesBlocks,
  scanForTests,
} from '@/lib/detect/prefilter';
import { BRK, SEP, charClass } from '@/lib/detect/normalize';

const pf = prefilterFromJSON(compilePrefilter(compileDetector(loadBundledDataset().lexicon)));
/** The groups only (the `NEAR_*` bits say how words lie). */
const GROUPS_ONLY = (1 << 11) - 1;

// Words of the lexicon's roles and common words, joined by separators of every kind,
// with ignorables, combining marks and full-width letters inside and around them.
const words = [
  'children',
  'kids',
  'deported',
  'returned',
  'Ukraine',
  'Russia',
  'Lvova-Belova',
  'дети',
  'депортированы',
  'України',
  'дітей',
  'вивезли',
  'Kinder',
  'verschleppt',
  'enfants',
  'déportés',
  'niños',
  'copiii',
  'bring',
  'back',
  'the',
  'and',
  'school',
  '2024',
  'chil\u00ADdren',
  'de\u0301ti',
  'ｋｉｄｓ',
];
const gaps = [
  ...[' ', '  ', '\n', '. ', ', ', '’', "'", '\u00A0', ' — ', '“', '\u200B', ' 🇺🇦 ', '-'],
  ...['"', '","', '":', '/', '=', '<', '{', '(', '\t', '。', '，'],
];
const text = fc
  .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { maxLength: 400 })
  .map((pairs) => pairs.map(([w, g]) => w + g).join(''));
const filler = (n: number) => Array.from({ length: n }, (_, k) => `word${k % 7}`).join(' ');

describe('reading by pieces agrees with reading the whole text', () => {
  it('splits only at characters that end every word and belong to none', () => {
    for (const splitter of PIECE_SPLITTERS)
      expect([splitter, charClass(splitter.charCodeAt(0))]).toEqual([
        splitter,
        expect.toSatisfy((k: number) => k === SEP || k === BRK),
      ]);
  });
  it('finds the same groups, and never says a text that could pass cannot', () => {
    fc.assert(
      fc.property(text, (t) => {
        const pieces = scanForTests.pieces(pf, t);
        const units = scanForTests.units(pf, t);
        // Either the pieces hold the text's groups, or they stopped because the groups
        // could pass together (then the caller reads the whole text).
        if (prefilterPassesApart(pieces)) expect(prefilterPassesApart(units)).toBe(true);
        else expect(pieces & GROUPS_ONLY).toBe(units & GROUPS_ONLY);
        if (prefilterPasses(units)) expect(prefilterPassesApart(pieces)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('runPrefilterMask on long texts answers as the whole-text reading', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(0, 1, 1 << 5, 0b100001), (t, stop) => {
        const long = `${filler(400)} ${t}`;
        const mask = runPrefilterMask(pf, long, stop);
        const units = scanForTests.units(pf, long, stop);
        if (stop !== 0) {
          // Both stop early once the text passes or a stop group turns up.
          const stopped = (m: number) => prefilterPasses(m) || (m & stop) !== 0;
          expect(stopped(mask)).toBe(stopped(units));
          return;
        }
        expect(prefilterPasses(mask)).toBe(prefilterPasses(units));
        if (!prefilterPasses(units)) expect(mask & GROUPS_ONLY).toBe(units & GROUPS_ONLY);
      }),
      { numRuns: 500 },
    );
  });
  it('keeps the distance rule: a child word near an action word passes, far away not', () => {
    const near = `Ukraine. The children ${filler(40)} were deported. ${filler(500)}`;
    const far = `Ukraine. The children ${filler(90)} were deported. ${filler(500)}`;
    expect(near.length).toBeGreaterThan(2048);
    expect(prefilterPasses(runPrefilterMask(pf, near))).toBe(true);
    expect(prefilterPasses(runPrefilterMask(pf, far))).toBe(false);
  });
  it('reads the text whole when pieces apart could pass: a partner word, and a child word near an action word', () => {
    const text = `bring returned“children ${filler(500)}`;
    expect(prefilterPassesApart(scanForTests.pieces(pf, text))).toBe(true);
    expect(prefilterPasses(runPrefilterMask(pf, text))).toBe(true);
  });
  it('reads a long text in chunks as one: words across a chunk edge, and how near they are', () => {
    // Chunks of 4096 code units: "children" starts two units before the first edge.
    const before = 'x '.repeat(2047);
    const across = `${before}children were deported from Ukraine`;
    expect(across.indexOf('children')).toBe(4094);
    expect(prefilterPasses(scanForTests.units(pf, across))).toBe(true);
    // A child word at the end of one chunk, an action word at the start of the next.
    const near = `Ukraine ${'x '.repeat(2040)}children ${'y '.repeat(10)}deported ${filler(100)}`;
    expect(prefilterPasses(scanForTests.units(pf, near))).toBe(true);
    const far = `Ukraine ${'x '.repeat(2040)}children ${'y '.repeat(70)}deported ${filler(100)}`;
    expect(prefilterPasses(scanForTests.units(pf, far))).toBe(false);
    // The same text on lines of its own is read line by line, then whole for how near.
    const lines = near.replace(/ y /gu, '\n');
    expect(prefilterPasses(runPrefilterMask(pf, lines))).toBe(true);
  });
  it('finds words that hide behind soft hyphens and zero-width spaces in a long text', () => {
    const hidden = `${filler(500)} Ukraine. The chil\u00ADdren were de\u200Bported.`;
    expect(prefilterPasses(runPrefilterMask(pf, hidden))).toBe(true);
  });
});

describe('the block-by-block pre-filter', () => {
  it('passes a block with a child word near an action word, with a place in the title', () => {
    expect(prefilterPassesBlocks(pf, 'Ukraine', ['The children were deported.'])).toBe(true);
    expect(prefilterPassesBlocks(pf, '', ['News.', 'The children were deported to Russia.'])).toBe(
      true,
    );
    expect(prefilterPassesBlocks(pf, '', ['Maria Lvova-Belova spoke.'])).toBe(true);
  });
  it('rejects a page whose child and action words are in different blocks', () => {
    const blocks = ['The children played in the park.', 'Russia deported the envoy.'];
    // The whole text passes (the words are near), the blocks do not.
    expect(prefilterPasses(runPrefilterMask(pf, blocks.join(' ')))).toBe(true);
    expect(prefilterPassesBlocks(pf, '', blocks)).toBe(false);
  });
  it('rejects a page with no place word, and one whose words are far apart in a block', () => {
    expect(prefilterPassesBlocks(pf, '', ['The children were deported.'])).toBe(false);
    expect(
      prefilterPassesBlocks(pf, 'Ukraine', [`The children ${filler(90)} were deported.`]),
    ).toBe(false);
  });
});
