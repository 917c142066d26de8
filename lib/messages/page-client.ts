import type * as z from 'zod/mini';
import type { PageRequest, PageResponseFor } from './page-protocol';
import { sendAndRead } from './send';

/**
 * Stage 2's way to the background. Only the answer is validated here, with the schema
 * given for the request's type (`page-answers.ts`); the background validates the request.
 * Stage 2 so builds no request schemas, and does not parse its requests twice: a page's
 * blocks, sent to be judged, are most of what it sends.
 */
export async function sendPageRequest<K extends PageRequest['type']>(
  request: Extract<PageRequest, { type: K }>,
  answer: (typeof PageResponseFor)[K],
): Promise<z.infer<(typeof PageResponseFor)[K]>> {
  return (await sendAndRead(request, answer)) as z.infer<(typeof PageResponseFor)[K]>;
}
