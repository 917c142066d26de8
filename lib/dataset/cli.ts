import { loadBundledDataset } from './bundled';
import { datasetToClaimReviews } from './claimreview';
import { datasetCoverage } from './coverage';
import { datasetToJsonLd, figuresToCsv } from './exports';
import { DEFAULT_MAX_BYTES, validateDatasetJson } from './validate';

/** What the dataset command needs from the outside world; tests pass fakes or temp files. */
export interface DatasetCliIo {
  out(text: string): void;
  err(text: string): void;
  /** Size in bytes of a file; throws (e.g. ENOENT) if it cannot be read. */
  fileSize(path: string): Promise<number>;
  readText(path: string): Promise<string>;
  /** Reference day for the "no future dates" rule; default now. */
  today?: string;
}

export const USAGE = `usage: npm run --silent dataset -- <command>
  export            print the validated bundled dataset as JSON
  check [--strict] FILE
                    validate a dataset JSON file (exit 0 if valid, 2 with problems on stderr);
                    warnings (a card text without Ukrainian, a claim without its summary) go to stderr too, and
                    --strict, the bundled dataset's rules, makes them errors
  claimreview       print schema.org ClaimReview JSON-LD for every claim (context, not ratings)
  jsonld            print the whole dataset as a schema.org Dataset (JSON-LD)
  csv               print the figures as CSV (UTF-8, header row, RFC 4180)
  coverage          print how much of the bundled dataset has Ukrainian text and dates (JSON)`;

function describeReadError(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EISDIR') return `${path}: is a directory, not a file`;
  return `${path}: cannot read the file (${error instanceof Error ? error.message : String(error)})`;
}

/** Runs the command and returns the exit code; prints nothing half-way on failure. */
export async function runDatasetCli(
  argv: readonly string[],
  io: DatasetCliIo,
  options: { maxBytes?: number } = {},
): Promise<number> {
  const [command, ...rest] = argv;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    switch (command) {
      case 'export': {
        if (rest.length > 0) break;
        io.out(`${JSON.stringify(loadBundledDataset(), null, 2)}\n`);
        return 0;
      }
      case 'claimreview': {
        if (rest.length > 0) break;
        io.out(`${JSON.stringify(datasetToClaimReviews(loadBundledDataset()), null, 2)}\n`);
        return 0;
      }
      case 'jsonld': {
        if (rest.length > 0) break;
        io.out(`${JSON.stringify(datasetToJsonLd(loadBundledDataset()), null, 2)}\n`);
        return 0;
      }
      case 'csv': {
        if (rest.length > 0) break;
        io.out(figuresToCsv(loadBundledDataset()));
        return 0;
      }
      case 'coverage': {
        if (rest.length > 0) break;
        io.out(`${JSON.stringify(datasetCoverage(loadBundledDataset()), null, 2)}\n`);
        return 0;
      }
      case 'check': {
        const strict = rest[0] === '--strict';
        const args = strict ? rest.slice(1) : rest;
        const [file] = args;
        if (file === undefined || args.length !== 1) break;
        let text: string;
        try {
          const size = await io.fileSize(file);
          if (size > maxBytes) {
            io.err(
              `${file}: the file is ${size} bytes, larger than the limit of ${maxBytes} bytes\n`,
            );
            return 2;
          }
          text = await io.readText(file);
        } catch (error) {
          io.err(`${describeReadError(file, error)}\n`);
          return 2;
        }
        const result = validateDatasetJson(text, {
          maxBytes,
          strict,
          ...(io.today ? { today: io.today } : {}),
        });
        if (!result.ok) {
          io.err(result.problems.map((p) => `${p.path}: ${p.message}\n`).join(''));
          return 2;
        }
        const d = result.dataset;
        if (result.warnings.length > 0)
          io.err(result.warnings.map((p) => `warning: ${p.path}: ${p.message}\n`).join(''));
        io.out(
          `ok: ${file}: dataset ${d.version} (${d.date}): ${d.sources.length} sources, ${d.series.length} series, ` +
            `${d.figures.length} figures, ${d.claims.length} claims, ${d.findings.length} findings, ` +
            `${d.lexicon.length} lexicons\n`,
        );
        return 0;
      }
      default:
        break;
    }
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  io.err(
    `${command === undefined ? 'missing command' : `unknown or malformed command: ${argv.join(' ')}`}\n${USAGE}\n`,
  );
  return 2;
}
