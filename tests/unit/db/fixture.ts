import { Dataset, type DatasetInput } from '@/lib/dataset';
import { FactDb, createOptionsHandlers } from '@/lib/db';
import { createRouter } from '@/lib/messages';

/**
 * A small dataset, valid per the schemas, for database tests. The figures of
 * `ua-verified-deported` are deliberately listed out of date order.
 */
export const fixtureInput: DatasetInput = {
  version: '2026.11.01',
  date: '2026-11-01',
  changelog: [{ version: '2026.11.01', date: '2026-11-01', changes: ['Test fixture.'] }],
  sources: [
    {
      id: 'bkb-portal',
      publisher: 'Government of Ukraine',
      title: 'Children of War portal',
      url: 'https://childrenofwar.gov.ua/en/',
      published: null,
      language: 'en',
      kind: 'official-ua',
    },
    {
      id: 'tass-arrivals',
      publisher: 'TASS',
      title: 'Minors received from Ukraine',
      url: 'https://tass.com/society/1',
      published: '2023-06-01',
      language: 'ru',
      kind: 'official-ru',
    },
    {
      id: 'icc-warrants',
      publisher: 'International Criminal Court',
      title: 'Situation in Ukraine: arrest warrants',
      url: 'https://www.icc-cpi.int/news/situation-ukraine',
      published: '2023-03-17',
      language: 'en',
      kind: 'court',
    },
    {
      id: 'reuters-claim',
      publisher: 'Reuters',
      title: 'Official says children were evacuated',
      url: 'https://www.reuters.com/world/europe/example',
      published: '2023-04-04',
      language: 'en',
      kind: 'media',
    },
  ],
  series: [
    {
      id: 'ua-verified-deported',
      label: { en: 'Children verified as deported by Ukraine' },
      caveat: { en: 'Counts children verified by name; the true number is higher.' },
      stance: 'documented',
      publisher: 'Government of Ukraine',
      unit: 'children',
    },
    {
      id: 'ru-reported-arrivals',
      label: { en: 'Minors Russia says it received' },
      caveat: { en: 'Mostly with families; not a count of forced deportations.' },
      stance: 'official-claim',
      publisher: 'Russian officials',
      unit: 'children',
    },
  ],
  figures: [
    {
      id: 'ua-verified-2024-06',
      series: 'ua-verified-deported',
      value: 19546,
      qualifier: 'exact',
      stance: 'documented',
      asOf: '2024-06-01',
      sources: ['bkb-portal'],
    },
    {
      id: 'ua-verified-2023-03',
      series: 'ua-verified-deported',
      value: 16221,
      qualifier: 'exact',
      stance: 'documented',
      asOf: '2023-03-15',
      sources: ['bkb-portal'],
    },
    {
      id: 'ua-verified-2025-01',
      series: 'ua-verified-deported',
      value: 19600,
      qualifier: 'about',
      stance: 'documented',
      asOf: '2025-01',
      sources: ['bkb-portal', 'reuters-claim'],
    },
    {
      id: 'ru-arrivals-2023',
      series: 'ru-reported-arrivals',
      value: 700000,
      qualifier: 'about',
      stance: 'official-claim',
      asOf: '2023-07',
      sources: ['tass-arrivals'],
      quote: { text: 'около 700 тысяч детей', lang: 'ru' },
    },
    {
      id: 'ru-arrivals-2022',
      series: 'ru-reported-arrivals',
      value: 307000,
      qualifier: 'more-than',
      stance: 'official-claim',
      asOf: '2022-08-01',
      sources: ['tass-arrivals'],
    },
  ],
  claims: [
    {
      id: 'claim-evacuated-for-safety',
      actor: { name: 'Maria Lvova-Belova', role: 'Russian children’s rights commissioner' },
      date: '2023-04-04',
      statement: { en: 'The children were evacuated for their safety.' },
      narratives: ['humanitarian-evacuation', 'with-family'],
      sources: ['reuters-claim'],
      contrasts: [
        {
          ref: { kind: 'finding', id: 'icc-2023-warrants' },
          context: { en: 'The ICC found grounds for warrants.' },
        },
        {
          ref: { kind: 'figure', id: 'ua-verified-2023-03' },
          context: { en: 'Ukraine had verified 16,221 children.' },
        },
        {
          ref: { kind: 'series', id: 'ua-verified-deported' },
          context: { en: 'The verified count kept rising.' },
        },
      ],
    },
    {
      id: 'claim-only-hundreds',
      actor: { name: 'Official', role: 'Spokesperson' },
      date: '2024-02',
      statement: { en: 'Only hundreds of children were involved.' },
      narratives: ['downplay-scale'],
      sources: ['tass-arrivals'],
      contrasts: [
        {
          ref: { kind: 'figure', id: 'ru-arrivals-2023' },
          context: { en: 'Russia itself reported far more.' },
        },
        {
          ref: { kind: 'series', id: 'ru-reported-arrivals' },
          context: { en: 'Mostly families, by Russia’s own account.' },
        },
      ],
    },
  ],
  findings: [
    {
      id: 'icc-2023-warrants',
      body: 'International Criminal Court',
      bodyKind: 'court',
      date: '2023-03-17',
      title: { en: 'Arrest warrants for unlawful deportation of children' },
      summary: {
        en: 'Pre-Trial Chamber II issued warrants for the unlawful deportation of children.',
      },
      sources: ['icc-warrants'],
    },
  ],
  lexicon: [
    {
      lang: 'en',
      child: ['child', 'children'],
      movement: ['deport*'],
      euphemism: ['evacuat*'],
      return: ['return*'],
      context: ['ukrain*'],
      strong: ['lvova-belova'],
      claimCues: [{ id: 'claim-only-hundreds', patterns: ['only hundreds'] }],
      seriesCues: [],
    },
  ],
};

/** A fresh, parsed copy of the fixture (tests may mutate it). */
export function makeFixture(change?: (input: DatasetInput) => void): Dataset {
  const input = structuredClone(fixtureInput);
  change?.(input);
  return Dataset.parse(input);
}

let counter = 0;

/** A database with a name no other test uses. */
export function freshDb(prefix = 'test'): FactDb {
  counter += 1;
  return new FactDb(`${prefix}-${counter}-${Math.random().toString(36).slice(2)}`);
}

/**
 * The fixture as the cross-reference rules of an import want it (the database tests need
 * only the schemas): no figure dated after its source was published.
 */
export function validFixtureInput(): DatasetInput {
  const input = structuredClone(fixtureInput);
  input.sources.find((s) => s.id === 'reuters-claim')!.published = '2025-02-01';
  input.sources.find((s) => s.id === 'tass-arrivals')!.published = '2023-08-01';
  return input;
}

/**
 * The background's router for options-page tests: the real options handlers over `options`,
 * and fixed answers for the page requests those tests never send.
 */
export function optionsRouter(
  ownId: string,
  options: Parameters<typeof createOptionsHandlers>[0],
): ReturnType<typeof createRouter> {
  return createRouter(ownId, {
    ping: () => ({ ok: true, pong: true }),
    status: () => ({ ok: true, version: '0', datasetVersion: null, ready: true }),
    'report-annotations': () => ({ ok: true }),
    'get-cards': () => ({ ok: true, cards: {}, missing: [] }),
    'ensure-detector': () => ({ ok: true, ready: true }),
    'load-stage-2': () => ({ ok: true }),
    'check-page': () => ({ ok: true, loaded: false }),
    'detect-blocks': () => ({ ok: true, verdicts: null }),
    'get-card-titles': ({ annotations }) => ({ ok: true, titles: annotations.map(() => null) }),
    'load-stage-3': () => ({ ok: true }),
    'dismiss-annotation': () => ({ ok: true }),
    ...createOptionsHandlers(options),
  });
}
