/**
 * The pre-filter: one cheap pass over a page's whole text that says "no topic words here".
 *
 * It looks only at word starts, folds up to eight code units of each word (case, look-alike
 * letters, ignorable characters) and walks them through a small trie of stems taken from the
 * lexicon's child, strong, context and destination terms. It answers `true` when a strong
 * stem is present, or a child stem together with a context or destination stem. Every page on
 * which `detectBlocks` can find a relevant block passes (the stems are prefixes of the terms
 * the rules need), so a `false` answer is safe.
 *
 * The pre-filter is its own small serialisable object (`PrefilterJSON`, a few KB), so that a
 * content script can load it alone on every page and fetch the full detector only when it
 * passes:
 *
 *   const json = compilePrefilter(detector);            // with the detector, once per dataset
 *   const pf = prefilterFromJSON(json);                 // in the content script: cheap
 *   if (runPrefilter(pf, pageText)) ... load the detector, detectBlocks(...)
 */
import { G, compileLexicons, type CompiledDetector, type SerializedDetector } from './compile';
import {
  CLASS as CLS,
  FOLD as FLD,
  IGN,
  MARK,
  SLOW,
  charClass,
  foldWord,
  skeleton,
} from './normalize';
import type { Lexicon } from '../dataset/lexicon';

const STRONG = 1 << G.strong;
const CHILD = 1 << G.child;
const PLACE = (1 << G.context) | (1 << G.destination);

/** Whether the groups in `mask` (from `runPrefilterMask`) let a page pass the pre-filter. */
export function prefilterPasses(mask: number): boolean {
  return (mask & STRONG) !== 0 || ((mask & CHILD) !== 0 && (mask & PLACE) !== 0);
}

function isWord(k: number): boolean {
  return (k >= 1 && k <= 6) || k === SLOW;
}

const STEM = 8;

function hashOf(key: number, size: number): number {
  return (Math.imul(key | 0, 0x9e3779b1) >>> 16) & (size - 1);
}

/** The child of `node` (not the root) for skeleton code `c`, or 0. */
function edge(keys: Float64Array, nodes: Int32Array, node: number, c: number): number {
  const key = node * 65536 + c + 1;
  const mask = keys.length - 1;
  let h = hashOf(key - 1, keys.length);
  for (;;) {
    const k = keys[h]!;
    if (k === key) return nodes[h]!;
    if (k === 0) return 0;
    h = (h + 1) & mask;
  }
}

/**
 * The serialised pre-filter: skeleton stems (at most 8 code units, a trailing `$` marks a
 * whole word) separated by spaces, one string per role.
 */
export interface PrefilterJSON {
  format: 'cdc-prefilter/1';
  strong: string;
  child: string;
  /** Context and destination stems (Ukraine/Russia, the places children are taken to). */
  place: string;
}

/** A hydrated pre-filter. */
export interface Prefilter {
  readonly json: PrefilterJSON;
  /**
   * Stem trie: root children by skeleton code (0: none), other edges in a Map keyed by node
   * and code.
   */
  readonly root: Int32Array;
  readonly edges: Map<number, number>;
  readonly mask: number[];
  /** Groups whose whole (short) word ends at this node. */
  readonly exact: number[];
  /** Root node by raw code unit, filled lazily (0: not computed yet, -1: none). */
  readonly rawRoot: Int32Array;
  /** The same edges as an open-addressing hash: keys (node * 65536 + code + 1) and children. */
  readonly hashKeys: Float64Array;
  readonly hashNodes: Int32Array;
}

const ROLES: [keyof Omit<PrefilterJSON, 'format'>, number][] = [
  ['strong', STRONG],
  ['child', CHILD],
  ['place', PLACE],
];

/** The pre-filter of a detector (compiled, or serialised), or of validated lexicons. */
export function compilePrefilter(
  source: CompiledDetector | SerializedDetector | readonly Lexicon[],
): PrefilterJSON {
  const stems: [string, number][] = Array.isArray(source)
    ? compileLexicons(source as readonly Lexicon[]).stems
    : 'format' in source
      ? (source as SerializedDetector).stems
      : (source as CompiledDetector).json.stems;
  const out: PrefilterJSON = { format: 'cdc-prefilter/1', strong: '', child: '', place: '' };
  for (const [role, bits] of ROLES) {
    out[role] = stems
      .filter(([, m]) => (m & bits) !== 0)
      .map(([s]) => s)
      .join(' ');
  }
  return out;
}

function checkPrefilter(input: unknown): PrefilterJSON {
  if (typeof input !== 'object' || input === null)
    throw new TypeError('invalid pre-filter: not an object');
  const o = input as Record<string, unknown>;
  if (o.format !== 'cdc-prefilter/1') throw new TypeError('invalid pre-filter: unknown format');
  for (const [role] of ROLES)
    if (typeof o[role] !== 'string') throw new TypeError(`invalid pre-filter: ${role}`);
  return input as PrefilterJSON;
}

/** Hydrate a pre-filter from its JSON (a parsed object or a JSON string). */
export function prefilterFromJSON(input: unknown): Prefilter {
  const json = checkPrefilter(typeof input === 'string' ? (JSON.parse(input) as unknown) : input);
  const root = new Int32Array(65536);
  const edges = new Map<number, number>();
  const mask: number[] = [0];
  const exact: number[] = [0];
  for (const [role, bits] of ROLES) {
    for (const key of json[role].split(' ')) {
      if (key.length === 0) continue;
      const whole = key.endsWith('$');
      const stem = whole ? key.slice(0, -1) : key;
      let node = 0;
      for (let i = 0; i < stem.length && i < STEM; i++) {
        const c = stem.charCodeAt(i);
        let next = node === 0 ? root[c]! : (edges.get(node * 65536 + c) ?? 0);
        if (next === 0) {
          next = mask.length;
          mask.push(0);
          exact.push(0);
          if (node === 0) root[c] = next;
          else edges.set(node * 65536 + c, next);
        }
        node = next;
      }
      if (node === 0) continue;
      if (whole) exact[node] = exact[node]! | bits;
      else mask[node] = mask[node]! | bits;
    }
  }
  let size = 64;
  while (size < edges.size * 4) size *= 2;
  const hashKeys = new Float64Array(size);
  const hashNodes = new Int32Array(size);
  for (const [key, child] of edges) {
    let h = hashOf(key, size);
    while (hashKeys[h] !== 0) h = (h + 1) & (size - 1);
    hashKeys[h] = key + 1;
    hashNodes[h] = child;
  }
  return { json, root, edges, mask, exact, rawRoot: new Int32Array(65536), hashKeys, hashNodes };
}

function walkStem(pf: Prefilter, key: string): number {
  let node = 0;
  let mask = 0;
  for (let q = 0; q < key.length && q < STEM; q++) {
    const f = skeleton(key.charCodeAt(q));
    const next = node === 0 ? pf.root[f]! : (pf.edges.get(node * 65536 + f) ?? 0);
    if (next === 0) break;
    node = next;
    mask |= pf.mask[node]!;
    if (q + 1 === key.length) mask |= pf.exact[node]!;
  }
  return mask;
}

/** Walk the word starting at `i` through the stem trie; the groups it gives. */
function walkWord(pf: Prefilter, text: string, i: number): number {
  const { root, edges, exact } = pf;
  const n = text.length;
  let mask = 0;
  let node = 0;
  let depth = 0;
  let q = i;
  while (q < n && depth < STEM) {
    const cq = text.charCodeAt(q);
    const kq = charClass(cq);
    if (kq === IGN) {
      q++;
      continue;
    }
    if (kq === MARK || kq === SLOW) {
      let e = i;
      while (e < n && e - i < 64 && isWord(charClass(text.charCodeAt(e)))) e++;
      return mask | walkStem(pf, foldWord(text.slice(i, e)));
    }
    if (!isWord(kq)) break;
    const f = skeleton(FLD[cq]!);
    const next = node === 0 ? root[f]! : (edges.get(node * 65536 + f) ?? 0);
    if (next === 0) break;
    node = next;
    depth++;
    mask |= pf.mask[node]!;
    q++;
    if (exact[node] !== 0) {
      let e = q;
      while (e < n && charClass(text.charCodeAt(e)) === IGN) e++;
      if (e >= n || !isWord(charClass(text.charCodeAt(e)))) mask |= exact[node]!;
    }
  }
  return mask;
}

/**
 * Which pre-filter groups occur in `text` (a bit mask over `G`); stops once it passes, or
 * once it finds a group in `stopAny`.
 */
export function runPrefilterMask(pf: Prefilter, text: string, stopAny = 0): number {
  const { rawRoot, root, hashKeys, hashNodes, mask: nodeMask, exact } = pf;
  const n = text.length;
  let mask = 0;
  let prevWord = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let k = CLS[c]!;
    if (k === 255) k = charClass(c);
    if (k === 0 || k === 9) {
      // Separators and breaks (the common case between words).
      prevWord = false;
      continue;
    }
    // Ignorables and marks continue a word but never start one (as in the matcher).
    if (k === IGN || k === MARK) continue;
    if (k === 7) {
      prevWord = false; // apostrophe
      continue;
    }
    if (prevWord) continue;
    prevWord = true;
    // A word start: only words whose first unit starts a stem (or needs full folding) count.
    let r = rawRoot[c]!;
    if (r === 0) {
      r = root[skeleton(FLD[c]!)]! || -1;
      rawRoot[c] = r;
    }
    if (k !== SLOW) {
      if (r < 0) continue;
      // Fast path: follow plain letters through the trie while no stem ends; most words
      // leave it after two or three units. Anything else takes the exact walk.
      let node = r;
      let q = i + 1;
      while (nodeMask[node] === 0 && exact[node] === 0 && q < n && q - i < STEM) {
        const cq = text.charCodeAt(q);
        let kq = CLS[cq]!;
        if (kq === 255) kq = charClass(cq);
        if (kq !== 1 && kq !== 2 && kq !== 3 && kq !== 4) {
          if (kq === IGN || kq === MARK || kq === SLOW) node = -1; // exact walk
          break;
        }
        node = edge(hashKeys, hashNodes, node, skeleton(FLD[cq]!));
        if (node === 0) break;
        q++;
      }
      if (node === 0) continue;
      if (node > 0 && nodeMask[node] === 0 && exact[node] === 0) continue;
    }
    mask |= walkWord(pf, text, i);
    if (prefilterPasses(mask) || (mask & stopAny) !== 0) return mask;
  }
  return mask;
}

/** `false` means: no block of this text can be relevant; skip all further work. */
export function runPrefilter(pf: Prefilter, text: string): boolean {
  return prefilterPasses(runPrefilterMask(pf, text));
}

const byDetector = new WeakMap<CompiledDetector, Prefilter>();

/** The pre-filter of a compiled detector (hydrated once, then cached). */
export function prefilterOf(det: CompiledDetector): Prefilter {
  let pf = byDetector.get(det);
  if (!pf) {
    pf = prefilterFromJSON(compilePrefilter(det));
    byDetector.set(det, pf);
  }
  return pf;
}

/** Which pre-filter groups occur in `text` (a bit mask over `G`). */
export function prefilterMask(det: CompiledDetector, text: string): number {
  return runPrefilterMask(prefilterOf(det), text);
}

/** `false` means: no block of this text can be relevant; skip all further work. */
export function prefilter(det: CompiledDetector, text: string): boolean {
  return prefilterPasses(prefilterMask(det, text));
}
