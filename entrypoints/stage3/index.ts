import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCardRecords } from '@/lib/cards/records';
import { requestCards, requestDatasetVersion } from '@/lib/messages/card-client';
import { STAGE3_KEY } from '@/lib/page/stage3-link';

/**
 * Stage 3, injected by the background into a frame whose stage 2 opens its first card
 * (never listed in the manifest, never web-accessible): the card records, validated with
 * the dataset's classic Zod schemas of the card records alone (`lib/messages/card-client.ts`,
 * not the full protocol), and the card view model. It leaves its records on
 * the isolated world for stage 2 (`lib/page/stage3-link.ts`), once per document.
 */
export default defineUnlistedScript(() => {
  const world = globalThis as unknown as Record<string, unknown>;
  if (world[STAGE3_KEY]) return;
  world[STAGE3_KEY] = createCardRecords({
    cards: requestCards,
    datasetVersion: requestDatasetVersion,
  });
});
