/**
 * The vocabulary the number reader uses (scale words, number words, vague quantities,
 * qualifiers, months, units, words that make a number not a count), merged from the
 * `numbers` section of every lexicon at compile time, serialised with the detector, and
 * hydrated into maps and sets. A new language's number words are data, not code.
 */
import type { Lexicon } from '../dataset/lexicon';
import type { Qualifier } from '../dataset/schema';
import { foldWord } from './normalize';

/** The merged vocabulary as plain JSON (part of the serialised detector). */
export interface NumberVocabJSON {
  /** word → value, for scale words (100, 1000, 1,000,000), number words, vague quantities. */
  scale: Record<string, number>;
  words: Record<string, number>;
  vague: Record<string, number>;
  /** Vague words that count only before a thousands word ("tens of thousands", "kilka tysięcy"). */
  vagueNeedsScale: string[];
  /** Scale abbreviations that may end in a dot ("тыс.", "Mio."). */
  abbreviations: string[];
  /** Scale words read only right after digits ("20k", "5 m"). */
  afterDigitsOnly: string[];
  /** Small number words that are also articles ("one", "un", "o"): never a count alone. */
  ambiguous: string[];
  few: string[];
  indefinite: string[];
  of: string[];
  scaleLink: string[];
  and: string[];
  percentLead: string[];
  months: string[];
  /** Unit words after a number (a trailing `*` is any ending). */
  units: string[];
  notBefore: string[];
  /** Qualifier phrases, longest first. */
  qualifiers: [string, Qualifier][];
}

/** The hydrated vocabulary. */
export interface NumberVocab {
  readonly scale: ReadonlyMap<string, number>;
  readonly words: ReadonlyMap<string, number>;
  readonly vague: ReadonlyMap<string, number>;
  readonly vagueNeedsScale: ReadonlySet<string>;
  readonly abbreviations: ReadonlySet<string>;
  readonly afterDigitsOnly: ReadonlySet<string>;
  readonly ambiguous: ReadonlySet<string>;
  readonly few: ReadonlySet<string>;
  readonly indefinite: ReadonlySet<string>;
  readonly of: ReadonlySet<string>;
  readonly scaleLink: ReadonlySet<string>;
  readonly and: ReadonlySet<string>;
  readonly percentLead: ReadonlySet<string>;
  readonly months: ReadonlySet<string>;
  readonly unitExact: ReadonlySet<string>;
  readonly unitPrefixes: readonly string[];
  readonly notBefore: ReadonlySet<string>;
  /** Qualifier phrases by their last code unit, longest first. */
  readonly qualifiersByLast: ReadonlyMap<number, readonly [string, Qualifier][]>;
}

const LISTS = [
  'abbreviations',
  'afterDigitsOnly',
  'ambiguous',
  'few',
  'indefinite',
  'of',
  'scaleLink',
  'and',
  'percentLead',
  'months',
  'units',
  'notBefore',
] as const;

function foldUnit(w: string): string {
  return w.endsWith('*') ? `${foldWord(w.slice(0, -1))}*` : foldWord(w);
}

/** Merge the lexicons' number sections (a word given two values keeps the first). */
export function compileNumberVocab(lexicons: readonly Lexicon[]): NumberVocabJSON {
  const out: NumberVocabJSON = {
    scale: {},
    words: {},
    vague: {},
    vagueNeedsScale: [],
    abbreviations: [],
    afterDigitsOnly: [],
    ambiguous: [],
    few: [],
    indefinite: [],
    of: [],
    scaleLink: [],
    and: [],
    percentLead: [],
    months: [],
    units: [],
    notBefore: [],
    qualifiers: [],
  };
  const seenQ = new Set<string>();
  for (const lex of lexicons) {
    const n = lex.numbers;
    if (!n) continue;
    const add = (key: 'scale' | 'words' | 'vague', words: readonly string[], value: number) => {
      for (const w of words) {
        const f = foldWord(w);
        if (!Object.hasOwn(out[key], f)) out[key][f] = value;
      }
    };
    for (const e of n.scale) add('scale', e.words, e.value);
    for (const e of n.words) add('words', e.words, e.value);
    for (const e of n.vague) {
      add('vague', e.words, e.value);
      if (e.needsScale)
        for (const w of e.words)
          if (!out.vagueNeedsScale.includes(foldWord(w))) out.vagueNeedsScale.push(foldWord(w));
    }
    for (const key of LISTS)
      for (const w of n[key]) {
        const f = key === 'units' ? foldUnit(w) : foldWord(w);
        if (!out[key].includes(f)) out[key].push(f);
      }
    for (const q of n.qualifiers) {
      const phrase = q.phrase.toLowerCase().replace(/[’ʼ]/gu, "'");
      if (seenQ.has(phrase)) continue;
      seenQ.add(phrase);
      out.qualifiers.push([phrase, q.qualifier]);
    }
  }
  // Longest first, so "more than" wins over "than" and "не менее" over "менее".
  out.qualifiers.sort((a, b) => b[0].length - a[0].length);
  return out;
}

const isWordList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((w) => typeof w === 'string' && w.length > 0 && w.length <= 40);
const isValueMap = (v: unknown): v is Record<string, number> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => typeof x === 'number' && Number.isFinite(x) && x > 0);

/** Check the shape of a serialised vocabulary (throws TypeError). */
export function checkNumberVocab(v: unknown): NumberVocabJSON {
  const fail = (what: string): never => {
    throw new TypeError(`invalid serialised detector: numbers.${what}`);
  };
  if (typeof v !== 'object' || v === null) fail('');
  const o = v as Record<string, unknown>;
  for (const key of ['scale', 'words', 'vague'] as const) if (!isValueMap(o[key])) fail(key);
  for (const key of [...LISTS, 'vagueNeedsScale'] as const) if (!isWordList(o[key])) fail(key);
  const qs = o.qualifiers;
  if (
    !Array.isArray(qs) ||
    !qs.every(
      (q) =>
        Array.isArray(q) &&
        q.length === 2 &&
        typeof q[0] === 'string' &&
        q[0].length > 0 &&
        typeof q[1] === 'string',
    )
  )
    fail('qualifiers');
  return v as NumberVocabJSON;
}

/** Build the lookup tables of a serialised vocabulary. */
export function hydrateNumberVocab(json: NumberVocabJSON): NumberVocab {
  const map = (r: Record<string, number>) => new Map(Object.entries(r));
  const byLast = new Map<number, [string, Qualifier][]>();
  for (const [phrase, q] of json.qualifiers) {
    const last = phrase.charCodeAt(phrase.length - 1);
    const list = byLast.get(last) ?? [];
    list.push([phrase, q]);
    byLast.set(last, list);
  }
  return {
    scale: map(json.scale),
    words: map(json.words),
    vague: map(json.vague),
    vagueNeedsScale: new Set(json.vagueNeedsScale),
    abbreviations: new Set(json.abbreviations),
    afterDigitsOnly: new Set(json.afterDigitsOnly),
    ambiguous: new Set(json.ambiguous),
    few: new Set(json.few),
    indefinite: new Set(json.indefinite),
    of: new Set(json.of),
    scaleLink: new Set(json.scaleLink),
    and: new Set(json.and),
    percentLead: new Set(json.percentLead),
    months: new Set(json.months),
    unitExact: new Set(json.units.filter((u) => !u.endsWith('*'))),
    unitPrefixes: json.units.filter((u) => u.endsWith('*')).map((u) => u.slice(0, -1)),
    notBefore: new Set(json.notBefore),
    qualifiersByLast: byLast,
  };
}

/**
 * No number words at all: digits alone are read. Marked pure, so that a bundle that never
 * reads numbers (stage 1) leaves it out instead of building it on every page.
 */
export const NO_NUMBER_WORDS: NumberVocab = /* @__PURE__ */ hydrateNumberVocab(
  /* @__PURE__ */ compileNumberVocab([]),
);
