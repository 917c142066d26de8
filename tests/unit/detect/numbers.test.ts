import { describe, expect, it } from 'vitest';
import { readNumbers } from '../../../lib/detect/numbers';
import { compileDetector, detectBlocks } from '../../../lib/detect/index';
import { bundledLexicons } from '../../fixtures/detect/lexicons';

const childAt = () => true;
const { numbers: vocab } = compileDetector(bundledLexicons);
const read = (text: string) =>
  readNumbers(text, 0, text.length, { childAt, vocab }).map((n) => [n.text, n.value, n.qualifier]);

describe('readNumbers: counts in every language and format', () => {
  it.each<[string, [string, number, string][]]>([
    // en
    ['Russia deported 19,546 children', [['19,546', 19546, 'exact']]],
    ['some 19 546 children', [['some 19 546', 19546, 'about']]],
    ['exactly 19\u00A0546 children', [['19\u00A0546', 19546, 'exact']]],
    ['19\u202F546 children', [['19\u202F546', 19546, 'exact']]],
    ['19\u2009546 children', [['19\u2009546', 19546, 'exact']]],
    ['19546 children', [['19546', 19546, 'exact']]],
    ['nearly 20,000 children', [['nearly 20,000', 20000, 'about']]],
    ['more than 19.5 thousand children', [['more than 19.5 thousand', 19500, 'more-than']]],
    ['at least 1.5 million people', [['at least 1.5 million', 1500000, 'at-least']]],
    ['up to 300 children', [['up to 300', 300, 'up-to']]],
    ['fewer than 1,300 children', [['fewer than 1,300', 1300, 'fewer-than']]],
    ['hundreds of thousands of children', [['hundreds of thousands', 100000, 'at-least']]],
    ['tens of thousands of children', [['tens of thousands', 10000, 'at-least']]],
    ['only hundreds of children', [['hundreds', 100, 'at-least']]],
    ['a few hundred children', [['a few hundred', 300, 'about']]],
    ['seven children', [['seven', 7, 'exact']]],
    ['seven hundred thousand children', [['seven hundred thousand', 700000, 'exact']]],
    ['20k children', [['20k', 20000, 'exact']]],
    // de
    ['19.546 Kinder', [['19.546', 19546, 'exact']]],
    ['mehr als 700.000 Kinder', [['mehr als 700.000', 700000, 'more-than']]],
    ['Hunderte Kinder', [['Hunderte', 100, 'at-least']]],
    ['rund 2,5 Millionen Menschen', [['rund 2,5 Millionen', 2500000, 'about']]],
    // fr
    ['des centaines d’enfants', [['centaines', 100, 'at-least']]],
    ['plus de 19 000 enfants', [['plus de 19 000', 19000, 'more-than']]],
    // es / it / pl / ro
    ['casi 20.000 niños', [['casi 20.000', 20000, 'about']]],
    ['oltre 700mila bambini', [['oltre 700mila', 700000, 'more-than']]],
    ['ponad 19,5 tys. dzieci', [['ponad 19,5 tys.', 19500, 'more-than']]],
    ['peste 700 de mii de copii', [['peste 700 de mii', 700000, 'more-than']]],
    ['aproape 20 de mii de copii', [['aproape 20 de mii', 20000, 'about']]],
    ['o sută de mii de copii', [['o sută de mii', 100000, 'exact']]],
    ['două sute de mii de copii', [['două sute de mii', 200000, 'exact']]],
    ['sute de mii de copii', [['sute de mii', 100000, 'at-least']]],
    ['20 de copii', [['20', 20, 'exact']]],
    ['1,5 milioane de oameni', [['1,5 milioane', 1500000, 'exact']]],
    ['380 orfani', [['380', 380, 'exact']]],
    // several numbers: the whole list, in order
    [
      'Kyiv counts 19,546 deported children; 388 have come back and 1,200 more are sought.',
      [
        ['19,546', 19546, 'exact'],
        ['388', 388, 'exact'],
        ['1,200', 1200, 'exact'],
      ],
    ],
    [
      'between 200,000 and 300,000 children',
      [
        ['200,000', 200000, 'exact'],
        ['300,000', 300000, 'exact'],
      ],
    ],
    [
      'понад 700 тисяч дітей, з них 19 546 депортовано, 388 повернуто',
      [
        ['понад 700 тисяч', 700000, 'more-than'],
        ['19 546', 19546, 'exact'],
        ['388', 388, 'exact'],
      ],
    ],
    ['из Украины вывезли 19 тысяч 505 детей', [['19 тысяч 505', 19505, 'exact']]],
    ['2 тысячи 300 детей', [['2 тысячи 300', 2300, 'exact']]],
    [
      'peste 700 de mii de copii, dintre care 400 de orfani',
      [
        ['peste 700 de mii', 700000, 'more-than'],
        ['400', 400, 'exact'],
      ],
    ],
    // uk / ru
    ['понад 19,5 тисячі дітей', [['понад 19,5 тисячі', 19500, 'more-than']]],
    ['700 тисяч дітей', [['700 тисяч', 700000, 'exact']]],
    ['сімсот тисяч дітей', [['сімсот тисяч', 700000, 'exact']]],
    ['около 700 тыс. детей', [['около 700 тыс.', 700000, 'about']]],
    ['сотни детей', [['сотни', 100, 'at-least']]],
    ['сотні тисяч дітей', [['сотні тисяч', 100000, 'at-least']]],
    ['не менее 2000 детей', [['не менее 2000', 2000, 'at-least']]],
    ['семеро дітей', [['семеро', 7, 'exact']]],
  ])('%j → %j', (text, want) => {
    expect(read(text)).toEqual(want);
  });

  it.each([
    'in 2022 the war began',
    'on 24 February 2022',
    'on 24.02.2022',
    'March 17 was the day',
    '50% of them',
    '50 percent of them',
    'a girl aged 7',
    'a 7-year-old boy',
    'she was 12 years old',
    'at 10:30 in the morning',
    'decree No. 330',
    'the 3rd time',
    '120 km away',
    '5 days later',
    '$300 million',
    '5 per cent of them',
    'el 20 por ciento',
    '50 процентов из них',
    '40 відсотків з них',
    'в течение 5 дней',
    'alle 3 ore',
  ])('%j holds no count', (text) => {
    expect(readNumbers(text, 0, text.length, { vocab })).toEqual([]);
  });

  it('a year-like number right before a child noun is a count', () => {
    expect(readNumbers('1902 children', 0, 13, { childAt, vocab }).map((n) => n.value)).toEqual([
      1902,
    ]);
    expect(readNumbers('1902 children', 0, 13, { childAt: () => false, vocab })).toEqual([]);
  });
});

describe('figures in annotations: series and newer figures', () => {
  const det = compileDetector(bundledLexicons, [
    { series: 'ua-verified-deported', value: 16226, asOf: '2023-03-20' },
    { series: 'ua-verified-deported', value: 19546, asOf: '2023-10-18' },
    { series: 'ua-returned', value: 1859, asOf: '2025-12-04' },
  ]);
  it('places a number in its series and says a newer figure exists', () => {
    const [r] = detectBlocks(det, [
      {
        text: 'Ukraine says Russia has deported 16,226 Ukrainian children, and only 308 have returned home.',
      },
    ]);
    expect(r!.relevant).toBe(true);
    const figs = r!.annotations.flatMap((a) => a.figures);
    const deported = figs.find((f) => f.value === 16226)!;
    expect(deported.series).toBe('ua-verified-deported');
    expect(deported.newer).toEqual({
      series: 'ua-verified-deported',
      value: 19546,
      asOf: '2023-10-18',
    });
    const returned = figs.find((f) => f.value === 308)!;
    expect(returned.series).toBe('ua-returned');
    expect(returned.newer).toBeUndefined();
    expect(returned.latest?.value).toBe(1859);
  });
  it('the latest figure has no newer one', () => {
    const [r] = detectBlocks(det, [
      { text: 'Kyiv has verified the deportation of 19,546 Ukrainian children to Russia.' },
    ]);
    const f = r!.annotations.flatMap((a) => a.figures).find((x) => x.value === 19546)!;
    expect(f.series).toBe('ua-verified-deported');
    expect(f.newer).toBeUndefined();
  });
  it('Russian arrival totals go to their own series', () => {
    const [r] = detectBlocks(det, [
      {
        text: 'Москва заявляет, что Россия приняла более 700 тысяч детей с Украины, а Киев называет это депортацией.',
      },
    ]);
    const f = r!.annotations.flatMap((a) => a.figures).find((x) => x.value === 700000)!;
    expect(f).toBeDefined();
    expect(f.series).toBe('ru-reported-arrivals');
    expect(f.qualifier).toBe('more-than');
  });
});
