import { PageRequest, PageResponseFor, type PageResponseOf } from './page-protocol';
import { sendValidated } from './send';

/**
 * The content script's way to the background, validated against the small page protocol
 * (no classic Zod and no dataset schemas in the content script bundle).
 */
export async function sendPageRequest<T extends PageRequest>(
  request: T,
): Promise<PageResponseOf<T['type']>> {
  return (await sendValidated<PageRequest>(
    request,
    PageRequest,
    PageResponseFor,
  )) as PageResponseOf<T['type']>;
}
