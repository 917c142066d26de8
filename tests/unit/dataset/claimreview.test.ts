import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../lib/dataset/bundled';
import {
  ClaimReviewJsonLd,
  datasetToClaimReviews,
  shortClaim,
} from '../../../lib/dataset/claimreview';

const dataset = loadBundledDataset();

describe('ClaimReview projection', () => {
  const reviews = datasetToClaimReviews(dataset);

  it('emits one valid object per claim, in order', () => {
    expect(reviews).toHaveLength(dataset.claims.length);
    reviews.forEach((review, i) => {
      expect(ClaimReviewJsonLd.safeParse(review).success).toBe(true);
      expect(review.identifier).toBe(dataset.claims[i]?.id);
    });
  });

  it('keeps claimReviewed short and carries the claimant, date and appearances', () => {
    const review = reviews.find((r) => r.identifier === 'ru-evacuation-rescue');
    expect(review).toBeDefined();
    if (!review) return;
    expect(review['@context']).toBe('https://schema.org');
    expect(review['@type']).toBe('ClaimReview');
    expect(review.itemReviewed.author).toMatchObject({ '@type': 'Person', name: 'Vladimir Putin' });
    expect(review.itemReviewed.datePublished).toBe('2023-06-17');
    expect(review.itemReviewed.appearance[0]?.url).toMatch(/^https:\/\/ria\.ru\//);
    expect(review.citation.length).toBeGreaterThan(0);
    expect(review.reviewRating.ratingExplanation.length).toBeGreaterThan(20);
    for (const r of reviews) expect(r.claimReviewed.length).toBeLessThanOrEqual(75);
  });

  it('treats institutional actors as organisations', () => {
    const review = reviews.find((r) => r.identifier === 'ru-mfa-exclusively-evacuation');
    expect(review?.itemReviewed.author['@type']).toBe('Organization');
  });

  it('shortens at a word boundary', () => {
    expect(shortClaim('short')).toBe('short');
    const long = shortClaim('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(75);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('rejects a malformed projection', () => {
    const bad = structuredClone(reviews[0]) as Record<string, unknown>;
    bad.citation = [
      {
        '@type': 'CreativeWork',
        url: 'javascript:alert(1)',
        name: 'x',
        publisher: { '@type': 'Organization', name: 'y' },
      },
    ];
    expect(ClaimReviewJsonLd.safeParse(bad).success).toBe(false);
  });
});
