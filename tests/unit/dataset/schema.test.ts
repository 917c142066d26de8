import { describe, expect, it } from 'vitest';
import { HttpsUrl, Id, LocalizedText, PartialDate } from '../../../lib/dataset/primitives';
import { Claim, Dataset, Figure, Series, Source } from '../../../lib/dataset/schema';
import { rawDataset } from './fixtures';

const source = {
  id: 'src-example',
  publisher: 'Example',
  title: 'An example page',
  url: 'https://example.org/page',
  published: '2023-07-31',
  language: 'en',
  kind: 'media',
};

describe('primitives', () => {
  it('accepts kebab ids and rejects others', () => {
    expect(Id.safeParse('fig-ua-deported-2023-07-31').success).toBe(true);
    for (const bad of ['Fig', 'a--b', '-a', 'a_b', 'a b', '', 'x'.repeat(81)]) {
      expect(Id.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('accepts full and month dates only', () => {
    for (const good of ['2023-07-31', '2023-07'])
      expect(PartialDate.safeParse(good).success).toBe(true);
    for (const bad of ['2023', '2023-13', '2023-7-1', '31.07.2023', '2023-07-32']) {
      expect(PartialDate.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('allows https URLs only', () => {
    expect(HttpsUrl.safeParse('https://press.un.org/en/2025/ga12738.doc.htm').success).toBe(true);
    for (const bad of [
      'http://example.org/',
      'javascript:alert(1)',
      'data:text/html,hi',
      'https://user:pw@example.org/',
      'not a url',
    ]) {
      expect(HttpsUrl.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('bounds localized text and requires English', () => {
    expect(LocalizedText(10).safeParse({ en: 'short', uk: 'коротко' }).success).toBe(true);
    expect(LocalizedText(10).safeParse({ uk: 'коротко' }).success).toBe(false);
    expect(LocalizedText(10).safeParse({ en: 'far too long a text' }).success).toBe(false);
    expect(LocalizedText(10).safeParse({ en: '   ' }).success).toBe(false);
  });
});

describe('records', () => {
  it('parses a source and defaults its confidence', () => {
    const parsed = Source.parse(source);
    expect(parsed.confidence).toBe('confirmed');
  });

  it('rejects unknown keys (strict objects)', () => {
    expect(Source.safeParse({ ...source, extra: 1 }).success).toBe(false);
  });

  it('rejects a source with a javascript: URL', () => {
    expect(Source.safeParse({ ...source, url: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('requires at least one source on figures and claims', () => {
    const figure = {
      id: 'fig-x',
      series: 'ua-returned',
      value: 1,
      qualifier: 'exact',
      stance: 'documented',
      asOf: '2023-01',
      sources: [],
    };
    expect(Figure.safeParse(figure).success).toBe(false);
    expect(Figure.safeParse({ ...figure, sources: ['src-x'] }).success).toBe(true);
    expect(Figure.safeParse({ ...figure, sources: ['src-x'], value: -1 }).success).toBe(false);
    expect(Figure.safeParse({ ...figure, sources: ['src-x'], value: 1.5 }).success).toBe(false);
  });

  it('requires claims to have contrasts and known narratives', () => {
    const raw = rawDataset();
    const claim = structuredClone(raw.claims[0]);
    expect(Claim.safeParse(claim).success).toBe(true);
    expect(Claim.safeParse({ ...claim, contrasts: [] }).success).toBe(false);
    expect(Claim.safeParse({ ...claim, narratives: ['propaganda'] }).success).toBe(false);
  });

  it('accepts optional caveat sources on a series', () => {
    const raw = rawDataset();
    const series = raw.series.find((s) => s.id === 'ua-verified-deported');
    expect(series?.sources?.length).toBeGreaterThan(0);
    expect(Series.safeParse(series).success).toBe(true);
  });

  it('parses the whole bundled dataset', () => {
    expect(Dataset.safeParse(rawDataset()).success).toBe(true);
  });
});
