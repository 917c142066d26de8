/**
 * The pre-filter: one cheap pass over a page's whole text that says "no topic words here".
 *
 * It looks only at word starts, folds up to five code units of each word (case, look-alike
 * letters, ignorable characters) and walks them through a small trie of stems taken from the
 * lexicon's child, strong, context and destination terms. It answers `true` when a strong
 * stem is present, or a child stem together with a context or destination stem. Every page on
 * which `detectBlocks` can find a relevant block passes (the stems are prefixes of the terms
 * the rules need), so a `false` answer is safe.
 */
import { G, type CompiledDetector } from './compile';
import { IGN, MARK, SLOW, charClass, foldChar, foldWord, skeleton } from './normalize';

const STRONG = 1 << G.strong;
const CHILD = 1 << G.child;
const PLACE = (1 << G.context) | (1 << G.destination);

function satisfied(mask: number): boolean {
  return (mask & STRONG) !== 0 || ((mask & CHILD) !== 0 && (mask & PLACE) !== 0);
}

function isWord(k: number): boolean {
  return (k >= 1 && k <= 6) || k === SLOW;
}

const STEM = 8;

function walkStem(det: CompiledDetector, key: string): number {
  const { pfRoot, pfTrie, pfMask, pfExact } = det;
  let node = 0;
  let mask = 0;
  for (let q = 0; q < key.length && q < STEM; q++) {
    const f = skeleton(key.charCodeAt(q));
    const next = node === 0 ? pfRoot[f]! : pfTrie.get(node * 65536 + f) ?? -1;
    if (next < 0) break;
    node = next;
    mask |= pfMask[node]!;
    if (q + 1 === key.length) mask |= pfExact[node]!;
  }
  return mask;
}

/** Which pre-filter groups occur in `text` (a bit mask over `G`). */
export function prefilterMask(det: CompiledDetector, text: string): number {
  const { pfRoot, pfTrie, pfMask, pfExact } = det;
  const n = text.length;
  let mask = 0;
  let prevWord = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = charClass(c);
    const word = isWord(k);
    if (word && !prevWord && k !== IGN && k !== MARK) {
      let node = 0;
      let depth = 0;
      let q = i;
      let redo = false;
      while (q < n && depth < STEM) {
        const cq = text.charCodeAt(q);
        const kq = charClass(cq);
        if (kq === IGN) {
          q++;
          continue;
        }
        if (kq === MARK || kq === SLOW) {
          redo = true;
          break;
        }
        if (!isWord(kq)) break;
        const f = skeleton(foldChar(cq));
        const next = node === 0 ? pfRoot[f]! : pfTrie.get(node * 65536 + f) ?? -1;
        if (next < 0) break;
        node = next;
        depth++;
        mask |= pfMask[node]!;
        q++;
        if (pfExact[node] !== 0) {
          let e = q;
          while (e < n && charClass(text.charCodeAt(e)) === IGN) e++;
          if (e >= n || !isWord(charClass(text.charCodeAt(e)))) mask |= pfExact[node]!;
        }
      }
      if (redo) {
        let e = i;
        while (e < n && e - i < 64 && isWord(charClass(text.charCodeAt(e)))) e++;
        mask |= walkStem(det, foldWord(text.slice(i, e)));
      }
      if (satisfied(mask)) return mask;
    }
    // Ignorables and marks continue a word but never start one (as in the matcher).
    prevWord = k === IGN || k === MARK ? prevWord : word;
  }
  return mask;
}

/** `false` means: no block of this text can be relevant; skip all further work. */
export function prefilter(det: CompiledDetector, text: string): boolean {
  return satisfied(prefilterMask(det, text));
}
