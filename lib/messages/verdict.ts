import * as z from 'zod/mini';
import { CardId, MAX_CARD_IDS } from '@/lib/cards/ids';
import { DETECT_LANGUAGES } from '@/lib/dataset/detect-languages';
import { builtIfUsed } from '@/lib/dataset/built-if-used';
import { PARTIAL_DATE, QUALIFIERS, RECORD_ID } from '@/lib/dataset/formats';
import { RULES, type Annotation } from '@/lib/detect/types';
import { MAX_BLOCK_CHARS, MAX_BLOCKS } from '@/lib/page/limits';

/*
 * The two halves of `detect-blocks` (`page-protocol.ts`). A window of a page's blocks, as
 * stage 2 cuts them (`lib/page/slices.ts`): its blocks' texts, with context on each side,
 * and its core `[from, to)`, the blocks whose verdicts are kept.
 *
 * A verdict: what a page needs of the engine's result for one block, and nothing else: the rule and
 * terms that made it relevant (the card's "Why this passage?") and the annotations to
 * paint. The background judges a page's blocks (`detect-blocks`) and stage 2 paints what
 * comes back, so these are `zod/mini` schemas that stage 2 validates every answer with,
 * without bundling the engine or classic Zod. A block with nothing to paint (not relevant,
 * or relevant without an annotation) has no verdict: `null`.
 */

export const BlockWindow = builtIfUsed(() =>
  z
    .strictObject({
      blocks: z
        .array(z.string().check(z.maxLength(MAX_BLOCK_CHARS)))
        .check(z.minLength(1), z.maxLength(MAX_BLOCKS)),
      from: z.number().check(z.int(), z.nonnegative()),
      to: z.number().check(z.int(), z.nonnegative()),
    })
    .check(
      z.refine(
        (w) => w.from < w.to && w.to <= w.blocks.length,
        'a window core lies within its blocks',
      ),
    ),
);
export type BlockWindow = z.infer<typeof BlockWindow>;

const RecordId = z.string().check(z.maxLength(80), z.regex(RECORD_ID, 'not a record id'));
const Offset = z.number().check(z.int(), z.nonnegative(), z.maximum(MAX_BLOCK_CHARS));

const FigureRef = z.strictObject({
  series: RecordId,
  value: z.number().check(z.int(), z.nonnegative(), z.maximum(100_000_000)),
  asOf: z.string().check(z.regex(PARTIAL_DATE)),
});

const FigureNote = z.strictObject({
  text: z.string().check(z.maxLength(200)),
  value: z.number().check(z.nonnegative()),
  qualifier: z.enum(QUALIFIERS),
  series: z.nullable(RecordId),
  newer: z.optional(FigureRef),
  latest: z.optional(FigureRef),
});

export const VerdictAnnotation = z
  .strictObject({
    start: Offset,
    end: Offset,
    quote: z.string().check(z.maxLength(MAX_BLOCK_CHARS)),
    kind: z.enum(['claim', 'figure', 'topic']),
    cards: z.array(CardId).check(z.maxLength(MAX_CARD_IDS)),
    figures: z.array(FigureNote).check(z.maxLength(100)),
  })
  .check(
    z.refine(
      (a) => a.start < a.end && a.quote.length === a.end - a.start,
      'an annotation spans its quote',
    ),
  );

/** The most annotations one block's verdict carries (a block holds at most 20,000 characters). */
export const MAX_VERDICT_ANNOTATIONS = 2000;

export const BlockVerdict = z.strictObject({
  rule: z.enum(RULES),
  /** The terms that made the rule fire: what they matched, and the lexicon's language. */
  terms: z
    .array(
      z.strictObject({
        text: z.string().check(z.maxLength(2000)),
        lang: z.enum(DETECT_LANGUAGES),
      }),
    )
    .check(z.maxLength(64)),
  annotations: z
    .array(VerdictAnnotation)
    .check(z.minLength(1), z.maxLength(MAX_VERDICT_ANNOTATIONS)),
});
export type BlockVerdict = z.infer<typeof BlockVerdict>;

// A verdict's annotations are the engine's own: the card view reads them as such.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAnnotation: Same<z.infer<typeof VerdictAnnotation>, Annotation> = true;
void sameAnnotation;
