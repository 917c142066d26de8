import { z } from 'zod';

/**
 * Every message that crosses a context boundary (content script, popup, options →
 * background) is one of these, validated on both sides. Unknown shapes are refused.
 */
export const PingRequest = z.strictObject({ type: z.literal('ping') });
export const StatusRequest = z.strictObject({ type: z.literal('status') });
export const ReportAnnotationsRequest = z.strictObject({
  type: z.literal('report-annotations'),
  /** Number of annotations on the sender's page (badge text). */
  count: z.number().int().nonnegative().max(100_000),
});

export const Request = z.discriminatedUnion('type', [
  PingRequest,
  StatusRequest,
  ReportAnnotationsRequest,
]);
export type Request = z.infer<typeof Request>;

export const PingResponse = z.strictObject({ ok: z.literal(true), pong: z.literal(true) });
export const StatusResponse = z.strictObject({
  ok: z.literal(true),
  version: z.string(),
  datasetVersion: z.string().nullable(),
  ready: z.boolean(),
});
export const AckResponse = z.strictObject({ ok: z.literal(true) });
export const ErrorResponse = z.strictObject({ ok: z.literal(false), error: z.string().max(500) });

export const ResponseFor = {
  ping: PingResponse,
  status: StatusResponse,
  'report-annotations': AckResponse,
} as const satisfies Record<Request['type'], z.ZodType>;

export type ResponseOf<T extends Request['type']> = z.infer<(typeof ResponseFor)[T]>;
export type ErrorResponse = z.infer<typeof ErrorResponse>;
