/**
 * Compile lexicons (safe pattern language) into a serialisable detector, and hydrate it into
 * linear-time matchers.
 *
 * A pattern is one or more words separated by spaces; a word may end in `*` (any ending).
 * Hyphens inside a word split it into a phrase ("Lvova-Belova" matches "Lvova Belova" too).
 * Words are folded with `foldWord`, exactly like page text. The serialised form is compact
 * plain JSON (format 3): the folded words as one string, the terms in runs that share group,
 * ref, language and weight (patterns and word ids as strings), and the pre-filter stems.
 * Hydration sorts the words and builds the character trie in one pass into flat typed arrays
 * (no Map, no edge sort). Only format 3 is read: an older stored detector is recompiled.
 */
import type { Lexicon } from '../dataset/lexicon';
import { SAFE_PATTERN } from '../dataset/safe-pattern';
import { foldWord, skeleton } from './normalize';
import {
  checkNumberVocab,
  compileNumberVocab,
  hydrateNumberVocab,
  type NumberVocab,
  type NumberVocabJSON,
} from './number-vocab';

export const GROUPS = [
  'child',
  'movement',
  'euphemism',
  'return',
  'context',
  'strong',
  'destination',
  'exclude',
  'claim',
  'series',
] as const;
export type Group = (typeof GROUPS)[number];
export const G = {
  child: 0,
  movement: 1,
  euphemism: 2,
  return: 3,
  context: 4,
  strong: 5,
  destination: 6,
  exclude: 7,
  claim: 8,
  series: 9,
} as const satisfies Record<Group, number>;

/** A documented figure the engine can point to ("a newer figure exists"). */
export interface FigureRef {
  series: string;
  value: number;
  asOf: string;
}

/** One compiled term: [group, ref id (claim/series) or null, language, pattern, word ids, weight]. */
type TermRow = [number, string | null, string, string, number[], number];

/**
 * Terms in runs that share group, ref, language and weight: [group, ref, language, patterns
 * joined by `|`, word ids in base 36 (`.` between the words of a term, a space between
 * terms), weight (the specificity of a series cue, 1 for every other term)]. Neither
 * separator can occur in a safe pattern.
 */
export type TermRun = [number, string | null, string, string, string, number];

/** The compact serialised form written by `compileLexicons`. */
export interface SerializedDetector {
  format: 'cdc-detector/3';
  langs: string[];
  /** Folded words separated by spaces; a trailing `*` marks a prefix (wildcard) word. */
  words: string;
  terms: TermRun[];
  /**
   * Pre-filter: skeleton stems (at most 8 code units) with a bit mask of groups; a stem ending
   * in `$` is a whole word.
   */
  stems: [string, number][];
  figures: FigureRef[];
  /** The number reader's vocabulary, merged from the lexicons' `numbers` sections. */
  numbers: NumberVocabJSON;
}

export interface Term {
  id: number;
  group: number;
  ref: string | null;
  lang: string;
  pattern: string;
  words: number[];
  /** Index of the anchor word (the longest): phrases are found from it. */
  anchor: number;
  /** Specificity of a series cue (higher wins over nearer); 1 for other terms. */
  weight: number;
}

export interface CompiledDetector {
  readonly json: SerializedDetector;
  readonly terms: Term[];
  /** Trie: root children by code unit; other nodes' edges sorted by code (see `step`). */
  readonly root: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeCode: Uint16Array;
  readonly edgeNode: Int32Array;
  /** Per node: ids of exact words ending here, and of prefix words whose stem ends here. */
  readonly exact: (number[] | undefined)[];
  readonly prefix: (number[] | undefined)[];
  /** Word id → terms anchored at it. */
  readonly anchorTerms: (number[] | undefined)[];
  readonly figuresBySeries: Map<string, FigureRef[]>;
  /** The number reader's lookup tables. */
  readonly numbers: NumberVocab;
}

export class PatternError extends Error {}

/** Whether a string is a valid pattern of the safe pattern language. */
export function isSafePattern(pattern: string): boolean {
  return pattern.length >= 2 && pattern.length <= 80 && SAFE_PATTERN.test(pattern);
}

/** Split a pattern into folded words ("deport*" → ["deport*"], "lvova-belova" → 2 words). */
export function patternWords(pattern: string): string[] {
  if (!isSafePattern(pattern))
    throw new PatternError(`not a safe pattern: ${JSON.stringify(pattern)}`);
  const out: string[] = [];
  for (const raw of pattern.split(' ')) {
    const wild = raw.endsWith('*');
    const body = wild ? raw.slice(0, -1) : raw;
    const parts = body.split(/[-‐‑]/u).filter((p) => p.length > 0);
    parts.forEach((part, index) => {
      const folded = foldWord(part);
      if (folded.length === 0) return;
      out.push(wild && index === parts.length - 1 ? `${folded}*` : folded);
    });
  }
  if (out.length === 0) throw new PatternError(`empty pattern: ${JSON.stringify(pattern)}`);
  return out;
}

const PF_STEM = 8;

function stemOf(word: string): string {
  const body = word.endsWith('*') ? word.slice(0, -1) : word;
  let s = '';
  for (let i = 0; i < body.length && s.length < PF_STEM; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x27) break; // apostrophes: the page may spell them apart
    s += String.fromCharCode(skeleton(c));
  }
  return s;
}

function bodyOf(word: string): string {
  return word.charCodeAt(word.length - 1) === 0x2a ? word.slice(0, -1) : word;
}

/** Order of words by body (code units), then exact before prefix, then id. */
function compareBodies(words: readonly string[], a: number, b: number): number {
  const x = bodyOf(words[a]!);
  const y = bodyOf(words[b]!);
  if (x !== y) return x < y ? -1 : 1;
  return words[a]!.length - words[b]!.length || a - b;
}

/** Compile validated lexicons (and optional figures) into the serialisable detector form. */
export function compileLexicons(
  lexicons: readonly Lexicon[],
  figures: readonly FigureRef[] = [],
): SerializedDetector {
  const words: string[] = [];
  const wordIds = new Map<string, number>();
  const terms: TermRow[] = [];
  const seen = new Set<string>();
  const stems = new Map<string, number>();
  const langs: string[] = [];

  const add = (group: number, ref: string | null, lang: string, pattern: string, weight = 1) => {
    const ws = patternWords(pattern);
    const key = `${group}|${ref ?? ''}|${ws.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const ids = ws.map((w) => {
      let id = wordIds.get(w);
      if (id === undefined) {
        id = words.length;
        words.push(w);
        wordIds.set(w, id);
      }
      return id;
    });
    terms.push([group, ref, lang, pattern, ids, weight]);
    if (group === G.child || group === G.strong || group === G.context || group === G.destination) {
      // Any word of a phrase must be present on the page, so any one may be indexed. Prefer
      // a Ukraine/Russia word ("russian families" → "russian", not "families": common words
      // would let most news pages through), then the longest (on a tie the later one, since
      // phrases tend to start with prepositions: "до рф", "in russia").
      const candidates = ws.length > 1 && ws.some(isTopicWord) ? ws.filter(isTopicWord) : ws;
      const longest = candidates.reduce((a, b) =>
        b.replace('*', '').length >= a.replace('*', '').length ? b : a,
      );
      const stem = stemOf(longest);
      // A short exact word only counts when the page's word ends there too.
      const exactWord = !longest.endsWith('*') && stem.length === longest.length;
      const key = exactWord ? `${stem}$` : stem;
      if (stem.length > 0) stems.set(key, (stems.get(key) ?? 0) | (1 << group));
    }
  };

  // Single-word context and strong terms ("russia*", "kremlin"): the words that make a
  // phrase's pre-filter stem selective.
  const topicExact = new Set<string>();
  const topicPrefixes: string[] = [];
  for (const lex of lexicons) {
    for (const pattern of [...lex.context, ...lex.strong]) {
      const pws = patternWords(pattern);
      if (pws.length !== 1) continue;
      const [w] = pws as [string];
      if (w.endsWith('*')) topicPrefixes.push(w.slice(0, -1));
      else topicExact.add(w);
    }
  }
  const isTopicWord = (w: string): boolean => {
    const body = w.replace('*', '');
    return topicExact.has(body) || topicPrefixes.some((prefix) => body.startsWith(prefix));
  };

  for (const lex of lexicons) {
    if (!langs.includes(lex.lang)) langs.push(lex.lang);
    const groups: [number, readonly string[] | undefined][] = [
      [G.child, lex.child],
      [G.movement, lex.movement],
      [G.euphemism, lex.euphemism],
      [G.return, lex.return],
      [G.context, lex.context],
      [G.strong, lex.strong],
      [G.destination, lex.destination],
      [G.exclude, lex.exclude],
    ];
    for (const [group, patterns] of groups)
      for (const p of patterns ?? []) add(group, null, lex.lang, p);
    for (const cue of lex.claimCues)
      for (const p of cue.patterns) add(G.claim, cue.id, lex.lang, p);
    for (const cue of lex.seriesCues)
      for (const p of cue.patterns) add(G.series, cue.id, lex.lang, p, cue.weight ?? 1);
  }
  // Words are numbered in the order of their bodies (without `*`), so that hydration builds
  // the trie without sorting. (A word's number never decides the order of matches.)
  const order = words.map((_, id) => id).sort((a, b) => compareBodies(words, a, b));
  const renumber = new Int32Array(words.length);
  order.forEach((id, k) => (renumber[id] = k));
  // Runs of terms that share group, ref, language and weight (term order is kept: it is the
  // order in which matches of one word are reported).
  const runs: TermRun[] = [];
  let last: TermRun | undefined;
  for (const [group, ref, lang, pattern, ids, weight] of terms) {
    const code = ids.map((id) => renumber[id]!.toString(36)).join('.');
    if (last && last[0] === group && last[1] === ref && last[2] === lang && last[5] === weight) {
      last[3] += `|${pattern}`;
      last[4] += ` ${code}`;
    } else {
      last = [group, ref, lang, pattern, code, weight];
      runs.push(last);
    }
  }
  return {
    format: 'cdc-detector/3',
    langs,
    words: order.map((id) => words[id]!).join(' '),
    terms: runs,
    stems: [...stems.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    figures: figures.map((f) => ({ series: f.series, value: f.value, asOf: f.asOf })),
    numbers: compileNumberVocab(lexicons),
  };
}

/** Base-36 word ids separated by `.` (at least one). */
function parseIds(code: string): number[] {
  const ids: number[] = [];
  let v = -1;
  for (let q = 0; q < code.length; q++) {
    const c = code.charCodeAt(q);
    if (c === 0x2e) {
      if (v < 0) fail('term words');
      ids.push(v);
      v = -1;
      continue;
    }
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x7a ? c - 0x57 : -1;
    if (d < 0) fail('term words');
    v = (v < 0 ? 0 : v * 36) + d;
  }
  if (v < 0) fail('term words');
  ids.push(v);
  return ids;
}

/** The term rows and word list of the serialised form (validated). */
function unpack(json: SerializedDetector): { words: string[]; rows: TermRow[] } {
  const words = json.words.length === 0 ? [] : json.words.split(' ');
  if (!words.every((w) => w.length > 0 && w.length <= 80)) fail('words');
  const rows: TermRow[] = [];
  for (const run of json.terms) {
    const [group, ref, lang, patterns, codes, weight] = run;
    const ps = patterns.split('|');
    const cs = codes.split(' ');
    if (ps.length !== cs.length) fail('term run');
    for (let k = 0; k < ps.length; k++) {
      const ids = parseIds(cs[k]!);
      for (const id of ids) if (!(id < words.length)) fail('term words');
      rows.push([group, ref, lang, ps[k]!, ids, weight]);
    }
  }
  return { words, rows };
}

/** Rebuild the matchers from the serialised form (validates its shape). */
export function hydrateDetector(input: unknown): CompiledDetector {
  const json = checkSerialized(input);
  const { words, rows } = unpack(json);
  const nWords = words.length;
  // Word bodies (without `*`) sorted by code units: the trie is then built in one pass, each
  // word sharing the path of its common prefix with the previous one, and every node's
  // children are created in increasing code order.
  const bodies = new Array<string>(nWords);
  const bodyLen = new Int32Array(nWords);
  let chars = 0;
  for (let id = 0; id < nWords; id++) {
    const body = bodyOf(words[id]!);
    bodies[id] = body;
    bodyLen[id] = body.length;
    chars += body.length;
  }
  const order = Array.from({ length: nWords }, (_, id) => id);
  let sorted = true;
  for (let id = 1; id < nWords && sorted; id++) if (bodies[id - 1]! > bodies[id]!) sorted = false;
  if (!sorted)
    order.sort((a, b) => {
      const x = bodies[a]!;
      const y = bodies[b]!;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  const parent = new Int32Array(chars + 1);
  const code = new Uint16Array(chars + 1);
  const wordNode = new Int32Array(nWords);
  const path = new Int32Array(81); // path[d]: node at depth d of the previous word
  let nodes = 1;
  let prev = '';
  for (const id of order) {
    const body = bodies[id]!;
    let d = 0;
    const max = Math.min(prev.length, body.length);
    while (d < max && prev.charCodeAt(d) === body.charCodeAt(d)) d++;
    for (let q = d; q < body.length; q++) {
      parent[nodes] = path[q]!;
      code[nodes] = body.charCodeAt(q);
      path[q + 1] = nodes++;
    }
    wordNode[id] = path[body.length]!;
    prev = body;
  }
  // Flatten: a direct table for the root, sorted edge lists for the other nodes.
  const root = new Int32Array(65536).fill(-1);
  const edgeStart = new Int32Array(nodes + 1);
  for (let n = 1; n < nodes; n++) {
    const p = parent[n]!;
    if (p === 0) root[code[n]!] = n;
    else edgeStart[p + 1]!++;
  }
  for (let k = 1; k <= nodes; k++) edgeStart[k]! += edgeStart[k - 1]!;
  const fill = edgeStart.slice(0, nodes);
  const nEdges = edgeStart[nodes]!;
  const edgeCode = new Uint16Array(nEdges);
  const edgeNode = new Int32Array(nEdges);
  for (let n = 1; n < nodes; n++) {
    const p = parent[n]!;
    if (p === 0) continue;
    const k = fill[p]!++;
    edgeCode[k] = code[n]!;
    edgeNode[k] = n;
  }
  // Word ids per node, in id order (as matches are reported).
  const exact = new Array<number[] | undefined>(nodes).fill(undefined);
  const prefix = new Array<number[] | undefined>(nodes).fill(undefined);
  for (let id = 0; id < nWords; id++) {
    const w = words[id]!;
    const table = w.length !== bodyLen[id] ? prefix : exact;
    const node = wordNode[id]!;
    const list = table[node];
    if (list) list.push(id);
    else table[node] = [id];
  }

  const anchorTerms = new Array<number[] | undefined>(nWords).fill(undefined);
  const terms = new Array<Term>(rows.length);
  for (let id = 0; id < rows.length; id++) {
    const [group, ref, lang, pattern, ws, weight] = rows[id]!;
    let anchor = 0;
    for (let k = 1; k < ws.length; k++) if (bodyLen[ws[k]!]! > bodyLen[ws[anchor]!]!) anchor = k;
    const list = anchorTerms[ws[anchor]!];
    if (list) list.push(id);
    else anchorTerms[ws[anchor]!] = [id];
    terms[id] = { id, group, ref, lang, pattern, words: ws, anchor, weight };
  }

  const figuresBySeries = new Map<string, FigureRef[]>();
  for (const f of json.figures) {
    const list = figuresBySeries.get(f.series) ?? [];
    list.push(f);
    figuresBySeries.set(f.series, list);
  }
  for (const list of figuresBySeries.values())
    list.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));

  return {
    json,
    terms,
    root,
    edgeStart,
    edgeCode,
    edgeNode,
    exact,
    prefix,
    anchorTerms,
    figuresBySeries,
    numbers: hydrateNumberVocab(json.numbers),
  };
}

/** The trie child of `node` for code unit `c`, or -1. */
export function step(det: CompiledDetector, node: number, c: number): number {
  if (node === 0) return det.root[c]!;
  const { edgeStart, edgeCode, edgeNode } = det;
  let lo = edgeStart[node]!;
  let hi = edgeStart[node + 1]!;
  if (hi - lo <= 8) {
    for (; lo < hi; lo++) {
      const e = edgeCode[lo]!;
      if (e === c) return edgeNode[lo]!;
      if (e > c) return -1;
    }
    return -1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const e = edgeCode[mid]!;
    if (e === c) return edgeNode[mid]!;
    if (e < c) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** Compile and hydrate in one step. `detector.json` is the serialisable form. */
export function compileDetector(
  lexicons: readonly Lexicon[],
  figures: readonly FigureRef[] = [],
): CompiledDetector {
  return hydrateDetector(compileLexicons(lexicons, figures));
}

/** Parse a serialised detector from a JSON string or a parsed object. */
export function detectorFromJSON(text: string): CompiledDetector {
  return hydrateDetector(JSON.parse(text) as unknown);
}

function fail(what: string): never {
  throw new TypeError(`invalid serialised detector: ${what}`);
}

function checkGroup(group: unknown, ref: unknown, lang: unknown, pattern: unknown): void {
  if (typeof group !== 'number' || !Number.isInteger(group) || group < 0 || group >= GROUPS.length)
    fail('term group');
  if (ref !== null && typeof ref !== 'string') fail('term ref');
  if (typeof lang !== 'string' || typeof pattern !== 'string') fail('term lang/pattern');
}

function checkSerialized(input: unknown): SerializedDetector {
  if (typeof input !== 'object' || input === null) fail('not an object');
  const o = input as Record<string, unknown>;
  if (o.format !== 'cdc-detector/3') fail('unknown format');
  const { langs, words, terms, stems, figures } = o;
  if (!Array.isArray(langs) || !langs.every((l) => typeof l === 'string')) fail('langs');
  if (!Array.isArray(terms)) fail('terms');
  if (typeof words !== 'string') fail('words');
  for (const t of terms as unknown[]) {
    if (!Array.isArray(t) || t.length !== 6) fail('term run');
    const [group, ref, lang, patterns, ids, weight] = t as unknown[];
    checkGroup(group, ref, lang, patterns);
    if (typeof ids !== 'string') fail('term words');
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1) fail('term weight');
  }
  if (
    !Array.isArray(stems) ||
    !stems.every((s) => Array.isArray(s) && typeof s[0] === 'string' && typeof s[1] === 'number')
  )
    fail('stems');
  if (
    !Array.isArray(figures) ||
    !figures.every(
      (f) =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as FigureRef).series === 'string' &&
        typeof (f as FigureRef).value === 'number' &&
        typeof (f as FigureRef).asOf === 'string',
    )
  )
    fail('figures');
  checkNumberVocab(o.numbers);
  return input as SerializedDetector;
}
