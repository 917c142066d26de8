import * as z from 'zod/mini';

/*
 * Card ids, apart from the card schemas: stage 2 asks for the titles of its annotations'
 * cards by id (`get-card-titles`) without building the dataset's classic Zod schemas,
 * which load with the card records only when a card opens (stage 3).
 */

/**
 * A card id as the detector emits it: `claim:<id>`, `series:<id>`, `figure:<id>`,
 * `finding:<id>`, or a bare record id (looked up as claim, then series, figure, finding).
 */
export const CardId = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(100),
    z.regex(/^(?:(?:claim|series|figure|finding):)?[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a card id'),
  );
export type CardId = z.infer<typeof CardId>;

/** The most card ids one `get-cards` request may carry. */
export const MAX_CARD_IDS = 100;

export const CARD_KINDS = ['claim', 'series', 'figure', 'finding'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

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
