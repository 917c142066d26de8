import { browser } from 'wxt/browser';
import { MessageError } from './errors';
import { ErrorResponse, Request, ResponseFor, type ResponseOf } from './protocol';

export { MessageError };

/**
 * Sends a request to the background and validates the answer. Throws `MessageError`
 * with a readable reason when either side breaks the protocol.
 */
export async function sendRequest<T extends Request>(request: T): Promise<ResponseOf<T['type']>> {
  const valid = Request.parse(request);
  const raw: unknown = await browser.runtime.sendMessage(valid);
  const failed = ErrorResponse.safeParse(raw);
  if (failed.success) throw new MessageError(failed.data.error);
  const parsed = ResponseFor[valid.type].safeParse(raw);
  if (!parsed.success) throw new MessageError(`malformed ${valid.type} response`);
  return parsed.data as ResponseOf<T['type']>;
}
