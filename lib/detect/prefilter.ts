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
 *   if (runPrefilter(pf, pageText)) ... load the detector, detectBlocks(...)
 *
 * The compiler is `prefilter-compile.ts`, the serialised form both read
 * `prefilter-format.ts`; the groups and when they pass are `prefilter-rules.ts`, and a
 * text is read by `prefilter-units.ts` (one code unit at a time), `prefilter-lines.ts` (a
 * long text by its distinct lines) and `prefilter-plain.ts` (a plain text, natively).
 */
import type { CompiledDetector } from './compile';
import { compilePrefilter } from './prefilter-compile';
import {
  BASE,
  PLACE,
  PREFILTER_FORMAT,
  STRONG,
  type PrefilterJSON,
  type PrefilterTrie,
} from './prefilter-format';
import { readLines } from './prefilter-lines';
import { groupPlainStems, type PlainStemGroup } from './prefilter-plain';
import {
  GROUP_BITS,
  NEAR_ACTION,
  NEAR_PARTNER,
  RELEVANT_GROUPS,
  prefilterPasses,
} from './prefilter-rules';
import { newScan, readText } from './prefilter-units';

export * from './prefilter-rules';
export { mayHoldChildWords } from './prefilter-plain';
export { wordsApart } from './prefilter-apart';
export { PIECE_SPLITTERS } from './prefilter-lines';

/** A pre-filter ready to run: its JSON, and the trie's arrays (see `PrefilterTrie`). */
export interface Prefilter extends PrefilterTrie {
  readonly json: PrefilterJSON;
  /** `plainStems` as a list, and whether one of them holds an apostrophe. */
  readonly plainStems: readonly string[];
  readonly plainApostrophe: boolean;
  /** `plainStems` grouped for the search (see `groupPlainStems`). */
  readonly plainGroups: readonly PlainStemGroup[];
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
    plainGroups: groupPlainStems(plainStems),
  };
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
