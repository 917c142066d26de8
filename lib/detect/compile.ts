/**
 * Compile lexicons (safe pattern language) into a serialisable detector (hydrate.ts turns it
 * into linear-time matchers).
 *
 * A pattern is one or more words separated by spaces; a word may end in `*` (any ending).
 * Hyphens inside a word split it into a phrase ("Lvova-Belova" matches "Lvova Belova" too).
 * Words are folded with `foldWord`, exactly like page text. The serialised form is compact
 * plain JSON (format 3): the folded words as one string, the terms in runs that share group,
 * ref, language and weight (patterns and word ids as strings), and the pre-filter stems.
 * Hydration (hydrate.ts) sorts the words and builds the character trie in one pass into flat
 * typed arrays. Only format 3 is read: an older stored detector is recompiled.
 */
import type { Lexicon } from '../dataset/lexicon';
import { SAFE_PATTERN } from '../dataset/safe-pattern';
import { foldWord, skeleton } from './normalize';
import { compileNumberVocab, type NumberVocab, type NumberVocabJSON } from './number-vocab';

export const GROUPS = [
  'child',
  'movement',
  'euphemism',
  'return',
  'context',
  'strong',
  'destination',
  'exclude',
  'claim',
  'series',
] as const;
export type Group = (typeof GROUPS)[number];
/**
 * A pre-filter-only stem group: the other word of a strong phrase that holds a child word
 * ("bring kids back"); its stems are never matched as terms.
 */
export const PARTNER = 10;
export const G = {
  child: 0,
  movement: 1,
  euphemism: 2,
  return: 3,
  context: 4,
  strong: 5,
  destination: 6,
  exclude: 7,
  claim: 8,
  series: 9,
} as const satisfies Record<Group, number>;

/** A documented figure the engine can point to ("a newer figure exists"). */
export interface FigureRef {
  series: string;
  value: number;
  asOf: string;
}

/** One compiled term: [group, ref id (claim/series) or null, language, pattern, word ids, weight]. */
export type TermRow = [number, string | null, string, string, number[], number];

/**
 * Terms in runs that share group, ref, language and weight: [group, ref, language, patterns
 * joined by `|`, word ids in base 36 (`.` between the words of a term, a space between
 * terms), weight (the specificity of a series cue, 1 for every other term)]. Neither
 * separator can occur in a safe pattern.
 */
export type TermRun = [number, string | null, string, string, string, number];

/** The compact serialised form written by `compileLexicons`. */
export interface SerializedDetector {
  format: 'cdc-detector/3';
  langs: string[];
  /** Folded words separated by spaces; a trailing `*` marks a prefix (wildcard) word. */
  words: string;
  terms: TermRun[];
  /**
   * Pre-filter: skeleton stems (at most 8 code units) with a bit mask of groups; a stem ending
   * in `$` is a whole word.
   */
  stems: [string, number][];
  figures: FigureRef[];
  /** The number reader's vocabulary, merged from the lexicons' `numbers` sections. */
  numbers: NumberVocabJSON;
}

export interface Term {
  id: number;
  group: number;
  ref: string | null;
  lang: string;
  pattern: string;
  words: number[];
  /** Index of the anchor word (the longest): phrases are found from it. */
  anchor: number;
  /** Specificity of a series cue (higher wins over nearer); 1 for other terms. */
  weight: number;
}

export interface CompiledDetector {
  readonly json: SerializedDetector;
  readonly terms: Term[];
  /** Trie: root children by code unit; other nodes' edges sorted by code (see `step`). */
  readonly root: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeCode: Uint16Array;
  readonly edgeNode: Int32Array;
  /** Per node: ids of exact words ending here, and of prefix words whose stem ends here. */
  readonly exact: (number[] | undefined)[];
  readonly prefix: (number[] | undefined)[];
  /** Word id → terms anchored at it. */
  readonly anchorTerms: (number[] | undefined)[];
  readonly figuresBySeries: Map<string, FigureRef[]>;
  /** The number reader's lookup tables. */
  readonly numbers: NumberVocab;
}

export class PatternError extends Error {}

/** Whether a string is a valid pattern of the safe pattern language. */
export function isSafePattern(pattern: string): boolean {
  return pattern.length >= 2 && pattern.length <= 80 && SAFE_PATTERN.test(pattern);
}

/** Split a pattern into folded words ("deport*" → ["deport*"], "lvova-belova" → 2 words). */
export function patternWords(pattern: string): string[] {
  if (!isSafePattern(pattern))
    throw new PatternError(`not a safe pattern: ${JSON.stringify(pattern)}`);
  const out: string[] = [];
  for (const raw of pattern.split(' ')) {
    const wild = raw.endsWith('*');
    const body = wild ? raw.slice(0, -1) : raw;
    const parts = body.split(/[-‐‑]/u).filter((p) => p.length > 0);
    parts.forEach((part, index) => {
      const folded = foldWord(part);
      if (folded.length === 0) return;
      out.push(wild && index === parts.length - 1 ? `${folded}*` : folded);
    });
  }
  if (out.length === 0) throw new PatternError(`empty pattern: ${JSON.stringify(pattern)}`);
  return out;
}

const PF_STEM = 8;

function stemOf(word: string): string {
  const body = word.endsWith('*') ? word.slice(0, -1) : word;
  let s = '';
  for (let i = 0; i < body.length && s.length < PF_STEM; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x27) break; // apostrophes: the page may spell them apart
    s += String.fromCharCode(skeleton(c));
  }
  return s;
}

export function bodyOf(word: string): string {
  return word.charCodeAt(word.length - 1) === 0x2a ? word.slice(0, -1) : word;
}

/** Order of words by body (code units), then exact before prefix, then id. */
function compareBodies(words: readonly string[], a: number, b: number): number {
  const x = bodyOf(words[a]!);
  const y = bodyOf(words[b]!);
  if (x !== y) return x < y ? -1 : 1;
  return words[a]!.length - words[b]!.length || a - b;
}

/** Compile validated lexicons (and optional figures) into the serialisable detector form. */
export function compileLexicons(
  lexicons: readonly Lexicon[],
  figures: readonly FigureRef[] = [],
): SerializedDetector {
  const words: string[] = [];
  const wordIds = new Map<string, number>();
  const terms: TermRow[] = [];
  const seen = new Set<string>();
  const stems = new Map<string, number>();
  const langs: string[] = [];

  /** Strong and action phrases, indexed once every child and place stem is known. */
  const strongPhrases: string[][] = [];
  const actionPhrases: [string[], number][] = [];
  /** The pre-filter key of one pattern word: its stem, `$` when the page's word must end there. */
  const stemKey = (whole: string): string => {
    // The page's word restarts after an apostrophe ("l'accueil" is "l" and "accueil"):
    // index the longer part, never a one-letter elision.
    const apostrophe = whole.lastIndexOf("'");
    const tail = whole.slice(apostrophe + 1);
    const word = apostrophe > 0 && tail.length >= apostrophe ? tail : whole;
    const stem = stemOf(word);
    // A short exact word only counts when the page's word ends there too.
    const exactWord = !word.endsWith('*') && stem.length === word.length;
    return exactWord ? `${stem}$` : stem;
  };
  const setStem = (key: string, group: number) => {
    if (key.length > 0 && key !== '$') stems.set(key, (stems.get(key) ?? 0) | (1 << group));
  };
  const indexPhrase = (ws: readonly string[], group: number) => {
    // Any word of a phrase must be present on the page, so any one may be indexed. Prefer
    // a Ukraine/Russia word ("russian families" → "russian", not "families": common words
    // would let most news pages through), then the longest (on a tie the later one, since
    // phrases tend to start with prepositions: "до рф", "in russia").
    const topical = ws.filter(isTopicWord);
    const candidates = ws.length > 1 && topical.length > 0 ? topical : ws;
    setStem(stemKey(longestOf(candidates)), group);
  };
  /**
   * Indexes a phrase by a word that is not a place or child word when it has one: "taken to russia"
   * by "taken" and "déportés en russie" by "déportés", since the place stems already stand
   * for Russia and "russie" alone is on every page about the war.
   */
  const indexBesidePlace = (ws: readonly string[], group: number) => {
    // Nor by a child word ("separated from their children"): the pre-filter looks for a
    // child word near an action word, so the two must be different words.
    const others = ws.filter((w) => !firesStem(w, PLACE_BITS | CHILD_BIT));
    setStem(stemKey(longestOf(others.length > 0 ? others : ws)), group);
  };
  const longestOf = (candidates: readonly string[]): string =>
    candidates.reduce((a, b) => (b.replace('*', '').length >= a.replace('*', '').length ? b : a));
  /** Whether every page word that matches `word` fires a stem of one of `groups`. */
  const firesStem = (word: string, groups: number): boolean => {
    // The page's word restarts after an apostrophe ("l'enfant" → "enfant"), so both count.
    const apostrophe = word.lastIndexOf("'");
    const parts = apostrophe < 0 ? [word] : [word, word.slice(apostrophe + 1)];
    return parts.some((part) => {
      const stem = stemOf(part);
      const exactWord = !part.endsWith('*') && stem.length === part.length;
      for (const [key, bits] of stems) {
        if ((bits & groups) === 0) continue;
        if (key.endsWith('$') ? exactWord && key === `${stem}$` : stem.startsWith(key)) return true;
      }
      return false;
    });
  };
  const CHILD_BIT = 1 << G.child;
  const PLACE_BITS = (1 << G.context) | (1 << G.destination);
  const ACTION_BITS = (1 << G.movement) | (1 << G.euphemism) | (1 << G.return);

  const add = (group: number, ref: string | null, lang: string, pattern: string, weight = 1) => {
    const ws = patternWords(pattern);
    const key = `${group}|${ref ?? ''}|${ws.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const ids = ws.map((w) => {
      let id = wordIds.get(w);
      if (id === undefined) {
        id = words.length;
        words.push(w);
        wordIds.set(w, id);
      }
      return id;
    });
    terms.push([group, ref, lang, pattern, ids, weight]);
    if (group === G.child || group === G.context || group === G.destination) indexPhrase(ws, group);
    else if (group === G.strong && ws.length === 1) indexPhrase(ws, group);
    else if (group === G.strong) strongPhrases.push(ws);
    else if (group === G.movement || group === G.euphemism || group === G.return)
      actionPhrases.push([ws, group]);
  };

  // Single-word context and strong terms ("russia*", "kremlin"): the words that make a
  // phrase's pre-filter stem selective.
  const topicExact = new Set<string>();
  const topicPrefixes: string[] = [];
  for (const lex of lexicons) {
    for (const pattern of [...lex.context, ...lex.strong]) {
      const pws = patternWords(pattern);
      if (pws.length !== 1) continue;
      const [w] = pws as [string];
      if (w.endsWith('*')) topicPrefixes.push(w.slice(0, -1));
      else topicExact.add(w);
    }
  }
  const isTopicWord = (w: string): boolean => {
    const body = w.replace('*', '');
    return topicExact.has(body) || topicPrefixes.some((prefix) => body.startsWith(prefix));
  };

  for (const lex of lexicons) {
    if (!langs.includes(lex.lang)) langs.push(lex.lang);
    const groups: [number, readonly string[] | undefined][] = [
      [G.child, lex.child],
      [G.movement, lex.movement],
      [G.euphemism, lex.euphemism],
      [G.return, lex.return],
      [G.context, lex.context],
      [G.strong, lex.strong],
      [G.destination, lex.destination],
      [G.exclude, lex.exclude],
    ];
    for (const [group, patterns] of groups)
      for (const p of patterns ?? []) add(group, null, lex.lang, p);
    for (const cue of lex.claimCues)
      for (const p of cue.patterns) add(G.claim, cue.id, lex.lang, p);
    for (const cue of lex.seriesCues)
      for (const p of cue.patterns) add(G.series, cue.id, lex.lang, p, cue.weight ?? 1);
  }
  // A strong phrase that holds a child word ("deported ukrainian children", "bring kids
  // back") needs no strong stem: when its other words fire a place and an action stem, the
  // pre-filter's "child, place and action" already lets its pages through; otherwise one
  // other word becomes a partner stem ("child and partner"). Indexing "ukrainian" or
  // "bring" as strong instead would let every page that mentions Ukraine, or brings
  // anything, through.
  for (const [ws, group] of actionPhrases) indexBesidePlace(ws, group);
  for (const ws of strongPhrases) {
    const child = ws.find((w) => firesStem(w, CHILD_BIT));
    if (child === undefined) {
      indexBesidePlace(ws, G.strong);
      continue;
    }
    const others = ws.filter((w) => w !== child);
    const covered =
      others.some((w) => firesStem(w, PLACE_BITS)) && others.some((w) => firesStem(w, ACTION_BITS));
    if (covered) continue;
    if (others.length > 0) indexBesidePlace(others, PARTNER);
    else indexPhrase(ws, G.strong);
  }
  // Words are numbered in the order of their bodies (without `*`), so that hydration builds
  // the trie without sorting. (A word's number never decides the order of matches.)
  const order = words.map((_, id) => id).sort((a, b) => compareBodies(words, a, b));
  const renumber = new Int32Array(words.length);
  order.forEach((id, k) => (renumber[id] = k));
  // Runs of terms that share group, ref, language and weight (term order is kept: it is the
  // order in which matches of one word are reported).
  const runs: TermRun[] = [];
  let last: TermRun | undefined;
  for (const [group, ref, lang, pattern, ids, weight] of terms) {
    const code = ids.map((id) => renumber[id]!.toString(36)).join('.');
    if (last && last[0] === group && last[1] === ref && last[2] === lang && last[5] === weight) {
      last[3] += `|${pattern}`;
      last[4] += ` ${code}`;
    } else {
      last = [group, ref, lang, pattern, code, weight];
      runs.push(last);
    }
  }
  return {
    format: 'cdc-detector/3',
    langs,
    words: order.map((id) => words[id]!).join(' '),
    terms: runs,
    stems: [...stems.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    figures: figures.map((f) => ({ series: f.series, value: f.value, asOf: f.asOf })),
    numbers: compileNumberVocab(lexicons),
  };
}
