import { browser } from 'wxt/browser';
import { MessageError } from './errors';
import { ErrorResponse, PageRequest, PageResponseFor, type PageResponseOf } from './page-protocol';

/**
 * The content script's way to the background: validates the request and the answer
 * against the small page protocol (no classic Zod, no dataset schemas in the bundle).
 */
export async function sendPageRequest<T extends PageRequest>(
  request: T,
): Promise<PageResponseOf<T['type']>> {
  const valid = PageRequest.parse(request);
  const raw: unknown = await browser.runtime.sendMessage(valid);
  const failed = ErrorResponse.safeParse(raw);
  if (failed.success) throw new MessageError(failed.data.error);
  const parsed = PageResponseFor[valid.type].safeParse(raw);
  if (!parsed.success) throw new MessageError(`malformed ${valid.type} response`);
  return parsed.data as PageResponseOf<T['type']>;
}
