import type { Handlers } from '@/lib/messages/router';
import type { DataService } from './service';

/**
 * The message handlers answered from the database: `status` reports the stored dataset
 * version, `get-cards` resolves a page's cards in one batch. Both wait for seeding.
 */
export function createDataHandlers(
  service: DataService,
  /** Read per request (as before): the manifest is not touched at startup. */
  extensionVersion: () => string,
): Pick<Handlers, 'status' | 'get-cards'> {
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
  };
}
