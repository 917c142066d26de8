import { browser } from 'wxt/browser';
import { MessageError } from './errors';
import { ErrorResponse } from './page-protocol';

interface Parser<T> {
  parse(value: unknown): T;
}
interface SafeParser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false };
}

/**
 * Validates a request, sends it to the background and validates the answer with the
 * schema for its type. Throws `MessageError` with a readable reason when either side
 * breaks the protocol or the background answers with an error.
 */
export async function sendValidated<T extends { type: string }>(
  request: T,
  requestSchema: Parser<T>,
  responseFor: Record<T['type'], SafeParser>,
): Promise<unknown> {
  const valid = requestSchema.parse(request);
  const raw: unknown = await browser.runtime.sendMessage(valid);
  const failed = ErrorResponse.safeParse(raw);
  if (failed.success) throw new MessageError(failed.data.error);
  const parsed = responseFor[valid.type as T['type']].safeParse(raw);
  if (!parsed.success) throw new MessageError(`malformed ${valid.type} response`);
  return parsed.data;
}
