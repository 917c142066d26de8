import * as z from 'zod/mini';

/**
 * The background's answer to a request it refused or failed, which every sender reads
 * first (`send.ts`). In its own module, so that a script which reads no other page answer
 * (stage 3) does not bundle theirs: `page-answers.ts` builds them all where it is imported.
 */
export const ErrorResponse = z.strictObject({
  ok: z.literal(false),
  error: z.string().check(z.maxLength(500)),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
