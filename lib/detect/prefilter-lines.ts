/**
 * The pre-filter's reading of a long text by its distinct lines, each read once (a page
 * repeats whole lines), which answers as the reading of every code unit would.
 */
import { ACTION, CHILD, PARTNER, STRONG } from './prefilter-format';
import { NEAR_ACTION, NEAR_PARTNER, prefilterPassesApart } from './prefilter-rules';
import { addHits, newScan, readChunk, UNITS_PER_CALL, type UnitScan } from './prefilter-units';
import type { Prefilter } from './prefilter';

/**
 * What splits a text into lines: the line break, which ends every word and belongs to
 * none (class BRK of `charClass`; a test checks it). A page's text has its paragraphs, and
 * the lines of its source, on lines of their own, and a page repeats whole lines (menus,
 * captions, the same teaser twice), which are read once.
 */
export const PIECE_SPLITTERS = ['\n'] as const;

/**
 * What a distinct line holds, once read: its number of words, and each word that gave
 * groups as a pair (its word number in the line, its groups), in order.
 */
interface LineWords {
  words: number;
  hits: number[];
  /** The groups of those words, and the `NEAR_*` bits of how near they lie in the line. */
  groups: number;
  near: number;
}

/**
 * Reads `text` by its distinct lines, each once.
 *
 * First the distinct lines alone, in the order they first occur (a native `Set` drops the
 * lines a page repeats, so repeated lines cost nothing here), each with how near its own
 * words lie. Words of different lines can make the text pass only when it holds a child
 * word and a partner word, or a child, an action and a place word: until the lines read so
 * far do, their groups are the text's, and the reading stops where the whole-text reading
 * would (at a strong word or a word of `stopAny`; every line before a line's first
 * occurrence has occurred before it). Once they do, the text is read line by line in its
 * order, a line read before adding what it held at its place: words are counted across
 * lines, so how near a child word of one line is to an action word of the next is known
 * as in a whole-text reading. So the answer passes, or stops, exactly when the whole-text
 * reading does, with its groups; how near words of different lines lie is left out only
 * where it cannot make this text pass (a test checks all of it).
 *
 * Each line is trimmed first: every code unit `trim` removes is a separator, a break or an
 * ignorable, which start no word, and end one only where the line ends it anyway (a test
 * checks each), so the words are the same, and a line's indented copies are one.
 * (Splitting further, down to words, cost more on real pages than it saved: a call per
 * distinct word.)
 */
export function readLines(pf: Prefilter, text: string, scan: UnitScan, stopAny: number): void {
  const lines = text.split(PIECE_SPLITTERS[0]);
  const byLine = new Map<string, LineWords>();
  const byTrimmed = new Map<string, LineWords>();
  const read = (raw: string): LineWords => {
    let words = byLine.get(raw);
    if (words === undefined) {
      const line = raw.trim();
      words = byTrimmed.get(line);
      if (words === undefined) {
        words = readLine(pf, line);
        byTrimmed.set(line, words);
      }
      byLine.set(raw, words);
    }
    return words;
  };
  let mask = 0;
  for (const raw of new Set(lines)) {
    const words = read(raw);
    mask |= words.groups | words.near;
    // Words of different lines could make it pass (or a line alone passes): read in order.
    if (prefilterPassesApart(mask)) {
      readInOrder(lines, read, scan, stopAny);
      return;
    }
    if ((mask & (STRONG | stopAny)) !== 0) break;
  }
  scan.mask = mask;
}

/** `readLines` in the text's order, each line's words at their place. */
function readInOrder(
  lines: readonly string[],
  read: (raw: string) => LineWords,
  scan: UnitScan,
  stopAny: number,
): void {
  for (const raw of lines) {
    const words = read(raw);
    if (addHits(scan, words.hits, 0, scan.words, stopAny)) return;
    scan.words += words.words;
  }
}

/** One line read whole, in chunks: its words, those that gave groups, how near they lie. */
function readLine(pf: Prefilter, line: string): LineWords {
  const words = newScan();
  const hits: number[] = [];
  for (let from = 0; from < line.length; from += UNITS_PER_CALL)
    readChunk(pf, line, from, Math.min(line.length, from + UNITS_PER_CALL), words, hits);
  let groups = 0;
  for (let h = 1; h < hits.length; h += 2) groups |= hits[h]!;
  // How near its words lie: a reading of its hits alone, with no group to stop at.
  const near = newScan();
  if ((groups & CHILD) !== 0 && (groups & (ACTION | PARTNER)) !== 0)
    addHits(near, hits, 0, 0, 0, false);
  return { words: words.words, hits, groups, near: near.mask & (NEAR_ACTION | NEAR_PARTNER) };
}
