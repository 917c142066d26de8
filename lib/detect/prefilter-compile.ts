/**
 * The pre-filter's compiler, run in the background once per dataset: the stems of the
 * lexicon's terms by role, packed into the trie every page reads (`prefilter-format.ts`).
 */
import { compileLexicons, type CompiledDetector, type SerializedDetector } from './compile';
import type { Lexicon } from '../dataset/lexicon';
import {
  ACTION,
  BASE,
  CHILD,
  MAX_VALUE,
  NOT_PLAIN,
  PARTNER,
  PLACE,
  PREFILTER_FORMAT,
  STEM,
  STRONG,
  type PrefilterJSON,
  type PrefilterTrie,
} from './prefilter-format';

/**
 * The pre-filter's skeleton stems (at most 8 code units, a trailing `$` marks a whole
 * word) separated by spaces, one string per role.
 */
export interface PrefilterStems {
  strong: string;
  child: string;
  /** Context and destination stems (Ukraine/Russia, the places children are taken to). */
  place: string;
  /** Movement, euphemism and return stems ("deport", "evacuat", "return"). */
  action: string;
  /** The other words of strong phrases that hold a child word ("bring" of "bring kids back"). */
  partner: string;
}

const ROLES: [keyof PrefilterStems, number][] = [
  ['strong', STRONG],
  ['child', CHILD],
  ['place', PLACE],
  ['action', ACTION],
  ['partner', PARTNER],
];

/** The pre-filter's stems by role, of a detector (compiled, or serialised) or of lexicons. */
export function prefilterStems(
  source: CompiledDetector | SerializedDetector | readonly Lexicon[],
): PrefilterStems {
  const stems: [string, number][] = Array.isArray(source)
    ? compileLexicons(source as readonly Lexicon[]).stems
    : 'format' in source
      ? (source as SerializedDetector).stems
      : (source as CompiledDetector).json.stems;
  const out: PrefilterStems = { strong: '', child: '', place: '', action: '', partner: '' };
  for (const [role, bits] of ROLES) {
    out[role] = stems
      .filter(([, m]) => (m & bits) !== 0)
      .map(([s]) => s)
      .join(' ');
  }
  return out;
}

/** The pre-filter of a detector (compiled, or serialised), or of validated lexicons. */
export function compilePrefilter(
  source: CompiledDetector | SerializedDetector | readonly Lexicon[],
): PrefilterJSON {
  const stems = prefilterStems(source);
  return { format: PREFILTER_FORMAT, trie: buildTrie(stems), plainStems: plainStems(stems) };
}

/**
 * The child and strong stems that a plain text (see `NOT_PLAIN`) can hold, as that text's
 * lower case shows them: cut to the units the trie reads, without those of other scripts
 * (a plain text has none of their letters), and without those that hold another (a text
 * that holds the longer holds the shorter).
 */
function plainStems(stems: PrefilterStems): string {
  const keys = new Set<string>();
  for (const key of `${stems.child} ${stems.strong}`.split(' ')) {
    const stem = (key.endsWith('$') ? key.slice(0, -1) : key).slice(0, STEM);
    if (stem.length > 0 && !NOT_PLAIN.test(stem)) keys.add(stem);
  }
  const sorted = [...keys].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const stem of sorted) if (!kept.some((shorter) => stem.includes(shorter))) kept.push(stem);
  return kept.join(' ');
}

/** The trie of the roles' stems, numbered breadth first (see `PrefilterTrie`). */
function buildTrie(json: PrefilterStems): PrefilterTrie {
  interface Node {
    children: Map<number, Node>;
    mask: number;
    exact: number;
  }
  const newNode = (): Node => ({ children: new Map(), mask: 0, exact: 0 });
  const root = newNode();
  for (const [role, bits] of ROLES) {
    for (const key of json[role].split(' ')) {
      if (key.length === 0) continue;
      const whole = key.endsWith('$');
      const stem = whole ? key.slice(0, -1) : key;
      let node = root;
      for (let i = 0; i < stem.length && i < STEM; i++) {
        const c = stem.charCodeAt(i);
        let next = node.children.get(c);
        if (!next) {
          next = newNode();
          node.children.set(c, next);
        }
        node = next;
      }
      if (node === root) continue;
      if (whole) node.exact |= bits;
      else node.mask |= bits;
    }
  }
  const codes = [0];
  const first: number[] = [];
  const mask = [0];
  const exact = [0];
  const order: Node[] = [root];
  for (let n = 0; n < order.length; n++) {
    first.push(order.length);
    const kids = [...order[n]!.children].sort((x, y) => x[0] - y[0]);
    for (const [code, kid] of kids) {
      order.push(kid);
      codes.push(code);
      mask.push(kid.mask);
      exact.push(kid.exact);
    }
  }
  first.push(order.length);
  if (order.length > MAX_VALUE) throw new RangeError('pre-filter: too many stems');
  const text = (values: number[], base: number) =>
    values.map((v) => String.fromCharCode(v + base)).join('');
  return {
    codes: text(codes, 0),
    first: text(first, BASE),
    mask: text(mask, BASE),
    exact: text(exact, BASE),
  };
}
