import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../lib/dataset/bundled';
import {
  AUTHOR_DESCRIPTION,
  ClaimReviewJsonLd,
  NOT_A_RATING,
  claimToClaimReview,
  datasetToClaimReviews,
} from '../../../lib/dataset/claimreview';
import type { Claim } from '../../../lib/dataset/schema';

const dataset = loadBundledDataset();
const reviews = datasetToClaimReviews(dataset);
const review = (id: string) => {
  const r = reviews.find((x) => x.identifier === id);
  if (!r) throw new Error(`no review for ${id}`);
  return r;
};
const claim = (id: string): Claim => {
  const c = dataset.claims.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
};

describe('ClaimReview export', () => {
  it('emits one valid object per claim, in order', () => {
    expect(reviews).toHaveLength(dataset.claims.length);
    reviews.forEach((r, i) => {
      expect(ClaimReviewJsonLd.safeParse(r).success).toBe(true);
      expect(r.identifier).toBe(dataset.claims[i]?.id);
    });
  });

  it('describes its author truthfully and states no verdict', () => {
    for (const r of reviews) {
      expect(r.author.description).toBe(AUTHOR_DESCRIPTION);
      expect(r.author.description).toMatch(/not a fact-checking organisation/);
      expect(r.reviewRating.alternateName).toBe(NOT_A_RATING);
    }
  });

  it('uses the written summary as claimReviewed, never a cut-off statement', () => {
    dataset.claims.forEach((c, i) => {
      const r = reviews[i];
      expect(c.summary, c.id).toBeDefined();
      expect(r?.claimReviewed).toBe(c.summary);
      expect(r?.claimReviewed.length).toBeLessThanOrEqual(75);
      expect(r?.claimReviewed.endsWith('…')).toBe(false);
    });
    const { summary: _dropped, ...withoutSummary } = claim('ru-evacuation-rescue');
    const fallback = claimToClaimReview(dataset, withoutSummary);
    expect(fallback.claimReviewed).toBe(claim('ru-evacuation-rescue').statement.en);
  });

  it('names the real claimant: a person, an institution, or who characterised a narrative', () => {
    expect(review('ru-evacuation-rescue').itemReviewed.author).toEqual({
      '@type': 'Person',
      name: 'Vladimir Putin',
      jobTitle: 'President of Russia',
    });
    expect(review('ru-mfa-exclusively-evacuation').itemReviewed.author).toMatchObject({
      '@type': 'Organization',
      name: 'Russian Ministry of Foreign Affairs',
    });
    const isw = review('ru-returns-us-cooperation').itemReviewed.author;
    expect(isw).toMatchObject({ '@type': 'Organization', name: 'Institute for the Study of War' });
    expect('description' in isw && isw.description).toMatch(/characterisation/);
    for (const r of reviews)
      expect(JSON.stringify(r.itemReviewed.author)).not.toMatch(/as characterized by/);
  });

  it('gives the claim its own date and language, and this dataset its publication dates', () => {
    const r = review('ru-evacuation-rescue');
    expect(r.itemReviewed.datePublished).toBe('2023-06-17');
    expect(r.itemReviewed.inLanguage).toBe('ru');
    expect(r.dateModified).toBe(dataset.date);
    const oldest = dataset.changelog.map((e) => e.date).sort()[0];
    expect(r.datePublished).toBe(oldest);
    expect(r.datePublished < r.dateModified).toBe(true);
  });

  it('credits the original reporter of a mirror, and the earliest appearance first', () => {
    const r = review('ru-no-abducted-child');
    const rambler = r.itemReviewed.appearance.find((a) => a.url.includes('rambler.ru'));
    expect(rambler?.isBasedOn).toEqual({ '@type': 'CreativeWork', creditText: 'TASS' });
    const withoutVia = r.itemReviewed.appearance.find((a) => a.url.includes('rg.ru'));
    expect(withoutVia?.isBasedOn).toBeUndefined();
    const dates = r.itemReviewed.appearance.flatMap((a) =>
      a.datePublished ? [a.datePublished] : [],
    );
    expect(r.itemReviewed.firstAppearance.datePublished).toBe([...dates].sort()[0]);
    expect(r.citation.length).toBeGreaterThan(0);
  });

  it('rejects a malformed or dishonest projection', () => {
    const base = review('ru-evacuation-rescue');
    const badUrl = structuredClone(base) as unknown as { citation: { url: string }[] };
    const first = badUrl.citation[0];
    if (first) first.url = 'javascript:alert(1)';
    expect(ClaimReviewJsonLd.safeParse(badUrl).success).toBe(false);
    expect(
      ClaimReviewJsonLd.safeParse({ ...base, claimReviewed: 'Russia moved children…' }).success,
    ).toBe(false);
    expect(
      ClaimReviewJsonLd.safeParse({
        ...base,
        reviewRating: { ...base.reviewRating, alternateName: 'False' },
      }).success,
    ).toBe(false);
  });
});
