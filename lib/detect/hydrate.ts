/**
 * Hydrate a serialised detector (format 3) into its matchers: the term table, the character
 * trie as flat typed arrays (a direct table for the root, sorted edge lists below it), the
 * figures by series and the number vocabulary; and check the serialised shape first, since
 * a stored detector is untrusted input.
 */
import {
  GROUPS,
  bodyOf,
  compileLexicons,
  type CompiledDetector,
  type FigureRef,
  type SerializedDetector,
  type Term,
} from './compile';
import type { Lexicon } from '../dataset/lexicon';
import { checkNumberVocab, hydrateNumberVocab } from './number-vocab';

/** Base-36 word ids separated by `.` (at least one), each below `nWords`. */
function parseIds(code: string, nWords: number): number[] {
  const ids: number[] = [];
  let v = -1;
  for (let q = 0; q < code.length; q++) {
    const c = code.charCodeAt(q);
    if (c === 0x2e) {
      if (v < 0 || v >= nWords) fail('term words');
      ids.push(v);
      v = -1;
      continue;
    }
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x7a ? c - 0x57 : -1;
    if (d < 0) fail('term words');
    v = (v < 0 ? 0 : v * 36) + d;
  }
  if (v < 0 || v >= nWords) fail('term words');
  ids.push(v);
  return ids;
}

/**
 * The words and the terms of the serialised form (validated), the terms' anchors still
 * to be set: one pass, since a page's first run of this code is interpreted.
 */
function unpack(json: SerializedDetector): { words: string[]; terms: Term[] } {
  const words = json.words.length === 0 ? [] : json.words.split(' ');
  for (let id = 0; id < words.length; id++) {
    const length = words[id]!.length;
    if (length === 0 || length > 80) fail('words');
  }
  const terms: Term[] = [];
  for (let r = 0; r < json.terms.length; r++) {
    const [group, ref, lang, patterns, codes, weight] = json.terms[r]!;
    const ps = patterns.split('|');
    const cs = codes.split(' ');
    if (ps.length !== cs.length) fail('term run');
    for (let k = 0; k < ps.length; k++) {
      const id = terms.length;
      const ws = parseIds(cs[k]!, words.length);
      terms.push({ id, group, ref, lang, pattern: ps[k]!, words: ws, anchor: 0, weight });
    }
  }
  return { words, terms };
}

/** Rebuild the matchers from the serialised form (validates its shape). */
export function hydrateDetector(input: unknown): CompiledDetector {
  const json = checkSerialized(input);
  const { words, terms } = unpack(json);
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
  for (let id = 0; id < terms.length; id++) {
    const term = terms[id]!;
    const ws = term.words;
    let anchor = 0;
    for (let k = 1; k < ws.length; k++) if (bodyLen[ws[k]!]! > bodyLen[ws[anchor]!]!) anchor = k;
    term.anchor = anchor;
    const list = anchorTerms[ws[anchor]!];
    if (list) list.push(id);
    else anchorTerms[ws[anchor]!] = [id];
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
