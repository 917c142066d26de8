import type { z } from 'zod';
import { GetCardsResponse, StatusResponse } from './card-answers';
import type { GetCardsRequest, StatusRequest } from './protocol';
import { sendAndRead } from './send';

/*
 * Stage 3's two requests, each answer validated with its own schema (`card-answers.ts`)
 * without bundling the full protocol (the requests' types come from it, erased in the
 * build). The requests are not validated here: the background validates every request it
 * receives (`router.ts`), as for stage 2's.
 */

/** The cards for `ids` (at most `MAX_CARD_IDS`), and the ids that name no record. */
export async function requestCards(ids: string[]): Promise<z.infer<typeof GetCardsResponse>> {
  const request: z.infer<typeof GetCardsRequest> = { type: 'get-cards', ids };
  return (await sendAndRead(request, GetCardsResponse)) as z.infer<typeof GetCardsResponse>;
}

/** The stored dataset's version (null while none is stored). */
export async function requestDatasetVersion(): Promise<string | null> {
  const request: z.infer<typeof StatusRequest> = { type: 'status' };
  const status = (await sendAndRead(request, StatusResponse)) as z.infer<typeof StatusResponse>;
  return status.datasetVersion;
}
