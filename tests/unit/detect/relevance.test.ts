import { describe, expect, it } from 'vitest';
import {
  compileDetector,
  detectBlocks,
  detectLanguage,
  detectPassage,
  prefilter,
} from '../../../lib/detect/index';
import { bundledLexicons } from '../../fixtures/detect/lexicons';

const det = compileDetector(bundledLexicons);
const relevant = (text: string, title?: string) =>
  detectPassage(det, text, title ? { title } : {}).relevant;

// Our own sentences (not from any corpus), one or more per language.
const POSITIVE: [string, string][] = [
  ['en', 'Kyiv says Russia has deported thousands of Ukrainian children from the occupied south.'],
  [
    'en',
    'The girls were taken to Russia and placed with Russian families, their grandmother said.',
  ],
  ['en', 'Moscow claims the orphans were evacuated to Russia for their safety.'],
  ['en', 'Eleven children were brought back to Ukraine from the occupied territories this week.'],
  ['en', 'Maria Lvova-Belova told reporters that the list was incomplete.'],
  ['uk', 'Росія незаконно депортувала українських дітей з окупованих територій, заявив омбудсман.'],
  ['uk', 'Ще п’ятьох дітей вдалося повернути з тимчасово окупованих територій додому.'],
  ['ru', 'Украина обвиняет Россию в похищении детей с оккупированных территорий.'],
  ['ru', 'По словам чиновника, детей из Донбасса вывезли в Россию и разместили в приёмных семьях.'],
  [
    'de',
    'Russland soll Tausende ukrainische Kinder verschleppt und in Umerziehungslager gebracht haben.',
  ],
  [
    'fr',
    'Selon Kiev, des milliers d’enfants ukrainiens ont été déportés en Russie depuis le début de l’invasion.',
  ],
  [
    'es',
    'Ucrania denuncia que miles de niños fueron deportados a Rusia desde los territorios ocupados.',
  ],
  ['it', 'Secondo Kiev, migliaia di bambini ucraini sono stati deportati in Russia.'],
  ['pl', 'Rosja uprowadziła tysiące ukraińskich dzieci z okupowanych terenów, twierdzi Kijów.'],
  ['ro', 'Kievul acuză Rusia că a deportat mii de copii ucraineni din teritoriile ocupate.'],
];

const HARD_NEGATIVE: [string, string, string][] = [
  [
    'en',
    'ukraine-evacuation',
    'Ukrainian authorities ordered the evacuation of children from frontline towns in Kharkiv region as Russian shelling intensified.',
  ],
  [
    'en',
    'prisoner-exchange',
    'Ukraine and Russia exchanged prisoners of war on Friday; 150 soldiers returned home to their wives and children.',
  ],
  [
    'en',
    'us-deportation',
    'Immigration agents deported the children and their mother to Guatemala last week, lawyers said.',
  ],
  [
    'en',
    'afghan-deportation',
    'Pakistan has deported thousands of Afghan families, including many children, across the border.',
  ],
  [
    'en',
    'soviet-history',
    'In 1944 the Soviet NKVD deported Crimean Tatars, including children, to Central Asia on Stalin’s orders.',
  ],
  [
    'en',
    'other-icc',
    'The ICC issued arrest warrants for Netanyahu; the court said it would not comment on the children of Gaza.',
  ],
  [
    'en',
    'strike',
    'Three children were killed when a Russian missile hit an apartment block in Ukraine’s Dnipro overnight.',
  ],
  [
    'en',
    'refugees-school',
    'Thousands of Ukrainian refugee children have started the school year in Polish classrooms.',
  ],
  [
    'uk',
    'ukraine-evacuation',
    'Через постійні обстріли з Куп’янська евакуювали ще 20 дітей, повідомила обласна адміністрація.',
  ],
  [
    'ru',
    'belgorod',
    'Из Белгородской области эвакуировали детей в лагеря других регионов из-за обстрелов.',
  ],
  [
    'ru',
    'pow',
    'Россия и Украина провели обмен пленными, домой вернулись военнопленные, их встретили дети и жёны.',
  ],
  ['de', 'abschiebung', 'Die Familie wurde mit ihren drei Kindern nach Afghanistan abgeschoben.'],
  [
    'fr',
    'expulsion',
    'Les enfants de la famille ont été expulsés vers l’Albanie, dénoncent les associations.',
  ],
  ['es', 'migrants', 'Estados Unidos deportó a cientos de niños migrantes a México este mes.'],
  ['it', 'migranti', 'I bambini migranti sono stati rimpatriati in Tunisia dopo lo sbarco.'],
  [
    'pl',
    'history',
    'W 1944 roku NKWD deportowało dzieci i ich rodziny na Syberię na rozkaz Stalina.',
  ],
  [
    'ro',
    'strike',
    'Doi copii au fost uciși într-un atac rusesc asupra orașului Odesa din Ucraina.',
  ],
];

const EASY_NEGATIVE = [
  'The central bank kept interest rates unchanged for the third month in a row.',
  'Погода на вихідні: місцями дощ, температура до 20 градусів.',
  'Der Verein gewann das Pokalspiel nach Verlängerung mit 2:1.',
];

describe('relevance: positives in every language', () => {
  it.each(POSITIVE)('%s: %s', (_lang, text) => {
    expect(prefilter(det, text)).toBe(true);
    expect(relevant(text)).toBe(true);
  });
});

describe('relevance: hard negatives are not relevant', () => {
  it.each(HARD_NEGATIVE)('%s %s', (_lang, _kind, text) => {
    expect(relevant(text)).toBe(false);
  });
  it.each(EASY_NEGATIVE)('easy: %s', (text) => {
    expect(prefilter(det, text)).toBe(false);
    expect(relevant(text)).toBe(false);
  });
});

describe('context from neighbours and the title', () => {
  const block = 'The children were deported to camps far from home, the report says.';
  it('a block alone without Ukraine/Russia context is not relevant', () => {
    expect(detectBlocks(det, [{ text: block }])[0]!.relevant).toBe(false);
  });
  it('a neighbour block gives the context', () => {
    const r = detectBlocks(det, [
      { text: 'A new report on the war in Ukraine was published on Monday.' },
      { text: block },
    ]);
    expect(r[1]!.relevant).toBe(true);
    expect(r[1]!.explanation.context).toEqual({ where: 'neighbour', text: 'Ukraine' });
  });
  it('the title gives the context', () => {
    const r = detectBlocks(det, [{ text: block }], { title: 'Russia’s war: a report' });
    expect(r[0]!.relevant).toBe(true);
    expect(r[0]!.explanation.context?.where).toBe('title');
  });
});

describe('explanations', () => {
  it('names the rule and the matched terms', () => {
    const [r] = detectBlocks(det, [
      { text: 'Russia deported the children of Mariupol, officials said.' },
    ]);
    expect(r!.explanation.rule).toBe('child+movement');
    const groups = r!.explanation.terms.map((t) => [t.group, t.text]);
    expect(groups).toContainEqual(['child', 'children']);
    expect(groups).toContainEqual(['movement', 'deported']);
    expect(r!.explanation.context?.where).toBe('block');
  });
  it('a strong term fires alone', () => {
    const [r] = detectBlocks(det, [
      { text: 'Lvova-Belova spoke at a press conference on Tuesday.' },
    ]);
    expect(r!.relevant).toBe(true);
    expect(r!.explanation.rule).toBe('strong');
    expect(r!.explanation.terms[0]!.text).toBe('Lvova-Belova');
  });
  it('a vetoed candidate says why', () => {
    const [r] = detectBlocks(det, [
      { text: 'Ukrainian children were evacuated from Kharkiv as shelling grew.' },
    ]);
    expect(r!.relevant).toBe(false);
    expect(r!.explanation.note).toMatch(/destination/u);
  });
});

describe('annotations', () => {
  it('claim cues open their claim card', () => {
    const text =
      'Russian officials insist Russia took only hundreds of Ukrainian children, for humanitarian reasons, and deported no one.';
    const r = detectPassage(det, text);
    expect(r.relevant).toBe(true);
    const cards = r.annotations.flatMap((a) => a.cards);
    expect(cards).toContain('ru-only-hundreds-humanitarian');
    for (const a of r.annotations) expect(a.quote).toBe(text.slice(a.start, a.end));
  });
  it('falls back to the sentence that carries the topic', () => {
    const text =
      'The weather was cold. Ukraine says Russia abducted the boys from an orphanage. Nothing else happened.';
    const [r] = detectBlocks(det, [{ text }]);
    expect(r!.annotations).toHaveLength(1);
    expect(r!.annotations[0]!.quote).toBe(
      'Ukraine says Russia abducted the boys from an orphanage.',
    );
    expect(r!.annotations[0]!.kind).toBe('topic');
  });
  it('passage offsets map to the whole text', () => {
    const text = 'Weather report.\n\nKyiv says 19,546 Ukrainian children were deported to Russia.';
    const r = detectPassage(det, text);
    const fig = r.annotations.find((a) => a.figures.length > 0)!;
    expect(text.slice(fig.start, fig.end)).toBe(fig.quote);
    expect(fig.quote).toBe('19,546 Ukrainian children');
  });
});

describe('detectLanguage', () => {
  it.each([
    [
      'en',
      'The children were taken from their homes and the authorities said that it was for their safety.',
    ],
    ['uk', 'Діти були вивезені з окупованих територій, і це підтвердили в офісі омбудсмана.'],
    ['ru', 'Дети были вывезены с оккупированных территорий, и это подтвердили в офисе омбудсмена.'],
    [
      'de',
      'Die Kinder wurden aus ihren Häusern geholt und die Behörden sagten, dass es zu ihrer Sicherheit sei.',
    ],
    [
      'fr',
      'Les enfants ont été enlevés de leurs maisons et les autorités ont dit que c’était pour leur sécurité.',
    ],
    [
      'es',
      'Los niños fueron sacados de sus casas y las autoridades dijeron que era por su seguridad.',
    ],
    [
      'it',
      'I bambini sono stati portati via dalle loro case e le autorità hanno detto che era per la loro sicurezza.',
    ],
    ['pl', 'Dzieci zostały zabrane z domów, a władze powiedziały, że to dla ich bezpieczeństwa.'],
    [
      'ro',
      'Copiii au fost luați din casele lor, iar autoritățile au spus că a fost pentru siguranța lor.',
    ],
  ])('%s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
