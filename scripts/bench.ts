/**
 * bench: engine throughput on mixed news text, pre-filter throughput, adversarial inputs,
 * detector compile/serialise/hydrate cost, and the saved pages in ../shared/pages/readability
 * (when present): time of prefilter + detect per page and every relevant block found there
 * (those pages are off-topic, so each one is a suspected false alarm), and a linear-time table:
 * time per MB of adversarial input at 1, 2, 4 and 8 MB, and the ratio of 8 MB to 1 MB.
 *
 *   npm run bench            a readable table
 *   npm run bench -- --json  one JSON object
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDetector } from './scan';
import {
  compilePrefilter,
  detectBlocks,
  findHits,
  hydrateDetector,
  prefilter,
  prefilterFromJSON,
  runPrefilter,
  splitPassage,
  type CompiledDetector,
} from '../lib/detect/index';
import { extractBlocks } from '../lib/page/blocks';

/** Our own paragraphs (not from any corpus): mostly off-topic news, a few on-topic. */
const OFF = [
  'The city council approved a new budget on Tuesday, raising spending on roads and public transport by 4 percent after a long debate about parking fees in the old town.',
  'Heavy rain is expected across the north of the country this weekend, with temperatures between 12 and 18 degrees and strong winds along the coast on Sunday afternoon.',
  'The striker scored twice in the second half as the home team came back from a goal down to win 3-1 and climb to second place in the league table.',
  'Шкільний автобус вийшов на новий маршрут: тепер учні з трьох сіл доїжджають до ліцею за двадцять хвилин, повідомили в міській раді.',
  'В выходные в парке пройдёт фестиваль уличной еды и музыки; организаторы ожидают около пяти тысяч гостей и просят приезжать на общественном транспорте.',
  'Die Bahn kündigte an, die Strecke zwischen den beiden Städten im Sommer für drei Wochen zu sperren, um Gleise und Brücken zu erneuern.',
  'Le gouvernement a présenté un plan pour rénover les écoles primaires, avec des aides pour l’isolation thermique et de nouveaux équipements numériques.',
  'El ayuntamiento inauguró una nueva biblioteca en el barrio con espacios para niños, talleres de lectura y un horario ampliado durante las vacaciones.',
  'Il festival del cinema si apre stasera con un film d’autore; in programma più di cento proiezioni e incontri con i registi fino a domenica.',
  'Ceny mieszkań w dużych miastach wzrosły w ostatnim kwartale, a analitycy spodziewają się dalszych podwyżek w przyszłym roku.',
  'Guvernul a anunțat un program de sprijin pentru fermieri afectați de secetă, cu plăți directe pentru culturile de porumb și floarea-soarelui.',
  'Researchers found that children who read for twenty minutes a day improved their vocabulary faster than classmates who did not, the study said.',
];
const ON = [
  'Ukraine says Russia has deported thousands of Ukrainian children from occupied territories; only a few hundred have been brought back so far.',
  'Россия называет вывоз детей из оккупированных областей эвакуацией, хотя Украина насчитала более 19,5 тысячи депортированных детей.',
  'Die Kinder wurden nach Angaben Kyjiws nach Russland verschleppt und dort in Pflegefamilien untergebracht.',
];

export function mixedText(bytes: number): string[] {
  const paras: string[] = [];
  let size = 0;
  let k = 0;
  while (size < bytes) {
    const p = k % 20 === 19 ? ON[k % ON.length]! : OFF[k % OFF.length]!;
    paras.push(p);
    size += p.length;
    k++;
  }
  return paras;
}

/**
 * The baseline: what a typical highlighter extension does (mark.js-style): one big
 * case-insensitive RegExp, an alternation of every lexicon term with Unicode word
 * boundaries, run over the whole text.
 */
export function baselineRegExp(det: CompiledDetector): RegExp {
  const alts = [...new Set(det.terms.map((t) => t.pattern.toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map((p) =>
      p
        .replace(/[.*+?^${}()|[\]\\]/gu, (m) => (m === '*' ? '*' : `\\${m}`))
        .replace(/\*/gu, '[\\p{L}\\p{M}]*')
        .replace(/[ -]/gu, '[\\s\\-]+'),
    );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function baselineCount(re: RegExp, text: string): number {
  let n = 0;
  re.lastIndex = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}

/**
 * Milliseconds per call: the median of at least 7 timed calls (and of as many as fit in
 * `minMs`), after one warm-up call. The median keeps one GC pause or a busy neighbour on
 * this shared machine from moving the figure.
 */
function time(fn: () => void, minMs = 200, minSamples = 7): number {
  fn(); // warm up
  const samples: number[] = [];
  const t0 = performance.now();
  do {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  } while (samples.length < minSamples || performance.now() - t0 < minMs);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** `bytes` of relevant sentences, one per line ("... to Russia."). */
function relevantLines(bytes: number): string {
  const line = 'deported Ukrainian children to Russia.\n';
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}

interface Linear {
  name: string;
  /** Milliseconds per MB at each size. */
  perMb: number[];
}

interface Row {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const rows: Row[] = [];
  const linear: Linear[] = [];
  const tc = performance.now();
  const det: CompiledDetector = await loadDetector();
  rows.push({
    name: 'load + compile detector (9 lexicons)',
    value: performance.now() - tc,
    unit: 'ms',
  });
  const serial = JSON.stringify(det.json);
  rows.push({ name: 'serialised detector size', value: Buffer.byteLength(serial), unit: 'bytes' });
  rows.push({
    name: 'hydrate from JSON string',
    value: time(() => hydrateDetector(JSON.parse(serial))),
    unit: 'ms',
  });
  const pfSerial = JSON.stringify(compilePrefilter(det));
  rows.push({
    name: 'serialised pre-filter size',
    value: Buffer.byteLength(pfSerial),
    unit: 'bytes',
  });
  rows.push({
    name: 'pre-filter: hydrate from JSON string',
    value: time(() => prefilterFromJSON(pfSerial)),
    unit: 'ms',
  });
  const pf = prefilterFromJSON(pfSerial);
  const re = baselineRegExp(det);

  // Mixed news text: ~4 MB of paragraphs, 95% off-topic.
  const paras = mixedText(4_000_000);
  const blocks = paras.map((text) => ({ text }));
  const whole = paras.join('\n');
  const mb = whole.length / 1e6; // million UTF-16 code units ≈ MB of text
  const tDetect = time(() => detectBlocks(det, blocks), 500);
  // The baseline on a tenth of the same text (it is slow), scaled to MB/s.
  const tenth = whole.slice(0, Math.floor(whole.length / 10));
  const tBase = time(() => baselineCount(re, tenth), 500);
  const baseMBs = tenth.length / 1e6 / (tBase / 1000);
  rows.push({
    name: 'baseline: one RegExp of all terms (mark.js-style)',
    value: baseMBs,
    unit: 'MB/s',
    note: `${re.source.length} chars of pattern`,
  });
  rows.push({
    name: 'engine: detectBlocks on mixed news',
    value: mb / (tDetect / 1000),
    unit: 'MB/s',
    note: `${mb.toFixed(1)} M chars, ${blocks.length} blocks; ${(mb / (tDetect / 1000) / baseMBs).toFixed(1)}x the baseline`,
  });
  // Per block, as the engine runs it (one call over the whole text would stop at MAX_HITS).
  const tHits = time(() => {
    for (const b of blocks) findHits(det, b.text);
  }, 500);
  rows.push({
    name: 'matcher only: findHits on mixed news',
    value: mb / (tHits / 1000),
    unit: 'MB/s',
    note: `${(mb / (tHits / 1000) / baseMBs).toFixed(1)}x the baseline`,
  });
  const offOnly = OFF.filter((p) => !/children|niños/u.test(p))
    .join('\n')
    .repeat(1500)
    .slice(0, 200_000);
  const tPf = time(() => prefilter(det, offOnly), 300);
  const tBasePf = time(() => baselineCount(re, offOnly), 300);
  rows.push({
    name: 'baseline: RegExp of all terms, 200 KB off-topic page',
    value: tBasePf,
    unit: 'ms',
  });
  rows.push({
    name: 'pre-filter: 200 KB off-topic page',
    value: tPf,
    unit: 'ms',
    note: `${(0.2 / (tPf / 1000)).toFixed(0)} MB/s, result ${prefilter(det, offOnly)}`,
  });
  const tPf2 = time(() => runPrefilter(pf, offOnly), 300);
  rows.push({
    name: 'pre-filter (separate JSON): 200 KB off-topic',
    value: tPf2,
    unit: 'ms',
    note: `${(0.2 / (tPf2 / 1000)).toFixed(0)} MB/s, ${(tBasePf / tPf2).toFixed(0)}x faster than the baseline, result ${runPrefilter(pf, offOnly)}`,
  });

  // Adversarial inputs: 1 MB each, as one block (worst case) and as a passage.
  const MB = 1_000_000;
  const adversarial: [string, string][] = [
    ['"дети дети " x 1 MB', 'дети '.repeat(MB / 5)],
    [
      '"deported Ukrainian children " x 1 MB',
      'deported Ukrainian children to Russia '.repeat(MB / 38),
    ],
    ['"1 1 1 " digits x 1 MB', '1 '.repeat(MB / 2)],
    ['digits without spaces 1 MB', '9'.repeat(MB)],
    ['1 MB without spaces (letters)', 'а'.repeat(MB)],
    [
      '"hundreds of thousands " x 1 MB',
      'hundreds of thousands of children deported from Ukraine '.repeat(MB / 56),
    ],
    ['soft hyphens and ZWJ x 1 MB', 'де\u00ADти\u200D '.repeat(MB / 7)],
    ['combining marks x 1 MB', 'e\u0301'.repeat(MB / 2)],
  ];
  for (const [name, text] of adversarial) {
    const t = time(() => {
      if (prefilter(det, text)) detectBlocks(det, [{ text }]);
    }, 200);
    rows.push({ name: `adversarial: ${name}`, value: t, unit: 'ms' });
  }
  const longPassage = splitPassage(adversarial[1]![1].replace(/ to Russia /gu, ' to Russia.\n'));
  rows.push({
    name: 'adversarial: 1 MB relevant, 26k blocks',
    value: time(() => detectBlocks(det, longPassage), 200),
    unit: 'ms',
  });

  // Linear time: the same adversarial input at 1, 2, 4 and 8 MB. Time per MB stays flat
  // when the engine is linear; the last column is the time per MB relative to 1 MB.
  const sizes = [1, 2, 4, 8];
  const linearInputs: [string, (bytes: number) => { text: string }[]][] = [
    ['relevant blocks', (b) => splitPassage(relevantLines(b))],
    ['one relevant block', (b) => [{ text: relevantLines(b).replace(/\n/gu, ' ') }]],
    ['"дети " one block', (b) => [{ text: 'дети '.repeat(b / 5) }]],
    ['digits one block', (b) => [{ text: '1 '.repeat(b / 2) }]],
  ];
  for (const [name, make] of linearInputs) {
    const perMb: number[] = [];
    for (const size of sizes) {
      const blocks = make(size * MB);
      const all = blocks.map((b) => b.text).join('\n');
      const t = time(
        () => {
          if (prefilter(det, all)) detectBlocks(det, blocks);
        },
        300,
        3,
      );
      perMb.push(t / size);
    }
    linear.push({ name, perMb });
  }

  // Saved real pages.
  const here = fileURLToPath(new URL('.', import.meta.url));
  const dir = resolve(here, '../../shared/pages/readability');
  const alt = '/work/shared/pages/readability';
  const pagesDir = existsSync(dir) ? dir : existsSync(alt) ? alt : null;
  const suspects: { page: string; block: number; rule: string | null; text: string }[] = [];
  if (pagesDir) {
    const { parseHTML } = await import('linkedom');
    const files = readdirSync(pagesDir).filter((f) => f.endsWith('.html'));
    let parseMs = 0;
    let detectMs = 0;
    let maxMs = 0;
    let passed = 0;
    let chars = 0;
    for (const f of files) {
      const html = readFileSync(join(pagesDir, f), 'utf8');
      const t0 = performance.now();
      const { document } = parseHTML(html);
      const bl = extractBlocks(document as unknown as Document);
      const title = (document.querySelector('title')?.textContent ?? '').trim();
      const t1 = performance.now();
      const all = bl.map((b) => b.text).join('\n');
      chars += all.length;
      let results: ReturnType<typeof detectBlocks> = [];
      const pass = prefilter(det, `${title}\n${all}`);
      if (pass) {
        passed++;
        results = detectBlocks(det, bl, { title });
      }
      const t2 = performance.now();
      parseMs += t1 - t0;
      detectMs += t2 - t1;
      maxMs = Math.max(maxMs, t2 - t1);
      results.forEach((r, i) => {
        if (r.relevant)
          suspects.push({
            page: f,
            block: i,
            rule: r.explanation.rule,
            text: bl[i]!.text.slice(0, 160),
          });
      });
    }
    rows.push({
      name: `pages: ${files.length} readability pages, parse + extract`,
      value: parseMs / files.length,
      unit: 'ms/page',
    });
    rows.push({
      name: 'pages: prefilter + detect',
      value: detectMs / files.length,
      unit: 'ms/page',
      note: `max ${maxMs.toFixed(2)} ms, ${(chars / 1e6).toFixed(1)} M chars`,
    });
    rows.push({ name: 'pages: passed the pre-filter', value: passed, unit: `of ${files.length}` });
    rows.push({
      name: 'pages: relevant blocks (suspected false alarms)',
      value: suspects.length,
      unit: 'blocks',
    });
  }

  if (json) {
    process.stdout.write(
      `${JSON.stringify({ rows: Object.fromEntries(rows.map((r) => [r.name, { value: r.value, unit: r.unit, ...(r.note ? { note: r.note } : {}) }])), linear: linear.map((l) => ({ name: l.name, msPerMb: Object.fromEntries(sizes.map((s, k) => [`${s}MB`, l.perMb[k]])), ratio8to1: l.perMb[3]! / l.perMb[0]! })), suspects })}\n`,
    );
    return;
  }
  const w = Math.max(...rows.map((r) => r.name.length));
  const lines = ['benchmark'.padEnd(w) + '  value', '-'.repeat(w + 30)];
  for (const r of rows) {
    const v =
      r.unit === 'bytes' || r.unit.startsWith('of') || r.unit === 'blocks'
        ? String(Math.round(r.value))
        : r.value.toFixed(r.value < 10 ? 3 : 1);
    lines.push(`${r.name.padEnd(w)}  ${v} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  }
  const lw = Math.max(...linear.map((l) => l.name.length), 'linear time (ms per MB)'.length);
  lines.push(
    '',
    `${'linear time (ms per MB)'.padEnd(lw)}${sizes.map((s) => `${s} MB`.padStart(9)).join('')}   8 MB / 1 MB`,
  );
  for (const l of linear)
    lines.push(
      `${l.name.padEnd(lw)}${l.perMb.map((v) => v.toFixed(2).padStart(9)).join('')}   ${(l.perMb[3]! / l.perMb[0]!).toFixed(2).padStart(11)}`,
    );
  if (suspects.length > 0) {
    lines.push('', 'relevant blocks on the readability pages:');
    for (const s of suspects) lines.push(`  ${s.page}#${s.block} [${s.rule}] ${s.text}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await main();
