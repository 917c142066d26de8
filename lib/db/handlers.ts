import { MAX_CARD_IDS } from '@/lib/cards/ids';
import type { Card } from '@/lib/cards/schema';
import { cardTitle } from '@/lib/cards/view';
import type { Handlers } from '@/lib/messages/router';
import type { DataService } from './service';

/**
 * The message handlers answered from the database: `status` reports the stored dataset
 * version, `get-cards` resolves a page's cards in one batch, `get-card-titles` names each
 * annotation's card (for its marker) without sending the records. All wait for seeding.
 */
export function createDataHandlers(
  service: DataService,
  /** Read per request (as before): the manifest is not touched at startup. */
  extensionVersion: () => string,
): Pick<Handlers, 'status' | 'get-cards' | 'get-card-titles'> {
  return {
    status: async () => {
      const { version, ready, error, origin, date, seededAt, importedAt, counts } =
        await service.status();
      return {
        ok: true,
        version: extensionVersion(),
        datasetVersion: version,
        ready,
        dataset: {
          origin,
          date,
          seededAt,
          importedAt,
          counts,
          error: error === null ? null : error.slice(0, 500),
        },
      };
    },
    'get-cards': async ({ ids }) => {
      const { cards, missing } = await service.getCards(ids);
      return { ok: true, cards, missing };
    },
    'get-card-titles': async ({ annotations, lang }) => {
      const ids = [...new Set(annotations.flat())];
      const cards: Record<string, Card> = {};
      for (let at = 0; at < ids.length; at += MAX_CARD_IDS)
        Object.assign(cards, (await service.getCards(ids.slice(at, at + MAX_CARD_IDS))).cards);
      return { ok: true, titles: annotations.map((cardIds) => cardTitle(cardIds, cards, lang)) };
    },
  };
}
