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

/**
 * What a qualifier phrase says about the number after it (the non-exact values of the
 * dataset's Qualifier; kept here because schema.ts imports this file).
 */
export const NumberQualifier = z.enum(['about', 'at-least', 'more-than', 'up-to', 'fewer-than']);

/** One word of the number vocabulary: letters, marks, digits, apostrophes, `²` or `№`. */
const NumberWord = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{M}\p{N}'’²№]+$/u, 'must be one word');
const NumberWords = z.array(NumberWord).max(400);
const Valued = z.strictObject({
  value: z.number().int().positive(),
  words: z.array(NumberWord).min(1).max(60),
});

/**
 * How a language writes counts: its scale, number and vague-quantity words, the qualifiers
 * before a number, and the words around a number that make it a date, a measure, an age or a
 * share rather than a count. Merged over all languages by the detector.
 */
export const NumberVocabulary = z.strictObject({
  /** "hundred", "тисяч", "Mio": multiply the number before them (100, 1000, 1,000,000). */
  scale: z
    .array(
      Valued.extend({ value: z.union([z.literal(100), z.literal(1000), z.literal(1_000_000)]) }),
    )
    .max(3),
  /** Scale abbreviations that may end in a dot ("тыс.", "Mio."). */
  abbreviations: NumberWords,
  /** Scale words read only right after digits ("20k", "5 m"). */
  afterDigitsOnly: NumberWords,
  /** "seven", "сімсот", "dwieście". */
  words: z.array(Valued).max(100),
  /** Small number words that are also articles ("one", "un", "o"), never a count alone. */
  ambiguous: NumberWords,
  /** "hundreds", "сотни", "Hunderte"; `needsScale`: only before a thousands word ("tens of"). */
  vague: z.array(Valued.extend({ needsScale: z.boolean().optional() })).max(20),
  /** "few", "several", "кілька": about three times the scale after them. */
  few: NumberWords,
  /** The article before "few" ("a few hundred"). */
  indefinite: NumberWords,
  /** "of" between a vague word and a thousands word ("hundreds of thousands"). */
  of: NumberWords,
  /** The word between a number and its scale ("700 de mii"). */
  scaleLink: NumberWords,
  /** "and" inside a run of number words ("seven hundred and five"). */
  and: NumberWords,
  /** The first word of a two-word "per cent" ("per", "por"). */
  percentLead: NumberWords,
  months: NumberWords,
  /** Words after a number that make it a measure, a span, an age or a share (`*`: any ending). */
  units: z
    .array(
      z
        .string()
        .min(1)
        .max(40)
        .regex(/^[\p{L}\p{M}\p{N}'’²]+\*?$/u),
    )
    .max(400),
  /** Words before a number that make it an age, a rank, a code or a time. */
  notBefore: NumberWords,
  /** "more than", "близько", "près de". */
  qualifiers: z
    .array(
      z.strictObject({
        phrase: z
          .string()
          .min(2)
          .max(40)
          .regex(/^[\p{L}\p{M}'’]+(?: [\p{L}\p{M}'’]+)*$/u),
        qualifier: NumberQualifier,
      }),
    )
    .max(100),
});
export type NumberVocabulary = z.infer<typeof NumberVocabulary>;

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
  /** how counts are written in this language (see NumberVocabulary) */
  numbers: NumberVocabulary.optional(),
});
export type Lexicon = z.infer<typeof Lexicon>;
