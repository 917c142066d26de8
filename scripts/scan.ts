/**
 * scan: run the detection engine on text passages or saved HTML pages.
 *
 *   npm run --silent scan -- --jsonl FILE     (FILE may be - for standard input)
 *   npm run --silent scan -- PAGE.html [PAGE2.html ...]
 *   npm run --silent scan -- --help
 *
 * See HELP below for the output format. Bad input: a message on standard error, exit code 2,
 * nothing written to standard output (output is buffered until all input is valid).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Lexicon } from '../lib/dataset/lexicon';
import { lexiconFiles } from '../lib/dataset/data/lexicon/index';
import {
  compileDetector,
  detectBlocks,
  detectLanguage,
  detectPassage,
  prefilter,
  type Annotation,
  type CompiledDetector,
  type FigureRef,
} from '../lib/detect/index';
import { extractBlocks } from '../lib/page/blocks';

export const HELP = `Usage:
  npm run --silent scan -- --jsonl FILE      FILE is JSON Lines, or - for standard input
  npm run --silent scan -- PAGE.html ...     saved HTML pages
  Options: --explain (add each relevant block's rule and matched terms), --help

JSON Lines input: one object per line, {"id": string, "text": string, "lang"?: string,
"title"?: string}. Each line is one passage scanned as its own page; its lines (paragraphs)
are blocks that give each other context. Output: one line per input line,
  {"id", "relevant", "lang", "annotations": [{"start", "end", "quote", "cards",
   "figures": [{"text", "value", "series"}]}]}
with UTF-16 offsets into "text". "relevant" is true when any block is relevant.

HTML input: the page is parsed with linkedom and its article blocks are extracted with
lib/page/blocks.ts (the page <title> is context). Output: one line per RELEVANT block,
  {"id": "PAGE.html#N", "relevant": true, "lang", "text": <block text>, "annotations": [...]}
with offsets into that block's "text" (N is the block's index among the article blocks);
a page with no relevant block gives one line {"id": "PAGE.html", "relevant": false,
"lang", "annotations": []}.

Exit codes: 0 ok; 2 bad input (unreadable file, invalid JSON line, missing id/text),
with a message on standard error and nothing on standard output.`;

export class InputError extends Error {}

/** Load and validate the bundled lexicons, and the bundled figures when available. */
export async function loadDetector(): Promise<CompiledDetector> {
  const lexicons = lexiconFiles.map((raw, i) => {
    const parsed = Lexicon.safeParse(raw);
    if (!parsed.success) throw new Error(`lexicon file ${i} is invalid: ${parsed.error.message}`);
    return parsed.data;
  });
  return compileDetector(lexicons, await loadFigures());
}

async function loadFigures(): Promise<FigureRef[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const path = resolve(here, '../lib/dataset/bundled.ts');
  if (!existsSync(path)) return [];
  try {
    const mod = (await import(pathToFileURL(path).href)) as { loadBundledDataset?: () => unknown };
    if (typeof mod.loadBundledDataset !== 'function') return [];
    const ds = (await mod.loadBundledDataset()) as
      { figures?: { series: string; value: number; asOf: string }[] } | undefined;
    return (ds?.figures ?? []).map((f) => ({ series: f.series, value: f.value, asOf: f.asOf }));
  } catch {
    return [];
  }
}

export interface OutAnnotation {
  start: number;
  end: number;
  quote: string;
  cards: string[];
  figures: {
    text: string;
    value: number;
    series: string | null;
    qualifier?: string;
    newer?: FigureRef;
  }[];
}

export interface OutLine {
  id: string;
  relevant: boolean;
  lang: string;
  text?: string;
  annotations: OutAnnotation[];
  explain?: unknown;
}

interface InputLine {
  id: string;
  text: string;
  lang?: string;
  title?: string;
}

/** Parse JSON Lines input strictly; throws InputError naming the bad line. */
export function parseJsonl(content: string, name: string): InputLine[] {
  const out: InputLine[] = [];
  const lines = content.split(/\r?\n/u);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new InputError(`${name}:${i + 1}: invalid JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new InputError(`${name}:${i + 1}: not a JSON object`);
    const o = value as Record<string, unknown>;
    if (typeof o.id !== 'string' || o.id === '')
      throw new InputError(`${name}:${i + 1}: missing or non-string "id"`);
    if (typeof o.text !== 'string')
      throw new InputError(`${name}:${i + 1}: missing or non-string "text"`);
    if (o.lang !== undefined && o.lang !== null && typeof o.lang !== 'string')
      throw new InputError(`${name}:${i + 1}: "lang" must be a string`);
    if (o.title !== undefined && o.title !== null && typeof o.title !== 'string')
      throw new InputError(`${name}:${i + 1}: "title" must be a string`);
    out.push({
      id: o.id,
      text: o.text,
      ...(typeof o.lang === 'string' ? { lang: o.lang } : {}),
      ...(typeof o.title === 'string' ? { title: o.title } : {}),
    });
  });
  return out;
}

function toOut(a: Annotation): OutAnnotation {
  return {
    start: a.start,
    end: a.end,
    quote: a.quote,
    cards: a.cards,
    figures: a.figures.map((f) => ({
      text: f.text,
      value: f.value,
      series: f.series,
      qualifier: f.qualifier,
      ...(f.newer ? { newer: f.newer } : {}),
    })),
  };
}

export function scanLines(det: CompiledDetector, lines: InputLine[], explain = false): OutLine[] {
  return lines.map((line) => {
    const lang = line.lang ?? detectLanguage(line.text);
    const r = detectPassage(det, line.text, { lang, ...(line.title ? { title: line.title } : {}) });
    return {
      id: line.id,
      relevant: r.relevant,
      lang,
      annotations: r.annotations.map(toOut),
      ...(explain
        ? {
            explain: r.blocks
              .filter((b) => b.relevant)
              .map((b) => ({ offset: b.offset, ...b.explanation })),
          }
        : {}),
    };
  });
}

/**
 * The page as a whole document. linkedom, unlike a browser, builds no <html> and <body>
 * around a fragment: it would make its first element the document and drop the text
 * before it (or leave no document at all for text, a comment or an empty file).
 */
function asDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  return `<!doctype html><html>${/<body[\s>]/i.test(html) ? html : `<body>${html}</body>`}</html>`;
}

export async function scanHtml(
  det: CompiledDetector,
  html: string,
  name: string,
  explain = false,
): Promise<OutLine[]> {
  const { parseHTML } = await import('linkedom');
  const { document } = parseHTML(asDocument(html));
  // Nothing that parses as an element (linkedom leaves no document element): no blocks.
  if (!document.documentElement)
    return [{ id: name, relevant: false, lang: detectLanguage(''), annotations: [] }];
  const blocks = extractBlocks(document as unknown as Document);
  const title = (document.querySelector('title')?.textContent ?? '').trim();
  const all = blocks.map((b) => b.text).join('\n');
  const lang = detectLanguage(all);
  if (!prefilter(det, `${title}\n${all}`))
    return [{ id: name, relevant: false, lang, annotations: [] }];
  const results = detectBlocks(det, blocks, { title, lang });
  const out: OutLine[] = [];
  results.forEach((r, i) => {
    if (!r.relevant) return;
    out.push({
      id: `${name}#${i}`,
      relevant: true,
      lang,
      text: blocks[i]!.text,
      annotations: r.annotations.map(toOut),
      ...(explain ? { explain: r.explanation } : {}),
    });
  });
  return out.length > 0 ? out : [{ id: name, relevant: false, lang, annotations: [] }];
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The whole command as a function (used by tests): never writes, never exits. */
export async function runScan(
  args: string[],
  readStdin: () => Promise<string> = readAllStdin,
  det?: CompiledDetector,
): Promise<RunResult> {
  if (args.includes('--help') || args.includes('-h'))
    return { code: 0, stdout: `${HELP}\n`, stderr: '' };
  const explain = args.includes('--explain');
  const rest = args.filter((a) => a !== '--explain');
  try {
    const detector = det ?? (await loadDetector());
    const lines: OutLine[] = [];
    if (rest[0] === '--jsonl') {
      const file = rest[1];
      if (file === undefined)
        throw new InputError('--jsonl needs a FILE (or - for standard input)');
      if (rest.length > 2) throw new InputError(`unexpected argument: ${rest[2]}`);
      const content = file === '-' ? await readStdin() : readInput(file);
      lines.push(
        ...scanLines(detector, parseJsonl(content, file === '-' ? 'stdin' : file), explain),
      );
    } else {
      if (rest.length === 0) throw new InputError(`no input given\n\n${HELP}`);
      for (const file of rest) {
        if (file.startsWith('-')) throw new InputError(`unknown option: ${file}`);
        lines.push(...(await scanHtml(detector, readInput(file), basename(file), explain)));
      }
    }
    return {
      code: 0,
      stdout: lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length > 0 ? '\n' : ''),
      stderr: '',
    };
  } catch (error) {
    if (error instanceof InputError)
      return { code: 2, stdout: '', stderr: `scan: ${error.message}\n` };
    return { code: 1, stdout: '', stderr: `scan: ${(error as Error).stack ?? String(error)}\n` };
  }
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const result = await runScan(process.argv.slice(2));
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.stdout) process.stdout.write(result.stdout);
  process.exitCode = result.code;
}
