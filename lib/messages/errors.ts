/** A message that broke the protocol, or an error answer from the background. */
export class MessageError extends Error {
  override name = 'MessageError';
}
