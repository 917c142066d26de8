import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../lib/dataset/bundled';
import type { Dataset } from '../../../lib/dataset/schema';

const REQUIRED_SERIES = [
  'ua-verified-deported',
  'ua-returned',
  'ru-reported-arrivals',
  'ru-ombudsman-reunified',
  'yale-hrl-children-in-facilities',
  'yale-hrl-facilities',
  'yale-hrl-belarus',
  'yale-hrl-adoption-fostering',
  'yale-hrl-locations',
  'un-coi-confirmed-cases',
  'ru-placement-regions',
  'us-first-lady-returns',
];

const REQUIRED_CLAIMS = [
  'ru-only-hundreds-humanitarian',
  'ru-returns-us-cooperation',
  'ru-evacuation-rescue',
  'ru-all-with-parents',
  'ru-19500-figure-fake',
  'ru-no-abducted-child',
  'ru-icc-warrant-null',
  'ru-700000-received',
];

const dataset: Dataset = loadBundledDataset();
const figuresOf = (series: string) => dataset.figures.filter((f) => f.series === series);
const values = (series: string) => figuresOf(series).map((f) => f.value);

describe('bundled dataset', () => {
  it('loads and validates against the real clock', () => {
    expect(dataset.version).toBe('2026.12.01.2');
    // The newest changelog entry describes this version.
    expect(dataset.changelog[0]?.version).toBe(dataset.version);
    expect(dataset.changelog.map((e) => e.version)).toEqual([
      '2026.12.01.2',
      '2026.12.01.1',
      '2026.12.01',
      '2026.11.29',
    ]);
  });

  it('validates with a reference day equal to its own date', () => {
    expect(() => loadBundledDataset({ today: dataset.date })).not.toThrow();
  });

  it('meets the minimum counts', () => {
    expect(dataset.sources.length).toBeGreaterThanOrEqual(40);
    expect(dataset.claims.length).toBeGreaterThanOrEqual(20);
    expect(figuresOf('ua-verified-deported').length).toBeGreaterThanOrEqual(10);
    expect(figuresOf('ua-returned').length).toBeGreaterThanOrEqual(8);
  });

  it('has the required series and claims', () => {
    const series = new Set(dataset.series.map((s) => s.id));
    for (const id of REQUIRED_SERIES) expect(series.has(id), id).toBe(true);
    const claims = new Set(dataset.claims.map((c) => c.id));
    for (const id of REQUIRED_CLAIMS) expect(claims.has(id), id).toBe(true);
  });

  it('gives series the right stances', () => {
    const stance = Object.fromEntries(dataset.series.map((s) => [s.id, s.stance]));
    expect(stance['ua-verified-deported']).toBe('documented');
    expect(stance['ua-returned']).toBe('documented');
    expect(stance['ru-reported-arrivals']).toBe('official-claim');
    expect(stance['ru-ombudsman-reunified']).toBe('official-claim');
  });

  it("holds Ukraine's verified count, 19,546 as of 31 July 2023, and the key points since 2022", () => {
    const fig = dataset.figures.find(
      (f) => f.series === 'ua-verified-deported' && f.value === 19546 && f.asOf === '2023-07-31',
    );
    expect(fig).toBeDefined();
    const v = values('ua-verified-deported');
    expect(v).toEqual(expect.arrayContaining([5754, 16226, 19546]));
    expect(v.filter((x) => x === 19546).length).toBeGreaterThanOrEqual(3);
    const dates = figuresOf('ua-verified-deported').map((f) => f.asOf);
    expect(dates.some((d) => d.startsWith('2022'))).toBe(true);
    expect(dates.some((d) => d.startsWith('2025'))).toBe(true);
  });

  it('has returns from 47 in 2022 to about 2,000 in February 2026', () => {
    const returned = figuresOf('ua-returned');
    expect(returned.find((f) => f.value === 47 && f.asOf.startsWith('2022'))).toBeDefined();
    expect(
      returned.find(
        (f) => f.value === 2000 && f.qualifier === 'about' && f.asOf.startsWith('2026-02'),
      ),
    ).toBeDefined();
  });

  it('keeps the anonymous TASS totals as arrivals, not deportations', () => {
    for (const value of [738000, 744000]) {
      const fig = dataset.figures.find(
        (f) => f.series === 'ru-reported-arrivals' && f.value === value,
      );
      expect(fig, String(value)).toBeDefined();
      expect(fig?.note?.en).toMatch(/TASS/);
      expect(fig?.note?.en).toMatch(/arrived/);
    }
    expect(values('ru-reported-arrivals')).toEqual(
      expect.arrayContaining([730000, 700000, 524153]),
    );
  });

  it('has the other required figures', () => {
    expect(values('ru-ombudsman-reunified')).toEqual(expect.arrayContaining([122, 134]));
    expect(values('yale-hrl-children-in-facilities')).toContain(6000);
    expect(values('yale-hrl-facilities')).toContain(43);
    expect(values('yale-hrl-belarus')).toContain(2442);
    expect(values('yale-hrl-adoption-fostering')).toContain(314);
    expect(values('yale-hrl-locations')).toContain(210);
    expect(values('un-coi-confirmed-cases')).toContain(1205);
    expect(values('ru-placement-regions')).toEqual(expect.arrayContaining([19, 20, 21, 57]));
    expect(values('us-first-lady-returns')).toEqual(expect.arrayContaining([8, 7, 6]));
  });

  it("records the key findings with the courts' and assemblies' own terms", () => {
    const icc = dataset.findings.find((f) => f.id === 'finding-icc-warrants-2023');
    expect(icc?.date).toBe('2023-03-17');
    expect(icc?.summary.en).toContain('unlawful deportation of population (children)');
    expect(icc?.summary.en).toContain('unlawful transfer of population (children)');
    expect(icc?.summary.en).toContain('at least from 24 February 2022');
    const unga = dataset.findings.find((f) => f.id === 'finding-unga-2025');
    expect(unga?.vote).toEqual({ for: 91, against: 12, abstain: 57 });
    expect(unga?.sources).toContain('src-un-ga12738');
    const pace = dataset.findings.find((f) => f.id === 'finding-pace-doc-15748-2023');
    expect(pace?.summary.en).toContain('systematic State policy');
    for (const id of [
      'finding-un-coi-2023',
      'finding-un-coi-2026',
      'finding-osce-moscow-mechanism-2023',
      'finding-ep-resolution-2025',
      'finding-isw-2025-bargaining-chips',
    ]) {
      expect(
        dataset.findings.some((f) => f.id === id),
        id,
      ).toBe(true);
    }
  });

  it('gives every series a Ukrainian label and caveat, and every claim a Ukrainian statement', () => {
    for (const s of dataset.series) {
      expect(s.label.uk, s.id).toBeTruthy();
      expect(s.caveat.uk, s.id).toBeTruthy();
    }
    for (const c of dataset.claims) expect(c.statement.uk, c.id).toBeTruthy();
  });

  it('marks unconfirmed items and explains them', () => {
    const unconfirmed = [...dataset.figures, ...dataset.claims].filter(
      (r) => r.confidence === 'unconfirmed',
    );
    expect(unconfirmed.length).toBeGreaterThan(0);
    for (const r of unconfirmed) expect(r.note?.en, r.id).toBeTruthy();
  });

  it('uses only https URLs, each once', () => {
    const urls = dataset.sources.map((s) => s.url);
    for (const url of urls) expect(new URL(url).protocol).toBe('https:');
    expect(new Set(urls).size).toBe(urls.length);
  });
});
