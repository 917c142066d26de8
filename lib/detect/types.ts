/**
 * The shapes the engine reports: the rule that made a block relevant, the terms and context
 * behind it, and the annotations (spans with the cards they open and the numbers read).
 */
import type { Qualifier } from '../dataset/schema';
import type { FigureRef, Group } from './compile';

/** The rules that make a block relevant (a plain list: `verdict.ts` builds its enum from it). */
export const RULES = [
  'strong',
  'child+movement',
  'child+euphemism+destination',
  'child+return',
  'neighbour+figure',
] as const;
export type Rule = (typeof RULES)[number];

export interface MatchedTerm {
  group: Group;
  /** The lexicon pattern that matched, its language, and the claim/series id for cues. */
  pattern: string;
  lang: string;
  ref: string | null;
  /** The matched text and its offsets in the block. */
  text: string;
  start: number;
  end: number;
}

export interface Explanation {
  rule: Rule | null;
  /** Terms that made the rule fire (the pair, or the strong term). */
  terms: MatchedTerm[];
  /** Where the Ukraine/Russia context came from, and the word that gave it. */
  context: { where: 'block' | 'neighbour' | 'title'; text: string } | null;
  /** Why a candidate did not fire, when it did not (for debugging and the card). */
  note?: string;
}

export interface FigureNote {
  text: string;
  value: number;
  qualifier: Qualifier;
  series: string | null;
  /** A later figure of the same series than the one this number matches. */
  newer?: FigureRef;
  /** The latest figure of the series, when the series has figures. */
  latest?: FigureRef;
}

export interface Annotation {
  start: number;
  end: number;
  quote: string;
  kind: 'claim' | 'figure' | 'topic';
  /** Claim ids and series ids of the cards this span opens. */
  cards: string[];
  figures: FigureNote[];
}

export interface BlockResult {
  relevant: boolean;
  explanation: Explanation;
  annotations: Annotation[];
}

export interface DetectOptions {
  title?: string;
  lang?: string;
}
