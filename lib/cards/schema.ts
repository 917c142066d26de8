import '@/lib/dataset/no-eval';
import { z } from 'zod';
import type { CardKind } from './ids';
import { LocalizedText } from '@/lib/dataset/primitives';
import { Claim, Figure, Finding, RecordRef, Series, Source } from '@/lib/dataset/records';

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

export { CARD_KINDS, CardId, MAX_CARD_IDS, parseCardId } from './ids';
export type { CardKind } from './ids';

// The kinds `./ids` lists are exactly the kinds of the `Card` union (checked by tsc).
type KindsAgree = [CardKind] extends [Card['kind']]
  ? [Card['kind']] extends [CardKind]
    ? true
    : false
  : false;
const kindsAgree: KindsAgree = true;
void kindsAgree;
