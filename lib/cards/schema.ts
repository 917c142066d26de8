import { z } from 'zod';
import { LocalizedText } from '@/lib/dataset/primitives';
import { Claim, Figure, Finding, RecordRef, Series, Source } from '@/lib/dataset/schema';

/*
 * What a context card needs, resolved in one query. Every card carries its `kind` and
 * the plain record `id` (not the prefixed card id). These schemas validate the
 * `get-cards` response in the content script, so this module must stay free of Dexie
 * (it is imported by `lib/messages/protocol.ts`).
 */

/**
 * True when the card must tell the reader that something is unconfirmed: the record
 * itself, or one of the sources it shows, is marked `unconfirmed`.
 */
const Unconfirmed = z.boolean();

/** A figure with its sources resolved (missing sources are left out). */
export const FigureEntry = z.strictObject({
  figure: Figure,
  sources: z.array(Source),
  unconfirmed: Unconfirmed,
});
export type FigureEntry = z.infer<typeof FigureEntry>;

/** A series with its own sources, all its figures (oldest first), and the latest one. */
export const SeriesCard = z.strictObject({
  kind: z.literal('series'),
  id: z.string(),
  series: Series,
  /** Sources of the series' caveat, when it names any. */
  sources: z.array(Source),
  figures: z.array(FigureEntry),
  latest: FigureEntry.nullable(),
});
export type SeriesCard = z.infer<typeof SeriesCard>;

/** A single figure, with its series (null if the series is missing) and sources. */
export const FigureCard = z.strictObject({
  kind: z.literal('figure'),
  id: z.string(),
  figure: Figure,
  series: Series.nullable(),
  sources: z.array(Source),
  /** The newest figure of the same series, when it is not this one. */
  newer: FigureEntry.nullable(),
  unconfirmed: Unconfirmed,
});
export type FigureCard = z.infer<typeof FigureCard>;

export const FindingCard = z.strictObject({
  kind: z.literal('finding'),
  id: z.string(),
  finding: Finding,
  sources: z.array(Source),
  unconfirmed: Unconfirmed,
});
export type FindingCard = z.infer<typeof FindingCard>;

/** A contrast of a claim with the record it points at (null when it does not resolve). */
export const ResolvedContrast = z.strictObject({
  ref: RecordRef,
  context: LocalizedText(500),
  record: z.discriminatedUnion('kind', [FigureCard, FindingCard, SeriesCard]).nullable(),
});
export type ResolvedContrast = z.infer<typeof ResolvedContrast>;

export const ClaimCard = z.strictObject({
  kind: z.literal('claim'),
  id: z.string(),
  claim: Claim,
  sources: z.array(Source),
  contrasts: z.array(ResolvedContrast),
  unconfirmed: Unconfirmed,
});
export type ClaimCard = z.infer<typeof ClaimCard>;

export const Card = z.discriminatedUnion('kind', [ClaimCard, SeriesCard, FigureCard, FindingCard]);
export type Card = z.infer<typeof Card>;
export type CardKind = Card['kind'];

/**
 * A card id as the detector emits it: `claim:<id>`, `series:<id>`, `figure:<id>`,
 * `finding:<id>`, or a bare record id (looked up as claim, then series, figure, finding).
 */
export const CardId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^(?:(?:claim|series|figure|finding):)?[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a card id');
export type CardId = z.infer<typeof CardId>;

/** The most card ids one `get-cards` request may carry. */
export const MAX_CARD_IDS = 100;

export const CARD_KINDS = ['claim', 'series', 'figure', 'finding'] as const;

/** Splits a card id into its kind (null for a bare id) and record id. */
export function parseCardId(cardId: string): { kind: CardKind | null; id: string } {
  const colon = cardId.indexOf(':');
  if (colon < 0) return { kind: null, id: cardId };
  const kind = cardId.slice(0, colon);
  const id = cardId.slice(colon + 1);
  return (CARD_KINDS as readonly string[]).includes(kind)
    ? { kind: kind as CardKind, id }
    : { kind: null, id: cardId };
}
