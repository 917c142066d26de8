/**
 * The lexicon schema: the terms of each rule group per language, and the claim and series
 * cues, in the safe pattern language (no regular expression ever comes from data).
 */
import { z } from 'zod';
import { DetectLanguage, Id } from './primitives';
import { SAFE_PATTERN } from './safe-pattern';

export { SAFE_PATTERN };

export const Pattern = z
  .string()
  .min(2)
  .max(80)
  .regex(SAFE_PATTERN, 'must be words, optional trailing * wildcards, and single spaces only');
export type Pattern = z.infer<typeof Pattern>;

const Patterns = z.array(Pattern).max(400);

export const Cue = z.strictObject({
  /** The claim or series this cue points at. */
  id: Id,
  patterns: z.array(Pattern).min(1).max(60),
});
export type Cue = z.infer<typeof Cue>;

/**
 * A series cue: words near a number that say what it counts. `weight` is how specific the
 * cue is (1, the default: a generic word such as "deported" or "verified"; higher: words
 * that name a narrower series, such as "Belarus", "adopted", "re-education camps"). A number
 * takes the heaviest cue of its clause, and the nearest among equals.
 */
export const SeriesCue = Cue.extend({
  weight: z.number().int().min(1).max(5).optional(),
});
export type SeriesCue = z.infer<typeof SeriesCue>;

export const Lexicon = z.strictObject({
  lang: DetectLanguage,
  /** children, minors, orphans, pupils of children's homes */
  child: Patterns,
  /** deported, forcibly transferred, abducted, taken, removed, Russified, adopted */
  movement: Patterns,
  /** the official framing: evacuated, rescued, received, found refuge */
  euphemism: Patterns,
  /** returned, brought home, reunified */
  return: Patterns,
  /** Ukraine / Russia context: countries, occupied regions, officials, institutions */
  context: Patterns,
  /** terms that make a passage relevant on their own (e.g. Lvova-Belova, Bring Kids Back UA) */
  strong: Patterns,
  /**
   * Russia-side destination and control terms ("to Russia", "occupied territories", "Crimea",
   * "Belarus", "Russian families"). The official euphemisms ("evacuated", "received") and
   * returns only count with one of these in the block, which tells Russia's transfers apart
   * from Ukraine's own evacuations of children from frontline towns.
   */
  destination: Patterns.optional(),
  /**
   * Terms of look-alike stories (Soviet-era deportations, other countries' deportations,
   * other ICC cases, prisoner exchanges): in a block they veto the weak rules unless a
   * destination or strong term is there too.
   */
  exclude: Patterns.optional(),
  /** words that point a passage at a claim in the dataset */
  claimCues: z.array(Cue).max(200),
  /** words near a number that say which series it belongs to, with their specificity */
  seriesCues: z.array(SeriesCue).max(200),
});
export type Lexicon = z.infer<typeof Lexicon>;
