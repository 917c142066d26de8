import { z } from 'zod';
import { HttpsUrl, PartialDate } from './primitives';
import type { Claim, Dataset, Source } from './schema';

/**
 * schema.org ClaimReview JSON-LD, one object per claim, for tools that read the markup
 * (Google's Fact Check Explorer and other fact-checking tools). It says what it is: a
 * compilation of public records that sets an official claim beside documented records.
 * It states no verdict, names the real claimant (or who characterised a narrative), and
 * credits the original reporter where a source is a mirror or repost.
 */
export const PROJECT_NAME =
  'Context Cards: public records on the deportation of Ukrainian children';

export const AUTHOR_DESCRIPTION =
  'A compilation of public records (official statements, counts, findings and their sources) ' +
  'shipped with an open-source browser extension. It is not a fact-checking organisation and ' +
  'gives no ratings or verdicts.';

/** What consumers show where a fact-checker's verdict would be. */
export const NOT_A_RATING = 'Not rated: context from public records';

const Organization = z.strictObject({
  '@type': z.literal('Organization'),
  name: z.string().min(1),
  description: z.string().min(1).optional(),
});

/** The original reporter behind a mirror or repost. */
const BasedOn = z.strictObject({
  '@type': z.literal('CreativeWork'),
  creditText: z.string().min(1),
});

export const CreativeWorkJsonLd = z.strictObject({
  '@type': z.literal('CreativeWork'),
  url: HttpsUrl,
  name: z.string().min(1),
  publisher: Organization,
  datePublished: PartialDate.optional(),
  inLanguage: z.string().min(2),
  isBasedOn: BasedOn.optional(),
});
export type CreativeWorkJsonLd = z.infer<typeof CreativeWorkJsonLd>;

const Person = z.strictObject({
  '@type': z.literal('Person'),
  name: z.string().min(1),
  jobTitle: z.string().min(1),
});

export const ClaimReviewJsonLd = z.strictObject({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  identifier: z.string().min(1),
  /** A short summary written for the purpose, never a cut-off statement. */
  claimReviewed: z
    .string()
    .min(1)
    .refine((t) => !t.endsWith('…'), 'must not be a cut-off text'),
  /** When the record was first published in the dataset; `dateModified` is this version. */
  datePublished: PartialDate,
  dateModified: PartialDate,
  inLanguage: z.literal('en'),
  author: Organization.extend({ description: z.string().min(1) }),
  itemReviewed: z.strictObject({
    '@type': z.literal('Claim'),
    author: z.union([Person, Organization.extend({ description: z.string().min(1) })]),
    datePublished: PartialDate,
    inLanguage: z.string().min(2).optional(),
    text: z.string().min(1),
    firstAppearance: CreativeWorkJsonLd,
    appearance: z.array(CreativeWorkJsonLd).min(1),
  }),
  reviewRating: z.strictObject({
    '@type': z.literal('Rating'),
    alternateName: z.literal(NOT_A_RATING),
    ratingExplanation: z.string().min(1),
  }),
  citation: z.array(CreativeWorkJsonLd).min(1),
});
export type ClaimReviewJsonLd = z.infer<typeof ClaimReviewJsonLd>;

/** A source as a schema.org CreativeWork; a mirror credits the outlet it relays. */
export function creativeWork(source: Source): CreativeWorkJsonLd {
  return {
    '@type': 'CreativeWork',
    url: source.url,
    name: source.title,
    publisher: { '@type': 'Organization', name: source.publisher },
    ...(source.published ? { datePublished: source.published } : {}),
    inLanguage: source.language,
    ...(source.via ? { isBasedOn: { '@type': 'CreativeWork', creditText: source.via } } : {}),
  };
}

function sourcesOfRef(dataset: Dataset, ref: Claim['contrasts'][number]['ref']): string[] {
  if (ref.kind === 'figure') return dataset.figures.find((f) => f.id === ref.id)?.sources ?? [];
  if (ref.kind === 'finding') return dataset.findings.find((f) => f.id === ref.id)?.sources ?? [];
  const series = ref.id;
  return dataset.figures.filter((f) => f.series === series).flatMap((f) => f.sources);
}

/** The date the dataset was first published: its oldest changelog entry. */
export function firstPublished(dataset: Dataset): string {
  return dataset.changelog.map((e) => e.date).reduce((a, b) => (b < a ? b : a), dataset.date);
}

function claimant(claim: Claim): ClaimReviewJsonLd['itemReviewed']['author'] {
  const { actor } = claim;
  if (actor.characterizedBy)
    return {
      '@type': 'Organization',
      name: actor.characterizedBy,
      description: `${actor.characterizedBy}'s characterisation of a narrative it attributes to ${actor.name.replace(/\s*\(.*\)$/, '')}; not a statement by a named speaker.`,
    };
  if (actor.type === 'organization')
    return { '@type': 'Organization', name: actor.name, description: actor.role };
  return { '@type': 'Person', name: actor.name, jobTitle: actor.role };
}

/** The earliest dated appearance, or the first one when none is dated. */
function earliest(works: CreativeWorkJsonLd[]): CreativeWorkJsonLd | undefined {
  const dated = works.filter((w) => w.datePublished !== undefined);
  if (dated.length === 0) return works[0];
  return dated.reduce((a, b) => ((b.datePublished ?? '') < (a.datePublished ?? '') ? b : a));
}

export function claimToClaimReview(dataset: Dataset, claim: Claim): ClaimReviewJsonLd {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  const lookup = (ids: readonly string[]) =>
    [...new Set(ids)].map((id) => byId.get(id)).filter((s): s is Source => s !== undefined);
  const cited = lookup(claim.contrasts.flatMap((c) => sourcesOfRef(dataset, c.ref)));
  const appearances = lookup(claim.sources).map(creativeWork);
  const first = earliest(appearances);
  if (!first) throw new Error(`${claim.id}: the claim has no source to cite`);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    identifier: claim.id,
    claimReviewed: claim.summary ?? claim.statement.en,
    datePublished: firstPublished(dataset),
    dateModified: dataset.date,
    inLanguage: 'en',
    author: { '@type': 'Organization', name: PROJECT_NAME, description: AUTHOR_DESCRIPTION },
    itemReviewed: {
      '@type': 'Claim',
      author: claimant(claim),
      datePublished: claim.date,
      ...(claim.original ? { inLanguage: claim.original.lang } : { inLanguage: 'en' }),
      text: claim.original?.text ?? claim.statement.en,
      firstAppearance: first,
      appearance: appearances,
    },
    reviewRating: {
      '@type': 'Rating',
      alternateName: NOT_A_RATING,
      ratingExplanation: claim.contrasts.map((c) => c.context.en).join(' '),
    },
    citation: cited.length > 0 ? cited.map(creativeWork) : appearances,
  };
}

/** One validated ClaimReview per claim, in dataset order. Throws if a projection is malformed. */
export function datasetToClaimReviews(dataset: Dataset): ClaimReviewJsonLd[] {
  return dataset.claims.map((claim) => ClaimReviewJsonLd.parse(claimToClaimReview(dataset, claim)));
}
