import { MAX_CARD_IDS } from './ids';
import type { Card } from './schema';
import type { UiLang } from './strings';
import { buildCardView, type CardAnnotation, type CardView } from './view';

/** The background's answers the card records need (validated by the caller). */
export interface CardSource {
  cards(ids: string[]): Promise<{ cards: Record<string, Card> }>;
  /** The stored dataset's version, shown at the foot of a card. */
  datasetVersion(): Promise<string | null>;
}

/**
 * The records behind a page's context cards, loaded as cards open (stage 3): each card id
 * is asked for once, in batches of at most `MAX_CARD_IDS`, and the dataset version once.
 */
export interface CardRecords {
  /** The card of `annotation`, with the records it needs loaded first. */
  view(
    annotation: CardAnnotation,
    lang: UiLang,
  ): Promise<{ view: CardView; datasetVersion: string | null }>;
  /** A new dataset is stored: what was loaded is dropped and asked for again. */
  forget(): void;
}

export function createCardRecords(source: CardSource): CardRecords {
  let cards: Record<string, Card> = {};
  // Ids asked for (found or not), and the answers still on their way, per dataset.
  let asked = new Map<string, Promise<void>>();
  let version: Promise<string | null> | null = null;
  let generation = 0;

  const load = (ids: readonly string[]): Promise<void>[] => {
    const fresh = [...new Set(ids)].filter((id) => !asked.has(id));
    const mine = generation;
    for (let at = 0; at < fresh.length; at += MAX_CARD_IDS) {
      const batch = fresh.slice(at, at + MAX_CARD_IDS);
      const answer = source.cards(batch).then((found) => {
        if (mine === generation) cards = { ...cards, ...found.cards };
      });
      // A failed batch is asked for again by the next card that needs it.
      answer.catch(() => {
        if (mine === generation) for (const id of batch) asked.delete(id);
      });
      for (const id of batch) asked.set(id, answer);
    }
    return ids.map((id) => asked.get(id)!);
  };

  return {
    async view(annotation, lang) {
      const datasetVersion = (version ??= source.datasetVersion().catch((error: unknown) => {
        version = null;
        throw error;
      }));
      await Promise.all([...load(annotation.cards), datasetVersion]);
      return { view: buildCardView(annotation, cards, lang), datasetVersion: await datasetVersion };
    },
    forget() {
      generation++;
      cards = {};
      asked = new Map();
      version = null;
    },
  };
}
