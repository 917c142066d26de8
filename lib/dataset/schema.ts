import { z } from 'zod';
import { Lexicon } from './lexicon';
import { Claim, Figure, Finding, Series, Source } from './records';
import { PartialDate, text } from './primitives';

export * from './records';

export const ChangelogEntry = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/),
  date: PartialDate,
  changes: z.array(text(300)).min(1),
});

export const Dataset = z.strictObject({
  version: z
    .string()
    .regex(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, 'must be a date-based version such as 2026.11.29'),
  date: PartialDate,
  changelog: z.array(ChangelogEntry).min(1),
  sources: z.array(Source).min(1).max(2000),
  series: z.array(Series).min(1).max(200),
  figures: z.array(Figure).max(5000),
  claims: z.array(Claim).max(1000),
  findings: z.array(Finding).max(1000),
  lexicon: z.array(Lexicon).min(1).max(20),
});
export type Dataset = z.infer<typeof Dataset>;
export type DatasetInput = z.input<typeof Dataset>;
