import { z } from 'zod';
import {
  AUTHOR_DESCRIPTION,
  CreativeWorkJsonLd,
  PROJECT_NAME,
  creativeWork,
  firstPublished,
} from './claimreview';
import { PartialDate } from './primitives';
import type { Dataset } from './schema';

/** The licence the project (code and data) is published under. */
export const LICENSE_URL = 'https://spdx.org/licenses/MIT.html';

const PropertyValue = z.strictObject({
  '@type': z.literal('PropertyValue'),
  identifier: z.string().min(1),
  name: z.string().min(1),
  description: z.string().min(1),
  unitText: z.string().min(1),
  /** documented, official-claim or estimate: what kind of number the series holds. */
  measurementTechnique: z.string().min(1),
});

/** schema.org `Dataset`, as read by dataset search engines and archives. */
export const DatasetJsonLd = z.strictObject({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('Dataset'),
  name: z.string().min(1),
  description: z.string().min(50),
  version: z.string().min(1),
  datePublished: PartialDate,
  dateModified: PartialDate,
  license: z.string().url(),
  inLanguage: z.array(z.string().min(2)).min(1),
  isAccessibleForFree: z.literal(true),
  creator: z.strictObject({
    '@type': z.literal('Organization'),
    name: z.string().min(1),
    description: z.string().min(1),
  }),
  keywords: z.array(z.string().min(1)).min(1),
  variableMeasured: z.array(PropertyValue).min(1),
  citation: z.array(CreativeWorkJsonLd).min(1),
});
export type DatasetJsonLd = z.infer<typeof DatasetJsonLd>;

const STANCE_TEXT = {
  documented: 'documented: a count of named or verified cases',
  'official-claim': 'official claim: a statement by a Russian official or state body',
  estimate: 'estimate: an extrapolation, a range or a figure that is not case-based',
} as const;

export function datasetToJsonLd(dataset: Dataset): DatasetJsonLd {
  return DatasetJsonLd.parse({
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: 'Deportation and forcible transfer of Ukrainian children: claims, counts and findings',
    description:
      'Official Russian claims about the deportation and forcible transfer of Ukrainian children, ' +
      'set beside documented counts, estimates and the findings of courts, UN bodies, assemblies ' +
      'and researchers, each with its sources, dates and caveats, in English and Ukrainian. ' +
      'A compilation of public records, not a fact-check: it gives no ratings.',
    version: dataset.version,
    datePublished: firstPublished(dataset),
    dateModified: dataset.date,
    license: LICENSE_URL,
    inLanguage: ['en', 'uk'],
    isAccessibleForFree: true,
    creator: { '@type': 'Organization', name: PROJECT_NAME, description: AUTHOR_DESCRIPTION },
    keywords: [
      'Ukraine',
      'Russia',
      'children',
      'deportation',
      'forcible transfer',
      'war crimes',
      'official claims',
    ],
    variableMeasured: dataset.series.map((s) => ({
      '@type': 'PropertyValue',
      identifier: s.id,
      name: s.label.en,
      description: s.caveat.en,
      unitText: s.unit,
      measurementTechnique: STANCE_TEXT[s.stance],
    })),
    citation: dataset.sources.map(creativeWork),
  });
}

/** The columns of the figures CSV, in order. */
export const CSV_COLUMNS = [
  'figure_id',
  'series',
  'series_label',
  'value',
  'qualifier',
  'as_of',
  'period_start',
  'kind',
  'stance',
  'confidence',
  'source_publishers',
  'source_urls',
] as const;

/** Joins several values in one cell. */
export const CSV_LIST_SEPARATOR = ' | ';

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote or a line break, quotes doubled.
 * A text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading "'".
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Figures as CSV for spreadsheets: UTF-8, a header row, CRLF line ends (RFC 4180). */
export function figuresToCsv(dataset: Dataset): string {
  const series = new Map(dataset.series.map((s) => [s.id, s]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const rows = dataset.figures.map((f) => {
    const cited = f.sources.flatMap((id) => {
      const source = sources.get(id);
      return source ? [source] : [];
    });
    const cells: Record<(typeof CSV_COLUMNS)[number], string | number> = {
      figure_id: f.id,
      series: f.series,
      series_label: series.get(f.series)?.label.en ?? '',
      value: f.value,
      qualifier: f.qualifier,
      as_of: f.asOf,
      period_start: f.periodStart ?? '',
      kind: f.kind ?? '',
      stance: f.stance,
      confidence: f.confidence,
      source_publishers: cited.map((s) => s.publisher).join(CSV_LIST_SEPARATOR),
      source_urls: cited.map((s) => s.url).join(CSV_LIST_SEPARATOR),
    };
    return CSV_COLUMNS.map((c) => csvField(cells[c])).join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
