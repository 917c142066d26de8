/**
 * Compile lexicons (safe pattern language) into a serialisable detector, and hydrate it into
 * linear-time matchers.
 *
 * A pattern is one or more words separated by spaces; a word may end in `*` (any ending).
 * Hyphens inside a word split it into a phrase ("Lvova-Belova" matches "Lvova Belova" too).
 * Words are folded with `foldWord`, exactly like page text. The serialised form is plain JSON:
 * the folded word list, the term table and the pre-filter stems. Hydration builds one
 * character trie (a single Map keyed by node and code unit), which takes well under a
 * millisecond for the bundled lexicons.
 */
import type { Lexicon } from '../dataset/lexicon';
import { SAFE_PATTERN } from '../dataset/safe-pattern';
import { foldWord, skeleton } from './normalize';

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

/** One compiled term: [group, ref id (claim/series) or null, language, pattern, word ids]. */
export type TermRow = [number, string | null, string, string, number[]];

export interface SerializedDetector {
  format: 'cdc-detector/1';
  langs: string[];
  /** Folded words; a trailing `*` marks a prefix (wildcard) word. */
  words: string[];
  terms: TermRow[];
  /**
   * Pre-filter: skeleton stems (at most 8 code units) with a bit mask of groups; a stem ending
   * in `$` is a whole word.
   */
  stems: [string, number][];
  figures: FigureRef[];
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

  const add = (group: number, ref: string | null, lang: string, pattern: string) => {
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
    terms.push([group, ref, lang, pattern, ids]);
    if (group === G.child || group === G.strong || group === G.context || group === G.destination) {
      // Any word of a phrase must be present: index the longest (the most selective; on a
      // tie the later one, since phrases tend to start with prepositions: "до рф", "in russia").
      const longest = ws.reduce((a, b) =>
        b.replace('*', '').length >= a.replace('*', '').length ? b : a,
      );
      const stem = stemOf(longest);
      // A short exact word only counts when the page's word ends there too.
      const exactWord = !longest.endsWith('*') && stem.length === longest.length;
      const key = exactWord ? `${stem}$` : stem;
      if (stem.length > 0) stems.set(key, (stems.get(key) ?? 0) | (1 << group));
    }
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
      for (const p of cue.patterns) add(G.series, cue.id, lex.lang, p);
  }
  return {
    format: 'cdc-detector/1',
    langs,
    words,
    terms,
    stems: [...stems.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    figures: figures.map((f) => ({ series: f.series, value: f.value, asOf: f.asOf })),
  };
}

/** Rebuild the matchers from the serialised form (validates its shape). */
export function hydrateDetector(input: unknown): CompiledDetector {
  const json = checkSerialized(input);
  const trie = new Map<number, number>(); // build-time only
  const exact: (number[] | undefined)[] = [undefined];
  const prefix: (number[] | undefined)[] = [undefined];
  let nodes = 1;
  json.words.forEach((word, id) => {
    const wild = word.endsWith('*');
    const body = wild ? word.slice(0, -1) : word;
    let node = 0;
    for (let i = 0; i < body.length; i++) {
      const key = node * 65536 + body.charCodeAt(i);
      let next = trie.get(key);
      if (next === undefined) {
        next = nodes++;
        trie.set(key, next);
        exact.push(undefined);
        prefix.push(undefined);
      }
      node = next;
    }
    const table = wild ? prefix : exact;
    (table[node] ??= []).push(id);
  });
  // Flatten: a direct table for the root, sorted edge lists for the other nodes.
  const root = new Int32Array(65536).fill(-1);
  const edges: [number, number, number][] = [];
  for (const [key, child] of trie) {
    const parent = Math.floor(key / 65536);
    const code = key % 65536;
    if (parent === 0) root[code] = child;
    else edges.push([parent, code, child]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const edgeStart = new Int32Array(nodes + 1);
  const edgeCode = new Uint16Array(edges.length);
  const edgeNode = new Int32Array(edges.length);
  edges.forEach(([parent, code, child], k) => {
    edgeStart[parent + 1]!++;
    edgeCode[k] = code;
    edgeNode[k] = child;
  });
  for (let k = 1; k <= nodes; k++) edgeStart[k]! += edgeStart[k - 1]!;

  const anchorTerms: (number[] | undefined)[] = new Array(json.words.length);
  const stemLength = (w: number) => json.words[w]!.replace('*', '').length;
  const terms: Term[] = json.terms.map(([group, ref, lang, pattern, words], id) => {
    let anchor = 0;
    words.forEach((w, k) => {
      if (stemLength(w) > stemLength(words[anchor]!)) anchor = k;
    });
    (anchorTerms[words[anchor]!] ??= []).push(id);
    return { id, group, ref, lang, pattern, words, anchor };
  });

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

function checkSerialized(input: unknown): SerializedDetector {
  if (typeof input !== 'object' || input === null) fail('not an object');
  const o = input as Record<string, unknown>;
  if (o.format !== 'cdc-detector/1') fail('unknown format');
  const { langs, words, terms, stems, figures } = o;
  if (!Array.isArray(langs) || !langs.every((l) => typeof l === 'string')) fail('langs');
  if (
    !Array.isArray(words) ||
    !words.every((w) => typeof w === 'string' && w.length > 0 && w.length <= 80)
  )
    fail('words');
  if (!Array.isArray(terms)) fail('terms');
  for (const t of terms as unknown[]) {
    if (!Array.isArray(t) || t.length !== 5) fail('term row');
    const [group, ref, lang, pattern, ids] = t as unknown[];
    if (
      typeof group !== 'number' ||
      !Number.isInteger(group) ||
      group < 0 ||
      group >= GROUPS.length
    )
      fail('term group');
    if (ref !== null && typeof ref !== 'string') fail('term ref');
    if (typeof lang !== 'string' || typeof pattern !== 'string') fail('term lang/pattern');
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      !ids.every((i) => Number.isInteger(i) && i >= 0 && i < words.length)
    )
      fail('term words');
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
  return input as SerializedDetector;
}
