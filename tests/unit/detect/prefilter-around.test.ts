/**
 * A plain text read only around its child and strong stems must pass exactly when the
 * whole text read unit by unit does (with words run together read apart, as stage 1
 * reads a page), and hold every group that reading finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import {
  compileDetector,
  compilePrefilter,
  prefilterFromJSON,
  runPrefilterMask,
} from '@/lib/detect';
import { prefilterPasses, UNREAD_GROUPS, wordsApart } from '@/lib/detect/prefilter';
import {
  AROUND_WORDS,
  MOST_PLACES,
  partsAround,
  readAroundStems,
  wordsForTests,
} from '@/lib/detect/prefilter-around';
import { prefilterStems } from '@/lib/detect/prefilter-compile';
import { CHILD, NOT_PLAIN, PLACE, STRONG } from '@/lib/detect/prefilter-format';
import { charClass } from '@/lib/detect/normalize';

const detector = compileDetector(loadBundledDataset().lexicon);
const pf = prefilterFromJSON(compilePrefilter(detector));
const roles = prefilterStems(detector);

/** Stage 1's reading of a whole text: unit by unit, and apart where words run together. */
function wholeReading(text: string): number {
  let found = runPrefilterMask(pf, text);
  if (!prefilterPasses(found)) {
    const apart = wordsApart(pf, text);
    if (apart !== null) found |= runPrefilterMask(pf, apart);
  }
  return found;
}

const plainWords = (list: string) =>
  list.split(' ').filter((word) => word.length > 1 && !NOT_PLAIN.test(word));
const stems = {
  child: plainWords(roles.child),
  strong: plainWords(roles.strong),
  place: plainWords(roles.place),
  action: plainWords(roles.action),
  partner: plainWords(roles.partner),
};
const FILLER = ['the', 'council', 'budget', 'on', 'weather', 'of', 'rain', 'city', 'a', '2024'];

// The property over long texts and the check of every code unit take seconds on a loaded
// machine: more than Vitest's default limit (a harness limit, not a figure under test).
describe('reading a plain text around its stems', { timeout: 60_000 }, () => {
  it('has plain stems of every role to build texts from', () => {
    for (const list of Object.values(stems)) expect(list.length).toBeGreaterThan(2);
  });

  it('passes exactly when the whole reading does, and holds its groups', () => {
    // How often each role turns up varies from text to text, so that some texts pass and
    // others do not, and their stems are few enough to be read around.
    const word = (child: number, other: number) =>
      fc.oneof(
        { weight: 2000, arbitrary: fc.constantFrom(...FILLER) },
        { weight: child, arbitrary: fc.constantFrom(...stems.child) },
        { weight: other, arbitrary: fc.constantFrom(...stems.action) },
        { weight: other, arbitrary: fc.constantFrom(...stems.partner) },
        { weight: other, arbitrary: fc.constantFrom(...stems.place) },
        { weight: 1, arbitrary: fc.constantFrom(...stems.strong) },
      );
    // Spaces, breaks, punctuation, apostrophes, and no space at all (words run together).
    const gap = fc.constantFrom(' ', ' ', ' ', ' ', '\n', ', ', ' – ', "'", '’', '', '. ');
    const casing = fc.constantFrom('lower', 'Title', 'UPPER');
    const text = fc
      .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 30 }))
      .chain(([child, other]) =>
        fc.array(fc.tuple(word(child, other), gap, casing), {
          minLength: 300,
          maxLength: 3000,
          size: 'max',
        }),
      )
      .map((parts) =>
        parts
          .map(([w, g, c]) => {
            const cased =
              c === 'UPPER'
                ? w.toUpperCase()
                : c === 'Title'
                  ? w[0]!.toUpperCase() + w.slice(1)
                  : w;
            return cased + g;
          })
          .join(''),
      );
    const seen = { around: 0, passed: 0, failed: 0, whole: 0 };
    fc.assert(
      fc.property(text, (t) => {
        const around = readAroundStems(pf, t);
        if (around === null) {
          seen.whole++;
          return;
        }
        seen.around++;
        const whole = wholeReading(t);
        const passes = prefilterPasses(whole);
        expect([t, prefilterPasses(around)]).toEqual([t, passes]);
        if (passes) seen.passed++;
        else {
          seen.failed++;
          expect([t, whole & ~around]).toEqual([t, 0]);
          // Every group but the place group is taken as there; that one is when it may be.
          expect(around & (UNREAD_GROUPS & ~PLACE)).toBe(UNREAD_GROUPS & ~PLACE);
        }
      }),
      { numRuns: 700, seed: 11 },
    );
    // Both answers, read around the stems, and many texts not read whole.
    expect(seen.passed).toBeGreaterThan(50);
    expect(seen.failed).toBeGreaterThan(50);
    expect(seen.around).toBeGreaterThan(seen.whole);
  });

  it('finds a child word as far from an action word as near counts, and no further', () => {
    const child = stems.child.find((s) => s === 'child') ?? stems.child[0]!;
    const action = stems.action.find((s) => s === 'deport') ?? stems.action[0]!;
    const place = stems.place.find((s) => s === 'russia') ?? stems.place[0]!;
    const filler = (n: number) => Array.from({ length: n }, (_, k) => FILLER[k % 3]).join(' ');
    for (const apart of [1, 40, 63, 64, 65, 66, 100]) {
      // The place word far away, so that only how near the two are decides.
      const t = `${filler(500)} ${child} ${filler(apart - 1)} ${action}ed ${filler(500)} ${place}`;
      const passes = prefilterPasses(wholeReading(t));
      const around = readAroundStems(pf, t);
      // Near words with no place around them: read whole, which finds the place.
      if (around !== null) expect([apart, prefilterPasses(around)]).toEqual([apart, passes]);
      else expect(passes).toBe(true);
      expect([apart, passes]).toEqual([apart, apart <= 64]);
    }
  });

  it('reads a text with no stem as the quick look does, and too many places whole', () => {
    expect(readAroundStems(pf, 'The council approved the budget on Tuesday.')).toBe(UNREAD_GROUPS);
    const many = Array.from(
      { length: MOST_PLACES + 1 },
      () => `${stems.child[0]} ${'x '.repeat(200)}`,
    );
    expect(readAroundStems(pf, many.join(''))).toBeNull();
    // Places crowded among very long words: their parts together outspan the text many
    // times, and the text is read whole instead of looking further around each.
    const crowded = [
      ...Array.from({ length: 50 }, () => 'x'.repeat(2000)),
      ...Array.from({ length: 30 }, () => `${stems.child[0]}${'y'.repeat(50)}`),
    ].join(' ');
    const crowdedPlaces: number[] = [];
    for (
      let at = crowded.indexOf(stems.child[0]!);
      at >= 0;
      at = crowded.indexOf(stems.child[0]!, at + 1)
    )
      crowdedPlaces.push(at);
    expect(crowdedPlaces).toHaveLength(30);
    expect(partsAround(crowded, crowdedPlaces)).toBeNull();
    expect(partsAround(crowded, crowdedPlaces.slice(0, 1))).not.toBeNull();
    expect(readAroundStems(pf, crowded)).toBeNull();
    // Not plain: read whole.
    expect(readAroundStems(pf, `дети ${'x '.repeat(500)}`)).toBeNull();
    // A few places in a long text: read around them, with the child group found.
    const few = `${'x '.repeat(2000)}${stems.child[0]} ${'x '.repeat(2000)}`;
    const around = readAroundStems(pf, few);
    expect(around).not.toBeNull();
    expect(around! & CHILD).toBe(CHILD);
    expect(around! & STRONG).toBe(0);
  });

  it('finds words as the reading does: in a plain text, its letters and digits', () => {
    const { FORWARD, BACKWARD } = wordsForTests();
    const word = FORWARD.source.slice(0, FORWARD.source.indexOf(']') + 1);
    const notWord = `[^${word.slice(1)}`;
    // Both read AROUND_WORDS words with the one class.
    expect(FORWARD.source).toBe(`${word}*(?:${notWord}+${word}+){${AROUND_WORDS}}${notWord}*`);
    expect(BACKWARD.source).toBe(
      `(?<=(${word}+(?:${notWord}+${word}+){${AROUND_WORDS - 1}})${notWord}+${word}*)`,
    );
    const inWordClass = new RegExp(word);
    let words = 0;
    for (let c = 0; c < 0x10000; c++) {
      const unit = String.fromCharCode(c);
      if (NOT_PLAIN.test(unit)) continue;
      const k = charClass(c);
      const inWord = k >= 1 && k <= 4;
      if (inWord) words++;
      expect([c, inWordClass.test(unit)]).toEqual([c, inWord]);
    }
    expect(words).toBeGreaterThan(30_000);
    // An astral letter is a separator to the reading, and so to the parts.
    const astral = `${'w '.repeat(10)}${'\u{1d400} '.repeat(100)}x`;
    const [from] = partsAround(astral, [astral.length - 1])![0]!;
    expect(from).toBe(0);
  });
  it('cuts parts at word starts that hold every word near each place', () => {
    const words = Array.from({ length: 400 }, (_, k) => `w${k}`);
    const text = words.join(' ');
    const at = text.indexOf('w200');
    const [from, to] = partsAround(text, [at + 2])![0]!;
    const part = text.slice(from, to).trimEnd().split(' ');
    expect(part[0]).toBe(`w${200 - AROUND_WORDS}`);
    expect(part[part.length - 1]).toBe(`w${200 + AROUND_WORDS}`);
    expect(text[from - 1]).toBe(' ');
    expect(text[to - 1]).toBe(' ');
    // Places whose parts meet are one part; the text's ends bound them.
    const ends = partsAround(text, [3, text.length - 2]);
    expect(ends).toEqual([
      [0, text.indexOf(`w${1 + AROUND_WORDS + 1} `)],
      [text.indexOf(`w${399 - AROUND_WORDS} `), text.length],
    ]);
    // Long words: the words before a place are looked for further back than at first.
    const long = Array.from({ length: 300 }, (_, k) => `${'x'.repeat(40)}${k}`).join('; ');
    const [longFrom, longTo] = partsAround(long, [long.indexOf('x150;') - 39])![0]!;
    const longPart = long.slice(longFrom, longTo).split('; ');
    expect(longPart[0]).toBe(`${'x'.repeat(40)}${150 - AROUND_WORDS}`);
    expect(longPart[longPart.length - 1]).toBe('');
    expect(longPart[longPart.length - 2]).toBe(`${'x'.repeat(40)}${150 + AROUND_WORDS}`);
    const joined = partsAround(text, [text.indexOf('w10 '), text.indexOf('w100 ')]);
    expect(joined).toHaveLength(1);
    expect(joined![0]![0]).toBe(0);
    expect(partsAround(text, [text.indexOf('w10 '), text.indexOf('w300 ')])).toHaveLength(2);
  });
});
