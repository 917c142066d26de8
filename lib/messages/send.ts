import { browser } from 'wxt/browser';
import { MessageError } from './errors';
import { ErrorResponse } from './error-response';

interface Parser<T> {
  parse(value: unknown): T;
}
interface SafeParser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false };
}

/**
 * Sends a request to the background and validates its answer with `answer`. Throws
 * `MessageError` with a readable reason when the answer breaks the protocol or is an
 * error. The background validates the request itself (`router.ts`).
 */
export async function sendAndRead(request: { type: string }, answer: SafeParser): Promise<unknown> {
  const raw: unknown = await browser.runtime.sendMessage(request);
  const failed = ErrorResponse.safeParse(raw);
  if (failed.success) throw new MessageError(failed.data.error);
  const parsed = answer.safeParse(raw);
  if (!parsed.success) throw new MessageError(`malformed ${request.type} response`);
  return parsed.data;
}

/**
 * Validates a request, sends it to the background and validates the answer with the
 * schema for its type (the extension's own pages, where a bad request is caught before
 * it leaves). Throws `MessageError` as `sendAndRead` does, and Zod's error for a request
 * that breaks the protocol.
 */
export async function sendValidated<T extends { type: string }>(
  request: T,
  requestSchema: Parser<T>,
  responseFor: Record<T['type'], SafeParser>,
): Promise<unknown> {
  const valid = requestSchema.parse(request);
  return sendAndRead(valid, responseFor[valid.type as T['type']]);
}
