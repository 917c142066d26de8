import { z } from 'zod';
/*
 * The dataset's records: sources, series, figures, claims and findings. Apart from the
 * dataset as a whole (`schema.ts`, with its lexicon and changelog, which re-exports these)
 * so that the card records (`lib/cards/schema.ts`, stage 3 in pages) bundle only them.
 */
import { QUALIFIERS } from './formats';
import {
  Confidence,
  HttpsUrl,
  Id,
  LanguageCode,
  LocalizedText,
  PartialDate,
  Quote,
  text,
} from './primitives';

export const SourceKind = z.enum([
  'official-ua',
  'official-ru',
  'international',
  'court',
  'research',
  'ngo',
  'media',
]);
export type SourceKind = z.infer<typeof SourceKind>;

export const Source = z.strictObject({
  id: Id,
  publisher: text(160),
  title: text(300),
  url: HttpsUrl,
  /** Publication date shown on the page; null when the page gave none. */
  published: PartialDate.nullable(),
  language: LanguageCode,
  kind: SourceKind,
  /** Who the outlet relays, when it is a mirror or repost (e.g. "Reuters", "TASS"). */
  via: text(160).optional(),
  confidence: Confidence.default('confirmed'),
  note: text(400).optional(),
});
export type Source = z.infer<typeof Source>;

/**
 * documented: a count of named or verified cases (Ukraine, UN, researchers, NGOs);
 * official-claim: a statement by a Russian official or state body;
 * estimate: an extrapolation, a range, or a figure that is not case-based.
 */
export const Stance = z.enum(['documented', 'official-claim', 'estimate']);
export type Stance = z.infer<typeof Stance>;

/**
 * What a series' own wording says happened to the children, weakest to strongest claim:
 * `arrived` (Russia's "received", "evacuated", "found refuge"), `placed` (in families or
 * institutions), `reunited`, `returned`, `located` (traced to a place), `deported`
 * (deported or forcibly transferred). A figure's quote may not use a stronger verb than
 * its series (see `crossref`).
 */
export const Movement = z.enum([
  'arrived',
  'placed',
  'reunited',
  'returned',
  'located',
  'deported',
]);
export type Movement = z.infer<typeof Movement>;

export const Series = z.strictObject({
  id: Id,
  label: LocalizedText(160),
  /** What the number counts and what it does not; shown beside every figure of it. */
  caveat: LocalizedText(600),
  stance: Stance,
  /** Who publishes the series (e.g. "Government of Ukraine", "Yale HRL"). */
  publisher: text(160),
  unit: z.enum(['children', 'facilities', 'regions', 'locations', 'people']),
  /** What the series' own wording says happened (see `Movement`). */
  movement: Movement.optional(),
  /** Where the caveat itself comes from (e.g. an interview on what the count includes). */
  sources: z.array(Id).max(8).optional(),
});
export type Series = z.infer<typeof Series>;

/** Who states a figure's number, as its sources report it. */
export const Speaker = z.strictObject({
  name: text(160),
  /** `ru-official`: a Russian official or state body, directly or as relayed by others. */
  side: z.enum([
    'ru-official',
    'ua-official',
    'us-official',
    'international',
    'research',
    'ngo',
    'media',
  ]),
});
export type Speaker = z.infer<typeof Speaker>;

export const Qualifier = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof Qualifier>;

export const Figure = z.strictObject({
  id: Id,
  series: Id,
  value: z.number().int().nonnegative().max(100_000_000),
  qualifier: Qualifier,
  stance: Stance,
  /** The date the figure refers to (or the date it was said); the end of a period. */
  asOf: PartialDate,
  /** When the figure covers a period (e.g. April–October 2022), its first month or day. */
  periodStart: PartialDate.optional(),
  /** Who states the number; a Russian official's number is never `documented`. */
  statedBy: Speaker.optional(),
  /**
   * `cumulative`: a running total since a start date; `per-event`: one round or group.
   * A series holds one kind only, so a timeline never draws a group beside a total.
   */
  kind: z.enum(['cumulative', 'per-event']).optional(),
  sources: z.array(Id).min(1).max(8),
  quote: Quote.optional(),
  /** Scope, how it relates to other figures, or where sources disagree. */
  note: LocalizedText(600).optional(),
  confidence: Confidence.default('confirmed'),
});
export type Figure = z.infer<typeof Figure>;

export const Narrative = z.enum([
  'humanitarian-evacuation',
  'with-family',
  'downplay-scale',
  'denial',
  'legal-null',
  'return-to-relatives',
  'us-goodwill',
  'attack-accusers',
  'identity',
]);
export type Narrative = z.infer<typeof Narrative>;

export const RecordRef = z.strictObject({
  kind: z.enum(['figure', 'finding', 'series']),
  id: Id,
});
export type RecordRef = z.infer<typeof RecordRef>;

export const Contrast = z.strictObject({
  ref: RecordRef,
  /** One or two neutral sentences: how this record bears on the claim. */
  context: LocalizedText(500),
});
export type Contrast = z.infer<typeof Contrast>;

export const Claim = z.strictObject({
  id: Id,
  actor: z.strictObject({
    name: text(120),
    role: text(200),
    /** A person or an institution; exports use it to name the claimant. */
    type: z.enum(['person', 'organization']).optional(),
    /**
     * Set when the claim is a narrative someone else described (e.g. ISW): exports then
     * credit the describer, never an invented speaker.
     */
    characterizedBy: text(160).optional(),
  }),
  date: PartialDate,
  statement: LocalizedText(400),
  /** A short summary of what is claimed (under 75 characters), for exports; never a cut-off statement. */
  summary: text(75).optional(),
  original: Quote.optional(),
  narratives: z.array(Narrative).min(1).max(4),
  sources: z.array(Id).min(1).max(8),
  contrasts: z.array(Contrast).min(1).max(8),
  confidence: Confidence.default('confirmed'),
  note: LocalizedText(500).optional(),
});
export type Claim = z.infer<typeof Claim>;

export const Vote = z.strictObject({
  for: z.number().int().nonnegative(),
  against: z.number().int().nonnegative(),
  abstain: z.number().int().nonnegative(),
});

export const Finding = z.strictObject({
  id: Id,
  body: text(160),
  bodyKind: z.enum(['court', 'un', 'intergovernmental', 'parliament', 'research', 'government']),
  date: PartialDate,
  title: LocalizedText(200),
  summary: LocalizedText(700),
  quote: Quote.optional(),
  vote: Vote.optional(),
  sources: z.array(Id).min(1).max(8),
  confidence: Confidence.default('confirmed'),
});
export type Finding = z.infer<typeof Finding>;
