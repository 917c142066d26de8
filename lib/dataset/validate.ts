import type { z } from 'zod';
import { crossrefDataset, type CrossrefOptions, type Problem } from './crossref';
import { Dataset } from './schema';
import { missingSummaries, missingUkrainian } from './translations';

export type { Problem } from './crossref';

/** A valid dataset may still carry warnings: things an imported dataset should fix. */
export type ValidationResult =
  { ok: true; dataset: Dataset; warnings: Problem[] } | { ok: false; problems: Problem[] };

export type ValidateOptions = CrossrefOptions & {
  /**
   * The rules for the bundled dataset: a card text without Ukrainian, or a claim without
   * its export summary, is an error, not a warning. Default false (an imported dataset may
   * be English only).
   */
  strict?: boolean;
};

/** The default limit on an imported dataset file. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** `["figures", 3, "series"]` → `figures[3].series`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(dataset)' : out;
}

/** Zod issues as plain problems. */
export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Schema first, then the cross-reference rules; every problem is reported, not just the first. */
export function validateDataset(raw: unknown, options: ValidateOptions = {}): ValidationResult {
  const parsed = Dataset.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = crossrefDataset(parsed.data, options);
  const incomplete = [...missingUkrainian(parsed.data), ...missingSummaries(parsed.data)];
  if (options.strict) problems.push(...incomplete);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, dataset: parsed.data, warnings: options.strict ? [] : incomplete };
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/** UTF-8 length of a string, without allocating when the answer is obvious. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Parses dataset JSON text, refusing oversized input before parsing it. */
export function parseDatasetJson(text: string, options: { maxBytes?: number } = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // A UTF-8 encoding is never shorter than the UTF-16 length, so this is a safe fast path.
  if (text.length > maxBytes || utf8Length(text) > maxBytes) {
    return {
      ok: false,
      problems: [
        { path: '(file)', message: `the input is larger than the limit of ${maxBytes} bytes` },
      ],
    };
  }
  try {
    // A byte order mark (editors on Windows save one) is not part of the JSON.
    return {
      ok: true,
      value: JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text) as unknown,
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: '(file)', message: `the input is not valid JSON: ${detail}` }],
    };
  }
}

/** Parse and validate in one step. */
export function validateDatasetJson(
  text: string,
  options: ValidateOptions & { maxBytes?: number } = {},
): ValidationResult {
  const parsed = parseDatasetJson(text, options);
  if (!parsed.ok) return parsed;
  return validateDataset(parsed.value, options);
}
