/**
 * A plain-text passage as blocks: paragraphs split at line breaks, with their offsets, so
 * that block-relative annotation offsets map back to the passage.
 */
import { detectBlocks, type Annotation, type BlockResult, type DetectOptions } from './detect';
import type { CompiledDetector } from './compile';
import { prefilter } from './prefilter';

export interface PassageBlock {
  text: string;
  offset: number;
}

/** Split at line breaks; each non-blank line (trimmed) is one block. */
export function splitPassage(text: string): PassageBlock[] {
  const blocks: PassageBlock[] = [];
  let i = 0;
  while (i <= text.length) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    let s = i;
    let e = j;
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) blocks.push({ text: text.slice(s, e), offset: s });
    i = j + 1;
  }
  return blocks;
}

export interface PassageResult {
  relevant: boolean;
  /** Annotations with offsets into the passage. */
  annotations: Annotation[];
  blocks: (BlockResult & { offset: number })[];
}

/** Detect a whole passage as one page (its paragraphs give each other context). */
export function detectPassage(
  det: CompiledDetector,
  text: string,
  options: DetectOptions = {},
): PassageResult {
  if (!prefilter(det, options.title ? `${options.title}\n${text}` : text))
    return { relevant: false, annotations: [], blocks: [] };
  const blocks = splitPassage(text);
  const results = detectBlocks(det, blocks, options);
  const annotations: Annotation[] = [];
  results.forEach((r, k) => {
    const off = blocks[k]!.offset;
    for (const a of r.annotations)
      annotations.push({ ...a, start: a.start + off, end: a.end + off });
  });
  return {
    relevant: results.some((r) => r.relevant),
    annotations,
    blocks: results.map((r, k) => ({ ...r, offset: blocks[k]!.offset })),
  };
}
