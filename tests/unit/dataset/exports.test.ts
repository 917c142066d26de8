import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../lib/dataset/bundled';
import {
  CSV_COLUMNS,
  CSV_LIST_SEPARATOR,
  DatasetJsonLd,
  csvField,
  datasetToJsonLd,
  figuresToCsv,
} from '../../../lib/dataset/exports';
import { Dataset } from '../../../lib/dataset/schema';
import { rawDataset } from './fixtures';

const dataset = loadBundledDataset();

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true });
}

describe('schema.org Dataset JSON-LD', () => {
  const jsonld = datasetToJsonLd(dataset);

  it('matches the schema of the properties it uses', () => {
    expect(DatasetJsonLd.safeParse(jsonld).success).toBe(true);
    expect(DatasetJsonLd.safeParse(JSON.parse(JSON.stringify(jsonld))).success).toBe(true);
  });

  it('carries the version, dates, licence, one citation per source and one variable per series', () => {
    expect(jsonld.version).toBe(dataset.version);
    expect(jsonld.dateModified).toBe(dataset.date);
    expect(jsonld.license).toMatch(/^https:\/\//);
    expect(jsonld.citation.map((c) => c.url)).toEqual(dataset.sources.map((s) => s.url));
    expect(jsonld.variableMeasured.map((v) => v.identifier)).toEqual(
      dataset.series.map((s) => s.id),
    );
    const arrivals = jsonld.variableMeasured.find((v) => v.identifier === 'ru-reported-arrivals');
    expect(arrivals?.measurementTechnique).toMatch(/^official claim/);
    expect(jsonld.description).toMatch(/not a fact-check/);
  });

  it('rejects a malformed object', () => {
    expect(DatasetJsonLd.safeParse({ ...jsonld, license: 'MIT' }).success).toBe(false);
    expect(DatasetJsonLd.safeParse({ ...jsonld, variableMeasured: [] }).success).toBe(false);
  });
});

describe('figures CSV', () => {
  const csv = figuresToCsv(dataset);

  it('has a header row and CRLF line ends', () => {
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('round-trips every figure through a CSV parser', () => {
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(dataset.figures.length);
    const series = new Map(dataset.series.map((s) => [s.id, s]));
    const sources = new Map(dataset.sources.map((s) => [s.id, s]));
    rows.forEach((row, i) => {
      const f = dataset.figures[i];
      if (!f) throw new Error(`no figure ${i}`);
      expect(row).toEqual({
        figure_id: f.id,
        series: f.series,
        series_label: series.get(f.series)?.label.en,
        value: String(f.value),
        qualifier: f.qualifier,
        as_of: f.asOf,
        period_start: f.periodStart ?? '',
        kind: f.kind ?? '',
        stance: f.stance,
        confidence: f.confidence,
        source_publishers: f.sources
          .map((id) => sources.get(id)?.publisher)
          .join(CSV_LIST_SEPARATOR),
        source_urls: f.sources.map((id) => sources.get(id)?.url).join(CSV_LIST_SEPARATOR),
      });
    });
  });

  it('quotes commas, quotes and line breaks, and survives them in the data', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(42)).toBe('42');
    const raw = rawDataset();
    const first = raw.series[0];
    if (!first) throw new Error('no series');
    first.label.en = 'Label with "quotes", a comma\nand a line break';
    const d = Dataset.parse(raw);
    const rows = parseCsv(figuresToCsv(d));
    const row = rows.find((r) => r.series === first.id);
    expect(row?.series_label).toBe(first.label.en);
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@user')).toBe("'@user");
  });
});
