/**
 * Relevance per block, explanations and annotations.
 *
 * A block is relevant when
 *  - it holds a strong term (rule `strong`), or
 *  - a child term and a movement term lie within WINDOW words of each other, with a
 *    Ukraine/Russia context in the block, a neighbour block or the title (`child+movement`), or
 *  - a child term near an official euphemism ("evacuated", "received") with a Russia-side
 *    destination term in the block or a neighbour (`child+euphemism+destination`), or
 *  - a child term near a return term, with a destination term or a movement term in the
 *    block or a neighbour, and a context (`child+return`).
 * Exclude terms (Soviet-era deportations, other countries' deportations, other ICC cases,
 * prisoner exchanges) in the block veto the weak rules unless a destination term is there too.
 */
import { G, type CompiledDetector } from './compile';
import { annotate } from './annotate';
import { hitAt, newHitBuffer, type HitBuffer } from './match';
import { COMPACT_AT, bit, compact, firstOf, hitsOf, scanBlock, scanText, type Page } from './page';
import { RELEVANT_GROUPS, blockMayBeRelevant, prefilterOf } from './prefilter';
import { MAX_PAGE_ANNOTATIONS, judge, term } from './rules';
import type { BlockResult, DetectOptions } from './types';

export { sentenceAround, MAX_ANNOTATIONS } from './annotate';
export { MAX_PAGE_ANNOTATIONS, WINDOW } from './rules';
export type {
  Annotation,
  BlockResult,
  DetectOptions,
  Explanation,
  FigureNote,
  MatchedTerm,
  Rule,
} from './types';

const NONE: BlockResult = Object.freeze({
  relevant: false,
  explanation: Object.freeze({ rule: null, terms: [], context: null }),
  annotations: [],
}) as BlockResult;

// The hit buffer of `detectBlocks`, reused from call to call (calls never overlap).
let pageBuf: HitBuffer = newHitBuffer(1024);

/**
 * Decide relevance and annotate each block. Blocks give each other context (up to two on
 * either side); the page title gives context to all. Offsets are into each block's text.
 */
export function detectBlocks(
  det: CompiledDetector,
  blocks: readonly { text: string }[],
  options: DetectOptions = {},
): BlockResult[] {
  const n = blocks.length;
  // Only a block with a child or strong word can be relevant, and only its neighbours are
  // read for context. The cheap pre-filter pass finds the blocks that may hold such a word;
  // the matcher runs on those, and on a neighbour only when a rule asks about it (`ensure`).
  // A block that the pre-filter passes over holds no child or strong hit (its groups are a
  // superset of the matcher's), so it is never judged, and is matched only as a neighbour.
  const buf = pageBuf;
  buf.n = 0;
  const page: Page = {
    det,
    blocks,
    buf,
    lo: new Int32Array(n),
    hi: new Int32Array(n),
    has: new Int32Array(n),
    scanned: new Uint8Array(n),
    titleLo: 0,
    titleHi: 0,
    titleHas: 0,
    titleText: options.title ?? '',
    annotations: 0,
  };
  if (options.title) {
    page.titleLo = buf.n;
    page.titleHas = scanText(page, options.title);
    page.titleHi = buf.n;
  }
  const pf = prefilterOf(det);
  const { has, scanned } = page;
  const first: BlockResult[] = new Array<BlockResult>(n);
  for (let i = 0; i < n; i++) {
    first[i] = NONE;
    if (page.annotations >= MAX_PAGE_ANNOTATIONS && buf.n > COMPACT_AT) compact(page, i);
    if (scanned[i] === 0) {
      if (!blockMayBeRelevant(pf, blocks[i]!.text)) continue;
      scanBlock(page, i);
    }
    if ((has[i]! & RELEVANT_GROUPS) !== 0) first[i] = judge(page, i);
  }
  // Second pass: a block next to a relevant one that counts children ("464 children were
  // ...", "about 20,000 children who ...") or echoes a claim carries its figures too.
  const out: BlockResult[] = new Array<BlockResult>(n);
  for (let i = 0; i < n; i++) {
    const r = first[i]!;
    out[i] = r;
    if (r.relevant) continue;
    const h = has[i]!;
    if ((h & bit(G.child)) === 0 || (h & bit(G.exclude)) !== 0) continue;
    if (!(first[i - 1]?.relevant || first[i + 1]?.relevant)) continue;
    if (page.annotations >= MAX_PAGE_ANNOTATIONS) continue;
    const anns = annotate(det, blocks[i]!.text, hitsOf(page, i), []).filter(
      (a) => a.kind === 'figure' || a.kind === 'claim',
    );
    if (anns.length === 0) continue;
    const child = hitAt(buf, firstOf(buf, page.lo[i]!, page.hi[i]!, bit(G.child)));
    out[i] = {
      relevant: true,
      explanation: {
        rule: 'neighbour+figure',
        terms: [term(det, blocks[i]!.text, child)],
        context: { where: 'neighbour', text: '' },
      },
      annotations: anns,
    };
  }
  // A buffer grown by a pathological page is not kept.
  if (buf.term.length > 1 << 13) pageBuf = newHitBuffer(1024);
  return out;
}
