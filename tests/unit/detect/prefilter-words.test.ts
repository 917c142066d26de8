/**
 * The pre-filter reads a long text by its distinct lines, each once: the answer must be
 * the one of reading the whole text one code unit at a time, on every text, how near
 * words of different lines are included.
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
  GROUP_BITS,
  PIECE_SPLITTERS,
  prefilterPassesBlocks,
  scanForTests,
} from '@/lib/detect/prefilter';
import { ACTION, CHILD, PARTNER, PLACE } from '@/lib/detect/prefilter-format';
import { BRK, IGN, SEP, charClass } from '@/lib/detect/normalize';

const pf = prefilterFromJSON(compilePrefilter(compileDetector(loadBundledDataset().lexicon)));

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

/**
 * How the reading by lines must agree with the whole-text reading: it passes when that
 * passes, and stops when that stops; otherwise it finds the same groups, how near words
 * lie only where that reading finds it, and all of it when words of different lines could
 * make the text pass (a child word with a partner word, or with an action and a place).
 */
function expectAgreement(lines: number, units: number, stop: number): void {
  const stopped = (m: number) => prefilterPasses(m) || (m & stop) !== 0;
  expect(stopped(lines)).toBe(stopped(units));
  if (stop === 0) expect(prefilterPasses(lines)).toBe(prefilterPasses(units));
  if (stopped(units)) return;
  expect(lines & GROUP_BITS).toBe(units & GROUP_BITS);
  expect(lines & ~units).toBe(0);
  const has = (bits: number) => (units & bits) !== 0;
  if (has(CHILD) && (has(PARTNER) || (has(ACTION) && has(PLACE)))) expect(lines).toBe(units);
}

describe('reading by pieces agrees with reading the whole text', () => {
  it('splits only at characters that end every word and belong to none', () => {
    for (const splitter of PIECE_SPLITTERS)
      expect([splitter, charClass(splitter.charCodeAt(0))]).toEqual([
        splitter,
        expect.toSatisfy((k: number) => k === SEP || k === BRK),
      ]);
  });
  it('trims lines only of code units that start no word and end none a line break would not', () => {
    const trimmed: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (`${ch}x${ch}`.trim() === 'x') trimmed.push(c);
    }
    expect(trimmed.length).toBeGreaterThan(20);
    for (const c of trimmed)
      expect([c, charClass(c)]).toEqual([
        c,
        expect.toSatisfy((k: number) => k === SEP || k === BRK || k === IGN),
      ]);
  });
  it('finds what the whole-text reading finds, and passes or stops when it does', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(0, 1, 1 << 5, 0b100001), (t, stop) => {
        expectAgreement(scanForTests.lines(pf, t, stop), scanForTests.units(pf, t, stop), stop);
      }),
      { numRuns: 500 },
    );
  });
  it('reads repeated and indented lines as the whole text: the words between them count', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(text, fc.constantFrom(filler(30), filler(70))),
            fc.constantFrom('', '  ', '\t', '\u00A0', '\uFEFF'),
          ),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.array(fc.nat(5), { maxLength: 30 }),
        (lines, order) => {
          const chosen = order.length ? order.map((k) => lines[k % lines.length]!) : lines;
          const t = chosen.map(([line, pad]) => `${pad}${line}${pad}`).join('\n');
          expectAgreement(scanForTests.lines(pf, t), scanForTests.units(pf, t), 0);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('runPrefilterMask on long texts answers as the whole-text reading', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(0, 1, 1 << 5, 0b100001), (t, stop) => {
        const long = `${filler(400)} ${t}`;
        expectAgreement(runPrefilterMask(pf, long, stop), scanForTests.units(pf, long, stop), stop);
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
  it('knows how near words of different lines are, and of a line met again', () => {
    const apart = `Ukraine\nThe children\n${filler(20)}\nwere deported\n${filler(500)}`;
    expect(prefilterPasses(runPrefilterMask(pf, apart))).toBe(true);
    // Far apart they do not pass; the child line met again next to the action line does.
    const far = `Ukraine\nThe children\n${filler(90)}\nwere deported\n${filler(500)}`;
    expect(prefilterPasses(runPrefilterMask(pf, far))).toBe(false);
    const again = `Ukraine\nThe children\n${filler(90)}\nwere deported\nThe children\n${filler(500)}`;
    expect(prefilterPasses(runPrefilterMask(pf, again))).toBe(true);
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
    // The same text on lines of its own is read line by line, and as near.
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
