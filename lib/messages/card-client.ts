import type { z } from 'zod';
import { GetCardsResponse, StatusResponse } from './card-answers';
import { sendAndRead } from './send';

/*
 * Stage 3's two requests, each answer validated with its own schema (`card-answers.ts`)
 * without bundling the full protocol. The requests are not validated here: the
 * background validates every request it receives (`router.ts`), as for stage 2's.
 */

/** The cards for `ids` (at most `MAX_CARD_IDS`), and the ids that name no record. */
export async function requestCards(
  ids: readonly string[],
): Promise<z.infer<typeof GetCardsResponse>> {
  const request = { type: 'get-cards', ids: [...ids] };
  return (await sendAndRead(request, GetCardsResponse)) as z.infer<typeof GetCardsResponse>;
}

/** The stored dataset's version (null while none is stored). */
export async function requestDatasetVersion(): Promise<string | null> {
  const status = (await sendAndRead({ type: 'status' }, StatusResponse)) as z.infer<
    typeof StatusResponse
  >;
  return status.datasetVersion;
}
