import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileDetector,
  compilePrefilter,
  detectBlocks,
  detectPassage,
  findHits,
  GROUPS,
  normalizeWithMap,
  prefilter,
  prefilterFromJSON,
  prefilterMask,
  readNumbers,
  runPrefilter,
  runPrefilterMask,
} from '../../../lib/detect/index';
import { prefilterPassesBlocks } from '../../../lib/detect/prefilter';
import { bundledLexicons } from '../../fixtures/detect/lexicons';

const det = compileDetector(bundledLexicons, [
  { series: 'ua-verified-deported', value: 19546, asOf: '2023-10' },
]);
// The small pre-filter a content script loads alone, through a JSON round trip.
const pf = prefilterFromJSON(JSON.stringify(compilePrefilter(det)));

// Text from topic words, numbers, separators and odd Unicode, so that rules really fire.
const pieces = [
  'children',
  'deported',
  'Ukraine',
  'Russia',
  'дети',
  'депортированы',
  'України',
  'дітей',
  'Kinder',
  'verschleppt',
  '19,546',
  '700 000',
  '19.5',
  'thousand',
  'тис.',
  'hundreds',
  'of',
  'seven',
  'only',
  'fake',
  'Lvova-Belova',
  ' ',
  ' ',
  '\u00A0',
  '\u2009',
  '\u00AD',
  '\u200D',
  '\n',
  '.',
  ',',
  '’',
  "'",
  '-',
  '🇺🇦',
  '👶🏽',
  'e\u0301',
  '\uD800',
  '\uDC00',
  '1',
  '2022',
  '%',
];
const topicText = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((a) => a.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  topicText,
);

describe('property: no exception, offsets in bounds, quotes match', () => {
  it('detectPassage on random Unicode and topic soup', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText), (text, title) => {
        const r = detectPassage(det, text, title ? { title } : {});
        for (const a of r.annotations) {
          expect(a.start).toBeGreaterThanOrEqual(0);
          expect(a.end).toBeLessThanOrEqual(text.length);
          expect(a.start).toBeLessThanOrEqual(a.end);
          expect(a.quote).toBe(text.slice(a.start, a.end));
        }
        const page = title ? `${title}\n${text}` : text;
        if (r.relevant) expect(prefilter(det, page)).toBe(true);
        if (r.relevant) expect(runPrefilter(pf, page)).toBe(true);
        expect(runPrefilter(pf, page)).toBe(prefilter(det, page));
      }),
      { numRuns: 400 },
    );
  });
  it('findHits and readNumbers stay inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const h of findHits(det, text)) {
          expect(h.start).toBeGreaterThanOrEqual(0);
          expect(h.end).toBeLessThanOrEqual(text.length);
          expect(h.start).toBeLessThan(h.end);
        }
        for (const n of readNumbers(text, 0, text.length, { vocab: det.numbers })) {
          expect(n.text).toBe(text.slice(n.start, n.end));
          expect(Number.isFinite(n.value)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
  it('normalizeWithMap keeps a monotone map into the original', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { text: norm, map } = normalizeWithMap(text);
        expect(map).toHaveLength(norm.length + 1);
        for (let i = 0; i < norm.length; i++) {
          expect(map[i]).toBeGreaterThanOrEqual(0);
          expect(map[i]).toBeLessThan(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('the block-by-block pre-filter never rejects a page with a relevant block', () => {
    fc.assert(
      fc.property(
        fc.array(topicText, { minLength: 1, maxLength: 6 }),
        fc.option(topicText),
        (paras, title) => {
          const r = detectBlocks(
            det,
            paras.map((text) => ({ text })),
            title ? { title } : {},
          );
          if (r.some((b) => b.relevant))
            expect(prefilterPassesBlocks(pf, title ?? '', paras)).toBe(true);
        },
      ),
      { numRuns: 600 },
    );
  });
  it('the pre-filter never rejects a page with a relevant block', () => {
    fc.assert(
      fc.property(fc.array(topicText, { minLength: 1, maxLength: 4 }), (paras) => {
        const r = detectBlocks(
          det,
          paras.map((text) => ({ text })),
        );
        if (r.some((b) => b.relevant)) expect(prefilter(det, paras.join('\n'))).toBe(true);
        if (r.some((b) => b.relevant)) expect(runPrefilter(pf, paras.join('\n'))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('property: the pre-filter sees every child or strong hit', () => {
  const child = 1 << GROUPS.indexOf('child');
  const strong = 1 << GROUPS.indexOf('strong');
  it('a block with a child or strong hit passes the per-block pre-filter pass', () => {
    // detectBlocks matches only such blocks (and their neighbours when a rule asks).
    fc.assert(
      fc.property(anyText, (text) => {
        let has = 0;
        for (const h of findHits(det, text)) has |= 1 << h.group;
        if ((has & (child | strong)) !== 0) {
          expect(runPrefilterMask(pf, text, child | strong) & (child | strong)).not.toBe(0);
          expect(prefilterMask(det, text) & (child | strong)).not.toBe(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// Linear time is shown by `npm run bench` (time per MB at 1, 2, 4 and 8 MB); here only
// that adversarial repetition is read correctly to the end.
describe('adversarial repetition', () => {
  const cases: [string, string, boolean][] = [
    ['дети дети', 'дети '.repeat(40_000), false],
    ['digits', '1 '.repeat(100_000), false],
    ['no spaces', 'д'.repeat(200_000), false],
    [
      'topic',
      'deported Ukrainian children to Russia hundreds of thousands 19,546 '.repeat(3_000),
      true,
    ],
    ['marks', 'e\u0301'.repeat(100_000), false],
  ];
  it.each(cases)('%s', (_name, text, relevant) => {
    const r = detectPassage(det, text);
    expect(r.relevant).toBe(relevant);
    if (relevant) expect(r.annotations.length).toBeGreaterThan(0);
    for (const a of r.annotations) expect(a.quote).toBe(text.slice(a.start, a.end));
  });
});
