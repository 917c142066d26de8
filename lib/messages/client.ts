import { MessageError } from './errors';
import { Request, ResponseFor, type ResponseOf } from './protocol';
import { sendValidated } from './send';

export { MessageError };

/** Sends a request of the full protocol (popup, options) and validates the answer. */
export async function sendRequest<T extends Request>(request: T): Promise<ResponseOf<T['type']>> {
  return (await sendValidated<Request>(request, Request, ResponseFor)) as ResponseOf<T['type']>;
}
