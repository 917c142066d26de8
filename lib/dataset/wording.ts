import type { Movement, Series } from './schema';

/**
 * Word stems that say children were deported, forcibly transferred, abducted or stolen, in
 * the languages quotes come in. Matched at the start of a word, case-insensitively.
 * "Taken out" (`вивезені`, `вывезены`, `wywiezione`) is deliberately not here: it is the
 * neutral word both sides use.
 */
const STRONG_STEMS: readonly string[] = [
  // en
  'deport',
  'abduct',
  'kidnap',
  'forcibly',
  'stolen',
  // uk
  'депорт',
  'викра',
  'примусов',
  // ru
  'похищ',
  'похит',
  'насильствен',
  'принудительн',
  // de
  'verschlepp',
  'entführ',
  'zwangs',
  // fr
  'déport',
  'enlev',
  'enlèv',
  'kidnapp',
  // es, it
  'secuestr',
  'rapit',
  'coatt',
  // pl
  'uprowadz',
  'porwa',
  'porywa',
];

/** Movements whose own wording is weaker than deportation: the series is Russia's framing. */
const WEAK_MOVEMENTS: ReadonlySet<Movement> = new Set(['arrived', 'placed']);

/**
 * The movement a figure's quote is held to: the series' own, or `arrived` for an
 * official-claim series that does not say (an official claim never counts deportations).
 */
export function seriesMovement(series: Pick<Series, 'movement' | 'stance'>): Movement | undefined {
  return series.movement ?? (series.stance === 'official-claim' ? 'arrived' : undefined);
}

/** True when quotes of this series may not use deportation words. */
export function forbidsStrongWording(series: Pick<Series, 'movement' | 'stance'>): boolean {
  const movement = seriesMovement(series);
  return movement !== undefined && WEAK_MOVEMENTS.has(movement);
}

/** The deportation words in a text, as they appear (lower-cased), in order. */
export function strongWords(text: string): string[] {
  const words =
    text
      .toLocaleLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{M}]+/gu) ?? [];
  return words.filter((word) => STRONG_STEMS.some((stem) => word.startsWith(stem)));
}
