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
 *   const json = compilePrefilter(detector);            // in the background, once per dataset
 *   const pf = prefilterFromJSON(json);                 // in the content script: cheap
 *
 * The compiler is `prefilter-compile.ts`; the serialised form both read is
 * `prefilter-format.ts`.
 *   if (runPrefilter(pf, pageText)) ... load the detector, detectBlocks(...)
 */
import type { CompiledDetector } from './compile';
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
import { compilePrefilter } from './prefilter-compile';
import {
  ACTION,
  BASE,
  CHILD,
  NOT_PLAIN,
  PARTNER,
  PLACE,
  PLAIN_APOSTROPHES,
  PREFILTER_FORMAT,
  STEM,
  STRONG,
  type PrefilterJSON,
  type PrefilterTrie,
} from './prefilter-format';

/** The groups a pass needs beside a strong stem (see `prefilterPasses`). */
export const PASS_GROUPS = CHILD | PLACE | ACTION | PARTNER;

/**
 * The groups a page's text without child or strong stems (`mayHoldChildWords` false) is
 * taken to have, unread: every other group. Alone it never passes; beside a child word
 * that text added later brings, the page's blocks are read (`prefilterPassesBlocks`), and
 * they tell exactly.
 */
export const UNREAD_GROUPS = PLACE | ACTION | PARTNER;

/**
 * Bits the pre-filter adds beside the groups: a child word within `NEAR_WORDS` words of an
 * action word, and of a partner word, in the same text.
 */
export const NEAR_ACTION = 1 << 11;
export const NEAR_PARTNER = 1 << 12;
/**
 * How close a child word and an action word must be. The rules pair them within `WINDOW`
 * (24) tokens of one block, and a phrase's indexed word may sit a few words from its
 * end; the page's text can also hold words a block leaves out (hidden or inline elements).
 * Well over twice the window keeps every relevant block in.
 */
export const NEAR_WORDS = 64;

/**
 * Whether the groups in `mask` (from `runPrefilterMask`) let a page pass the pre-filter:
 * a strong stem; or a child stem near an action stem, with a place stem anywhere (every
 * rule but `strong` needs a child term within a few words of a movement, euphemism or
 * return term, and a Ukraine/Russia context or destination on the page); or a child stem
 * near the partner of a strong phrase ("kids" and "bring" of "bring kids back").
 */
export function prefilterPasses(mask: number): boolean {
  if ((mask & (STRONG | NEAR_PARTNER)) !== 0) return true;
  return (mask & NEAR_ACTION) !== 0 && (mask & PLACE) !== 0;
}

/**
 * Whether the groups in `mask` would let a page pass if the words were near each other:
 * texts checked apart (added by different mutations) cannot tell, so the page's whole text
 * is worth checking again.
 */
export function prefilterPassesApart(mask: number): boolean {
  if (prefilterPasses(mask)) return true;
  if ((mask & CHILD) === 0) return false;
  return (mask & PARTNER) !== 0 || ((mask & ACTION) !== 0 && (mask & PLACE) !== 0);
}

/** Classes inside a word, and those that start one, as bits (see `normalize.ts`). */
const IN_WORD = 0b1_0111_1110;
const STARTS_WORD = 0b1_0001_1110;

function isWord(k: number): boolean {
  return (k >= 1 && k <= 6) || k === SLOW;
}

/**
 * The child of `node` for skeleton code `c`, or 0: a binary search among the node's
 * children, which are numbered in a row and sorted by code (see `buildTrie`).
 */
function child(pf: Prefilter, node: number, c: number): number {
  const { codes, first } = pf;
  let lo = first.charCodeAt(node) - BASE;
  let hi = first.charCodeAt(node + 1) - BASE;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const code = codes.charCodeAt(mid);
    if (code === c) return mid;
    if (code < c) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** A pre-filter ready to run: its JSON, and the trie's arrays (see `PrefilterTrie`). */
export interface Prefilter extends PrefilterTrie {
  readonly json: PrefilterJSON;
  /** `plainStems` as a list, and whether one of them holds an apostrophe. */
  readonly plainStems: readonly string[];
  readonly plainApostrophe: boolean;
}

function checkPrefilter(input: unknown): PrefilterJSON {
  if (typeof input !== 'object' || input === null)
    throw new TypeError('invalid pre-filter: not an object');
  const o = input as Record<string, unknown>;
  if (o.format !== PREFILTER_FORMAT) throw new TypeError('invalid pre-filter: unknown format');
  const trie = o.trie as Record<string, unknown> | null | undefined;
  const nodes = typeof trie?.codes === 'string' ? trie.codes.length : -1;
  if (
    !trie ||
    nodes < 1 ||
    typeof trie.mask !== 'string' ||
    typeof trie.exact !== 'string' ||
    typeof trie.first !== 'string' ||
    trie.mask.length !== nodes ||
    trie.exact.length !== nodes ||
    trie.first.length !== nodes + 1 ||
    trie.first.charCodeAt(nodes) - BASE !== nodes
  )
    throw new TypeError('invalid pre-filter: trie');
  if (typeof o.plainStems !== 'string') throw new TypeError('invalid pre-filter: plain stems');
  return input as PrefilterJSON;
}

/**
 * A pre-filter from its JSON (a parsed object or a JSON string). The trie is used as it
 * is: reading the pre-filter on a page costs no loop over its stems.
 */
export function prefilterFromJSON(input: unknown): Prefilter {
  const json = checkPrefilter(typeof input === 'string' ? (JSON.parse(input) as unknown) : input);
  const plainStems = json.plainStems.split(' ').filter((stem) => stem.length > 0);
  return {
    json,
    ...json.trie,
    plainStems,
    plainApostrophe: plainStems.some((stem) => stem.includes("'")),
  };
}

/**
 * False when `text` holds no child or strong stem anywhere: then no block of it can be
 * relevant, and it passes the pre-filter on no account of its own (`runPrefilterMask`
 * finds no `CHILD`, `STRONG` or `NEAR_*` bit in it). Told without the loop over its code
 * units when every unit is plain (see `NOT_PLAIN`): such a text reads as its lower case,
 * which is searched for each plain stem natively. True when a stem occurs (anywhere, not
 * only at a word's start) or when the text is not plain.
 */
export function mayHoldChildWords(pf: Prefilter, text: string): boolean {
  if (NOT_PLAIN.test(text)) return true;
  let lower = text.toLowerCase();
  if (pf.plainApostrophe) lower = lower.replace(PLAIN_APOSTROPHES, "'");
  for (const stem of pf.plainStems) if (lower.includes(stem)) return true;
  return false;
}

function walkStem(pf: Prefilter, key: string): number {
  let node = 0;
  let mask = 0;
  for (let q = 0; q < key.length && q < STEM; q++) {
    const next = child(pf, node, skeleton(key.charCodeAt(q)));
    if (next === 0) break;
    node = next;
    mask |= pf.mask.charCodeAt(node) - BASE;
    if (q + 1 === key.length) mask |= pf.exact.charCodeAt(node) - BASE;
  }
  return mask;
}

/** Walk the word starting at `i` through the stem trie; the groups it gives. */
function walkWord(pf: Prefilter, text: string, i: number): number {
  const { exact } = pf;
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
    const next = child(pf, node, skeleton(FLD[cq]!));
    if (next === 0) break;
    node = next;
    depth++;
    mask |= pf.mask.charCodeAt(node) - BASE;
    q++;
    const whole = exact.charCodeAt(node) - BASE;
    if (whole !== 0) {
      let e = q;
      while (e < n && charClass(text.charCodeAt(e)) === IGN) e++;
      if (e >= n || !isWord(charClass(text.charCodeAt(e)))) mask |= whole;
    }
  }
  return mask;
}

/**
 * Which pre-filter groups occur in `text` (a bit mask over `G`, plus the `NEAR_*` bits);
 * stops once it passes, or once it finds a group in `stopAny`.
 *
 * A long text is read by its distinct lines (see `readLines`): a loop of script over every
 * code unit is what a page pays for most, and a page repeats whole lines. The answer
 * passes, and stops, exactly when reading the whole text one code unit at a time would,
 * with its groups (a test checks it on every text).
 */
export function runPrefilterMask(pf: Prefilter, text: string, stopAny = 0): number {
  const scan = newScan();
  if (text.length < LINES_FROM) readText(pf, text, scan, stopAny);
  else readLines(pf, text, scan, stopAny);
  return scan.mask;
}

/** Below this length reading the whole text costs no more than splitting it. */
const LINES_FROM = 2048;

/**
 * What splits a text into lines: the line break, which ends every word and belongs to
 * none (class BRK of `charClass`; a test checks it). A page's text has its paragraphs, and
 * the lines of its source, on lines of their own, and a page repeats whole lines (menus,
 * captions, the same teaser twice), which are read once.
 */
export const PIECE_SPLITTERS = ['\n'] as const;

/**
 * What a distinct line holds, once read: its number of words, and each word that gave
 * groups as a pair (its word number in the line, its groups), in order.
 */
interface LineWords {
  words: number;
  hits: number[];
  /** The groups of those words, and the `NEAR_*` bits of how near they lie in the line. */
  groups: number;
  near: number;
}

/**
 * Reads `text` by its distinct lines, each once.
 *
 * First the distinct lines alone, in the order they first occur (a native `Set` drops the
 * lines a page repeats, so repeated lines cost nothing here), each with how near its own
 * words lie. Words of different lines can make the text pass only when it holds a child
 * word and a partner word, or a child, an action and a place word: until the lines read so
 * far do, their groups are the text's, and the reading stops where the whole-text reading
 * would (at a strong word or a word of `stopAny`; every line before a line's first
 * occurrence has occurred before it). Once they do, the text is read line by line in its
 * order, a line read before adding what it held at its place: words are counted across
 * lines, so how near a child word of one line is to an action word of the next is known
 * as in a whole-text reading. So the answer passes, or stops, exactly when the whole-text
 * reading does, with its groups; how near words of different lines lie is left out only
 * where it cannot make this text pass (a test checks all of it).
 *
 * Each line is trimmed first: every code unit `trim` removes is a separator, a break or an
 * ignorable, which start no word, and end one only where the line ends it anyway (a test
 * checks each), so the words are the same, and a line's indented copies are one.
 * (Splitting further, down to words, cost more on real pages than it saved: a call per
 * distinct word.)
 */
function readLines(pf: Prefilter, text: string, scan: UnitScan, stopAny: number): void {
  const lines = text.split(PIECE_SPLITTERS[0]);
  const byLine = new Map<string, LineWords>();
  const byTrimmed = new Map<string, LineWords>();
  const read = (raw: string): LineWords => {
    let words = byLine.get(raw);
    if (words === undefined) {
      const line = raw.trim();
      words = byTrimmed.get(line);
      if (words === undefined) {
        words = readLine(pf, line);
        byTrimmed.set(line, words);
      }
      byLine.set(raw, words);
    }
    return words;
  };
  let mask = 0;
  for (const raw of new Set(lines)) {
    const words = read(raw);
    mask |= words.groups | words.near;
    // Words of different lines could make it pass (or a line alone passes): read in order.
    if (prefilterPassesApart(mask)) {
      readInOrder(lines, read, scan, stopAny);
      return;
    }
    if ((mask & (STRONG | stopAny)) !== 0) break;
  }
  scan.mask = mask;
}

/** `readLines` in the text's order, each line's words at their place. */
function readInOrder(
  lines: readonly string[],
  read: (raw: string) => LineWords,
  scan: UnitScan,
  stopAny: number,
): void {
  for (const raw of lines) {
    const words = read(raw);
    if (addHits(scan, words.hits, 0, scan.words, stopAny)) return;
    scan.words += words.words;
  }
}

/** One line read whole, in chunks: its words, those that gave groups, how near they lie. */
function readLine(pf: Prefilter, line: string): LineWords {
  const words = newScan();
  const hits: number[] = [];
  for (let from = 0; from < line.length; from += UNITS_PER_CALL)
    readChunk(pf, line, from, Math.min(line.length, from + UNITS_PER_CALL), words, hits);
  let groups = 0;
  for (let h = 1; h < hits.length; h += 2) groups |= hits[h]!;
  // How near its words lie: a reading of its hits alone, with no group to stop at.
  const near = newScan();
  if ((groups & CHILD) !== 0 && (groups & (ACTION | PARTNER)) !== 0)
    addHits(near, hits, 0, 0, 0, false);
  return { words: words.words, hits, groups, near: near.mask & (NEAR_ACTION | NEAR_PARTNER) };
}

/** Exposed for tests: the two ways of reading a text, which must agree. */
export const scanForTests = {
  lines: (pf: Prefilter, text: string, stopAny = 0) => {
    const scan = newScan();
    readLines(pf, text, scan, stopAny);
    return scan.mask;
  },
  units: (pf: Prefilter, text: string, stopAny = 0) => {
    const scan = newScan();
    readText(pf, text, scan, stopAny);
    return scan.mask;
  },
};

/**
 * Where a reading of a text stands: the groups found, words read (and whether one is
 * open), and the word numbers of the last child, action and partner words (see
 * NEAR_WORDS).
 */
interface UnitScan {
  mask: number;
  prevWord: boolean;
  words: number;
  lastChild: number;
  lastAction: number;
  lastPartner: number;
}

// (The last words far apart, so that no two are near before both are seen.)
const newScan = (): UnitScan => ({
  mask: 0,
  prevWord: false,
  words: 0,
  lastChild: -1e9,
  lastAction: -2e9,
  lastPartner: -2e9,
});

/**
 * Adds `hits` from index `from` (pairs of a word number, counted from `base`, and its
 * groups) to `scan`, in order: their groups, and the `NEAR_*` bits of how near child words
 * lie to action and partner words. True when the reading may stop there (it passes, or a
 * group of `stopAny` turned up); with `mayStop` false, all of them are added.
 */
function addHits(
  scan: UnitScan,
  hits: readonly number[],
  from: number,
  base: number,
  stopAny: number,
  mayStop = true,
): boolean {
  let { mask, lastChild, lastAction, lastPartner } = scan;
  let stop = false;
  for (let h = from; h < hits.length; h += 2) {
    const word = base + hits[h]!;
    const found = hits[h + 1]!;
    if ((found & (CHILD | ACTION | PARTNER)) !== 0) {
      if ((found & CHILD) !== 0) lastChild = word;
      if ((found & ACTION) !== 0) lastAction = word;
      if ((found & PARTNER) !== 0) lastPartner = word;
      if (Math.abs(lastChild - lastAction) <= NEAR_WORDS) mask |= NEAR_ACTION;
      if (Math.abs(lastChild - lastPartner) <= NEAR_WORDS) mask |= NEAR_PARTNER;
    }
    mask |= found;
    if (mayStop && (prefilterPasses(mask) || (mask & stopAny) !== 0)) {
      stop = true;
      break;
    }
  }
  scan.mask = mask;
  scan.lastChild = lastChild;
  scan.lastAction = lastAction;
  scan.lastPartner = lastPartner;
  return stop;
}

/**
 * Code units read per call. A page reads its text once, cold: V8 compiles a function
 * once it has been called and has run a while, and only a later call runs the compiled
 * code, so one call over a long text would run in the interpreter throughout.
 */
const UNITS_PER_CALL = 4096;

/**
 * Reads `text` one code unit at a time, in chunks, adding the words that give groups to
 * `scan` after each chunk (their order and how near they lie); true when it stopped early.
 */
function readText(pf: Prefilter, text: string, scan: UnitScan, stopAny: number): boolean {
  const hits: number[] = [];
  for (let from = 0; from < text.length; from += UNITS_PER_CALL) {
    readChunk(pf, text, from, Math.min(text.length, from + UNITS_PER_CALL), scan, hits);
    if (addHits(scan, hits, 0, 0, stopAny)) return true;
    hits.length = 0;
  }
  return false;
}

/**
 * Reads units [from, to) of `text` on from `scan` (its word count and whether a word is
 * open), appending a pair (word number, groups) to `hits` for each word that gives groups.
 */
function readChunk(
  pf: Prefilter,
  text: string,
  from: number,
  to: number,
  scan: UnitScan,
  hits: number[],
): void {
  const { mask: nodeMask, exact } = pf;
  const n = text.length;
  let { prevWord, words } = scan;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let k = CLS[c]!;
    if (k === 255) k = charClass(c);
    // Inside a word (the common case: tested first, in few steps, since a page's one
    // reading runs in the interpreter), letters, digits, ignorables and marks go on with
    // it; separators, breaks and apostrophes end it. Ignorables and marks never start a
    // word (as in the matcher).
    if (prevWord) {
      if (((IN_WORD >> k) & 1) === 0) prevWord = false;
      continue;
    }
    if (((STARTS_WORD >> k) & 1) === 0) continue;
    prevWord = true;
    words++;
    // A word start: only words whose first unit starts a stem (or needs full folding) count.
    if (k !== SLOW) {
      const r = child(pf, 0, skeleton(FLD[c]!));
      if (r === 0) continue;
      // Fast path: follow plain letters through the trie while no stem ends; most words
      // leave it after two or three units. Anything else takes the exact walk.
      let node = r;
      let q = i + 1;
      while (
        nodeMask.charCodeAt(node) === BASE &&
        exact.charCodeAt(node) === BASE &&
        q < n &&
        q - i < STEM
      ) {
        const cq = text.charCodeAt(q);
        let kq = CLS[cq]!;
        if (kq === 255) kq = charClass(cq);
        if (kq !== 1 && kq !== 2 && kq !== 3 && kq !== 4) {
          if (kq === IGN || kq === MARK || kq === SLOW) node = -1; // exact walk
          break;
        }
        node = child(pf, node, skeleton(FLD[cq]!));
        if (node === 0) break;
        q++;
      }
      if (node === 0) continue;
      if (node > 0 && nodeMask.charCodeAt(node) === BASE && exact.charCodeAt(node) === BASE)
        continue;
    }
    const found = walkWord(pf, text, i);
    if (found !== 0) hits.push(words, found);
  }
  scan.prevWord = prevWord;
  scan.words = words;
}

/** The group bits of a mask (without the `NEAR_*` bits). */
const GROUP_BITS = NEAR_ACTION - 1;

/**
 * Whether a page passes block by block, as the rules read it: a block with a strong stem,
 * or with a child stem near a partner stem, or with a child stem near an action stem while
 * the page (its title or any block) has a place or strong stem. Every relevant block is a
 * block of the first kinds (the rules pair a child term with another term inside one
 * block, and take their Ukraine/Russia context from the block, its neighbours or the
 * title), so a page that fails here has none; a page whose whole text passes often does
 * not, when the words lie in different paragraphs, or outside the article's blocks.
 *
 * A block is read as `runPrefilterMask` reads a text (a long one by its distinct lines).
 */
export function prefilterPassesBlocks(
  pf: Prefilter,
  title: string,
  blocks: Iterable<string>,
): boolean {
  let page = runPrefilterMask(pf, title) & GROUP_BITS;
  let near = false;
  for (const text of blocks) {
    const groups = runPrefilterMask(pf, text);
    page |= groups & GROUP_BITS;
    if ((groups & (STRONG | NEAR_PARTNER)) !== 0) return true;
    if ((groups & NEAR_ACTION) !== 0) near = true;
    if (near && (page & (PLACE | STRONG)) !== 0) return true;
  }
  return false;
}

/** The groups a block needs one of to be relevant: a child or a strong stem. */
export const RELEVANT_GROUPS = CHILD | STRONG;

/**
 * Whether a block may be relevant: it holds a child or strong stem. The engine judges only
 * such blocks (the groups are a superset of its matcher's), so one without cannot be.
 */
export function blockMayBeRelevant(pf: Prefilter, text: string): boolean {
  return (runPrefilterMask(pf, text, RELEVANT_GROUPS) & RELEVANT_GROUPS) !== 0;
}

/** `false` means: no block of this text can be relevant; skip all further work. */
export function runPrefilter(pf: Prefilter, text: string): boolean {
  return prefilterPasses(runPrefilterMask(pf, text));
}

const byDetector = new WeakMap<CompiledDetector, Prefilter>();

/**
 * Makes `pf` the pre-filter of `det` (the one published with it), so the engine does not
 * build its trie again on the page.
 */
export function adoptPrefilter(det: CompiledDetector, pf: Prefilter): void {
  byDetector.set(det, pf);
}

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
