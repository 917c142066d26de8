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
    // One read of every id (the query takes any number; `MAX_CARD_IDS` bounds a message).
    'get-card-titles': async ({ annotations, lang }) => {
      const { cards } = await service.getCards(annotations.flat());
      return { ok: true, titles: annotations.map((cardIds) => cardTitle(cardIds, cards, lang)) };
    },
  };
}
