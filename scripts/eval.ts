/**
 * eval: precision and recall of relevance on a labelled corpus, per language and overall,
 * the share of labelled `numbers` found with the right value, and every miss and false alarm.
 *
 *   npm run eval -- FILE.jsonl [--min-precision X] [--min-recall Y] [--per-language]
 *                              [--with-title] [--json]
 *
 * Each line is scanned exactly as `scan --jsonl` scans it: id, text and lang only (add
 * --with-title to give the title as context too). Exits 1 when overall precision or recall
 * is below the thresholds, or, with --per-language, when any one language's is.
 *
 * A labelled number counts as found when an annotation's figure has the value the labelled
 * string itself says (its digits and worded scale, read by `labelValue` below, which shares
 * nothing with the engine's number reader) and the figure's text and the label overlap.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDetector, scanLines } from './scan';

interface Labelled {
  id: string;
  lang: string;
  label: string;
  text: string;
  title?: string;
  numbers?: string[];
}

// The label reader: a small table of its own, written apart from lib/detect/numbers.ts so
// that the engine is never graded by its own reading of the answer.
const LABEL_SCALE: [number, string][] = [
  [10, 'tens dozens десятки десятків десятков dutzende dizaines decenas decine dziesiątki zeci'],
  [
    100,
    'hundred hundreds сотни сотен сотня сотні сотень сто hunderte hundert centaines cent cents cientos centenares cien ciento centinaia cento setki sto sute sută',
  ],
  [
    1000,
    'thousand thousands k тысяча тысячи тысяч тыс тисяча тисячі тисяч тис tausend tausende tsd mille milliers mil miles mila migliaia tysiąc tysiące tysięcy tys mie mii',
  ],
  [
    1_000_000,
    'million millions m mln mn млн миллион миллиона миллионов мільйон мільйона мільйонів mio millionen millón millones milione milioni milion miliony milionów milioane',
  ],
];
const LABEL_WORDS: [number, string][] = [
  [1, 'one один одна одно одного одне eins ein eine un une uno una jeden jedna unu'],
  [2, 'two две два двое дві двоє zwei deux dos due dwa dwie doi două'],
  [3, 'three три трое троє drei trois tres tre trzy trei'],
  [4, 'four четыре четверо чотири vier quatre cuatro quattro cztery patru'],
  [5, "five пять пятеро п'ять п'ятеро fünf cinq cinco cinque pięć cinci"],
  [6, 'six шесть шестеро шість sechs seis sei sześć șase'],
  [7, 'seven семь семеро сім sieben sept siete sette siedem șapte'],
  [8, 'eight восемь восьмеро вісім acht huit ocho otto osiem opt'],
  [9, "nine девять дев'ять neun neuf nueve nove dziewięć nouă"],
  [10, 'ten десять zehn dix diez dieci dziesięć zece'],
  [20, 'twenty двадцать двадцять zwanzig vingt veinte venti dwadzieścia douăzeci'],
  [30, 'thirty тридцать тридцять dreißig trente treinta trenta trzydzieści treizeci'],
  [40, 'forty сорок vierzig quarante cuarenta quaranta czterdzieści patruzeci'],
  [50, "fifty пятьдесят п'ятдесят fünfzig cinquante cincuenta cinquanta pięćdziesiąt cincizeci"],
  [200, 'двести двісті dwieście'],
  [300, 'триста trzysta'],
  [500, "пятьсот п'ятсот pięćset"],
  [700, 'семьсот сімсот siedemset'],
  // "a few hundred": about three hundred (the convention of the cards)
  [
    3,
    'few several несколько кілька декілька einige mehrere quelques plusieurs varios alcuni kilka câteva',
  ],
];
const labelTable = (rows: [number, string][]) =>
  new Map(rows.flatMap(([v, words]) => words.split(' ').map((w) => [w, v] as const)));
const SCALE_OF = labelTable(LABEL_SCALE);
const WORD_OF = labelTable(LABEL_WORDS);

/** Digits as written in a label: "19,546", "19 546", "19.546" (groups); "8.4", "4,8" (decimals). */
function labelDigits(s: string): number {
  const groups = s.split(/[\s\u00A0\u202F,.'’]/u);
  if (groups.length > 1 && groups.slice(1).every((g) => g.length === 3))
    return Number(groups.join(''));
  return Number(s.replace(',', '.'));
}

/**
 * The value a labelled number string says: digits with any grouping, a worded scale
 * ("730 тысяч", "16 tys.", "20k", "hundreds of thousands", "Mii"), number words ("пять",
 * "две тысячи", "19 тысяч 505"). Null when the label is not a number it can read.
 */
export function labelValue(label: string): number | null {
  const parts = label.toLowerCase().match(/\d+(?:[\s\u00A0\u202F,.'’]\d+)*|[\p{L}'’]+/gu) ?? [];
  let total = 0;
  let current = 0;
  let any = false;
  for (const part of parts) {
    if (/^\d/u.test(part)) {
      current += labelDigits(part);
      any = true;
      continue;
    }
    const word = part.replace(/’/gu, "'");
    const scale = SCALE_OF.get(word);
    const n = WORD_OF.get(word);
    if (scale !== undefined && scale < 1000) current = (current || 1) * scale;
    else if (scale !== undefined) {
      total += (current || 1) * scale;
      current = 0;
    } else if (n !== undefined) current += n;
    else continue; // "of", "de", "des", "more than" ...
    any = true;
  }
  return any ? Math.round(total + current) : null;
}

function arg(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`${name} needs a number`);
  return v;
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
      const want = labelValue(s);
      const found =
        want !== null &&
        res.annotations.some((a) =>
          a.figures.some((f) => f.value === want && (f.text.includes(s) || s.includes(f.text))),
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
  const failing = [
    ...(args.includes('--per-language') ? [...per.entries()].sort() : []),
    ['all', all] as const,
  ].filter(([, t]) => p(t) < minP || r(t) < minR);
  for (const [l, t] of failing)
    process.stderr.write(
      `eval: ${l} below threshold (precision ${f(p(t))}, need ${minP}; recall ${f(r(t))}, need ${minR})\n`,
    );
  return failing.length > 0 ? 1 : 0;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) process.exitCode = await main();
