import { z } from 'zod';
import { HttpsUrl, PartialDate } from './primitives';
import type { Claim, Dataset, Source } from './schema';

/**
 * schema.org ClaimReview JSON-LD, one object per claim. A lossy projection: ClaimReview has
 * no place for our figures (value, series, stance), so they are summarised in
 * `reviewRating.ratingExplanation` and their sources listed in `citation`.
 */
export const PROJECT_NAME = 'Child Deportation Fact-Check (browser extension)';

const Organization = z.strictObject({
  '@type': z.literal('Organization'),
  name: z.string().min(1),
});

const CreativeWork = z.strictObject({
  '@type': z.literal('CreativeWork'),
  url: HttpsUrl,
  name: z.string().min(1),
  publisher: Organization,
  datePublished: PartialDate.optional(),
  inLanguage: z.string().min(2).optional(),
});

export const ClaimReviewJsonLd = z.strictObject({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  identifier: z.string().min(1),
  claimReviewed: z.string().min(1).max(80),
  datePublished: PartialDate,
  inLanguage: z.literal('en'),
  author: Organization,
  itemReviewed: z.strictObject({
    '@type': z.literal('Claim'),
    author: z.union([
      z.strictObject({
        '@type': z.literal('Person'),
        name: z.string().min(1),
        jobTitle: z.string().min(1),
      }),
      z.strictObject({
        '@type': z.literal('Organization'),
        name: z.string().min(1),
        description: z.string().min(1),
      }),
    ]),
    datePublished: PartialDate,
    text: z.string().min(1),
    appearance: z.array(CreativeWork).min(1),
  }),
  reviewRating: z.strictObject({
    '@type': z.literal('Rating'),
    alternateName: z.string().min(1).max(80),
    ratingExplanation: z.string().min(1).max(1200),
  }),
  citation: z.array(CreativeWork).min(1),
});
export type ClaimReviewJsonLd = z.infer<typeof ClaimReviewJsonLd>;

/** Google's guidance: keep claimReviewed under about 75 characters; cut at a word. */
export function shortClaim(text: string, max = 75): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

const ORGANIZATION_WORDS =
  /\b(ministry|delegation|kremlin|officials|government|office|council|agency)\b/i;

function creativeWork(source: Source): z.infer<typeof CreativeWork> {
  return {
    '@type': 'CreativeWork',
    url: source.url,
    name: source.title,
    publisher: { '@type': 'Organization', name: source.publisher },
    ...(source.published ? { datePublished: source.published } : {}),
    inLanguage: source.language,
  };
}

function sourcesOfRef(dataset: Dataset, ref: Claim['contrasts'][number]['ref']): string[] {
  if (ref.kind === 'figure') return dataset.figures.find((f) => f.id === ref.id)?.sources ?? [];
  if (ref.kind === 'finding') return dataset.findings.find((f) => f.id === ref.id)?.sources ?? [];
  const series = ref.id;
  return dataset.figures.filter((f) => f.series === series).flatMap((f) => f.sources);
}

/** The textual rating. We do not grade claims; we set them beside documented records. */
function ratingName(claim: Claim): string {
  return claim.confidence === 'unconfirmed'
    ? 'Unconfirmed wording; set beside documented records'
    : 'Official claim set beside documented records';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function claimToClaimReview(dataset: Dataset, claim: Claim): ClaimReviewJsonLd {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  const lookup = (ids: readonly string[]) =>
    [...new Set(ids)].map((id) => byId.get(id)).filter((s): s is Source => s !== undefined);
  const isOrg = ORGANIZATION_WORDS.test(claim.actor.name);
  const cited = lookup(claim.contrasts.flatMap((c) => sourcesOfRef(dataset, c.ref)));
  const appearances = lookup(claim.sources);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    identifier: claim.id,
    claimReviewed: shortClaim(claim.statement.en),
    datePublished: dataset.date,
    inLanguage: 'en',
    author: { '@type': 'Organization', name: PROJECT_NAME },
    itemReviewed: {
      '@type': 'Claim',
      author: isOrg
        ? { '@type': 'Organization', name: claim.actor.name, description: claim.actor.role }
        : { '@type': 'Person', name: claim.actor.name, jobTitle: claim.actor.role },
      datePublished: claim.date,
      text: claim.original?.text ?? claim.statement.en,
      appearance: appearances.map(creativeWork),
    },
    reviewRating: {
      '@type': 'Rating',
      alternateName: ratingName(claim),
      ratingExplanation: clip(claim.contrasts.map((c) => c.context.en).join(' '), 1200),
    },
    citation: (cited.length > 0 ? cited : appearances).map(creativeWork),
  };
}

/** One validated ClaimReview per claim, in dataset order. Throws if a projection is malformed. */
export function datasetToClaimReviews(dataset: Dataset): ClaimReviewJsonLd[] {
  return dataset.claims.map((claim) => ClaimReviewJsonLd.parse(claimToClaimReview(dataset, claim)));
}
