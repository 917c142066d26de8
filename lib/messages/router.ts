import { Request, ResponseFor, type ErrorResponse, type ResponseOf } from './protocol';

/** What the background knows about who sent a message. */
export interface SenderInfo {
  /** The sender's extension id; must be ours. */
  id?: string | undefined;
  /** The tab a content script runs in, if any. */
  tabId?: number | undefined;
  /** The frame of that tab the message came from (0: the top frame). */
  frameId?: number | undefined;
}

export type Handlers = {
  [K in Request['type']]: (
    request: Extract<Request, { type: K }>,
    sender: SenderInfo,
  ) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

/**
 * Validates an incoming message and dispatches it. Anything that is not ours, or not a
 * known request, gets an error response; a handler that throws becomes one too, and so
 * does a handler answer that breaks the protocol (it never reaches the sender).
 */
export function createRouter(ownId: string, handlers: Handlers) {
  return async (message: unknown, sender: SenderInfo): Promise<unknown> => {
    if (sender.id !== ownId) return fail('refused: message from outside this extension');
    const parsed = Request.safeParse(message);
    if (!parsed.success) return fail('refused: not a valid request');
    const request = parsed.data;
    try {
      const handler = handlers[request.type] as (r: Request, s: SenderInfo) => unknown;
      const response = await handler(request, sender);
      const checked = ResponseFor[request.type].safeParse(response);
      if (!checked.success) return fail(`internal: malformed ${request.type} response`);
      return checked.data;
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  };
}

function fail(error: string): ErrorResponse {
  return { ok: false, error: error.slice(0, 500) };
}
