/**
 * eval: precision and recall of relevance on a labelled corpus, per language and overall,
 * the share of labelled `numbers` found with the right value, and every miss and false alarm.
 *
 *   npm run eval -- FILE.jsonl [--min-precision X] [--min-recall Y] [--with-title] [--json]
 *
 * Each line is scanned exactly as `scan --jsonl` scans it: id, text and lang only (add
 * --with-title to give the title as context too). Exits 1 when overall precision or recall
 * is below the thresholds.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDetector, scanLines } from './scan';
import { readNumbers } from '../lib/detect/index';

interface Labelled {
  id: string;
  lang: string;
  label: string;
  text: string;
  title?: string;
  numbers?: string[];
}

function arg(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`${name} needs a number`);
  return v;
}

/** The value a labelled number string should read as (read alone by the engine's reader). */
function expectedValue(s: string): number | null {
  const n = readNumbers(s, 0, s.length, { childAt: () => true });
  return n[0]?.value ?? null;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && !/^\d/u.test(a));
  if (!file) {
    process.stderr.write(
      'usage: npm run eval -- FILE.jsonl [--min-precision X --min-recall Y] [--with-title] [--json]\n',
    );
    return 2;
  }
  const minP = arg(args, '--min-precision') ?? 0;
  const minR = arg(args, '--min-recall') ?? 0;
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labelled);
  const det = await loadDetector();
  const t0 = performance.now();
  const out = scanLines(
    det,
    rows.map((r) => ({
      id: r.id,
      text: r.text,
      lang: r.lang,
      ...(args.includes('--with-title') && r.title ? { title: r.title } : {}),
    })),
  );
  const ms = performance.now() - t0;

  type Tally = { tp: number; fp: number; fn: number; tn: number };
  const per = new Map<string, Tally>();
  const all: Tally = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const misses: string[] = [];
  const alarms: string[] = [];
  let numTotal = 0;
  let numFound = 0;
  const numMisses: string[] = [];
  rows.forEach((row, i) => {
    const res = out[i]!;
    const pos = row.label === 'positive';
    const t = per.get(row.lang) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    per.set(row.lang, t);
    const key = pos ? (res.relevant ? 'tp' : 'fn') : res.relevant ? 'fp' : 'tn';
    t[key]++;
    all[key]++;
    if (key === 'fn') misses.push(`${row.id}`);
    if (key === 'fp')
      alarms.push(
        `${row.id} (${row.label}): ${res.annotations.map((a) => JSON.stringify(a.quote.slice(0, 80))).join(' | ')}`,
      );
    for (const s of row.numbers ?? []) {
      numTotal++;
      const want = expectedValue(s);
      const found = res.annotations.some((a) =>
        a.figures.some(
          (f) =>
            f.value === want && (a.quote.includes(s) || f.text.includes(s) || s.includes(f.text)),
        ),
      );
      if (found) numFound++;
      else numMisses.push(`${row.id}: ${JSON.stringify(s)} (want ${want})`);
    }
  });
  const p = (t: Tally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
  const r = (t: Tally) => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
  const f = (x: number) => x.toFixed(3);
  const report = {
    file,
    passages: rows.length,
    ms: Math.round(ms),
    overall: { precision: p(all), recall: r(all), ...all },
    languages: Object.fromEntries(
      [...per.entries()].sort().map(([l, t]) => [l, { precision: p(t), recall: r(t), ...t }]),
    ),
    numbers: { total: numTotal, found: numFound, share: numTotal ? numFound / numTotal : 1 },
    misses,
    falseAlarms: alarms,
    numberMisses: numMisses,
  };
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    const lines = [
      `Corpus ${file}: ${rows.length} passages, scanned in ${Math.round(ms)} ms`,
      '',
      'lang  precision  recall   tp  fp  fn  tn',
    ];
    for (const [l, t] of [...per.entries()].sort())
      lines.push(
        `${l.padEnd(5)} ${f(p(t)).padStart(9)} ${f(r(t)).padStart(7)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)} ${String(t.tn).padStart(3)}`,
      );
    lines.push(
      `all   ${f(p(all)).padStart(9)} ${f(r(all)).padStart(7)} ${String(all.tp).padStart(4)} ${String(all.fp).padStart(3)} ${String(all.fn).padStart(3)} ${String(all.tn).padStart(3)}`,
    );
    lines.push(
      '',
      `numbers found with the right value: ${numFound}/${numTotal} (${f(report.numbers.share)})`,
    );
    lines.push('', `misses (${misses.length}):`, ...misses.map((m) => `  ${m}`));
    lines.push('', `false alarms (${alarms.length}):`, ...alarms.map((m) => `  ${m}`));
    lines.push('', `numbers missed (${numMisses.length}):`, ...numMisses.map((m) => `  ${m}`));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (p(all) < minP || r(all) < minR) {
    process.stderr.write(
      `eval: below threshold (precision ${f(p(all))} < ${minP} or recall ${f(r(all))} < ${minR})\n`,
    );
    return 1;
  }
  return 0;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) process.exitCode = await main();
