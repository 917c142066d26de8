import { beforeAll, describe, expect, it } from 'vitest';
import { buildCardView, cardTitle, markerLabel } from '@/lib/cards/view';
import { formatDate, uiLangOf } from '@/lib/cards/strings';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { getCards, seedDatabase, type Card, type FactDb } from '@/lib/db';
import {
  compileDetector,
  detectPassage,
  type Annotation,
  type CompiledDetector,
} from '@/lib/detect';
import { freshDb } from '../db/fixture';

let db: FactDb;
let detector: CompiledDetector;
beforeAll(async () => {
  const dataset = loadBundledDataset();
  db = freshDb('card-view');
  await seedDatabase(db, dataset, { origin: 'bundled' });
  detector = compileDetector(dataset.lexicon, dataset.figures);
});

/** The annotations our own sentence gets, and the records their cards resolve to. */
async function annotate(
  text: string,
): Promise<{ annotations: Annotation[]; cards: Record<string, Card> }> {
  const result = detectPassage(detector, text);
  const annotations = result.annotations;
  const ids = [...new Set(annotations.flatMap((a) => a.cards))];
  const { cards } = await getCards(db, ids);
  return { annotations, cards };
}

describe('buildCardView', () => {
  it('places a number on its series and says when a newer figure exists', async () => {
    const { annotations, cards } = await annotate(
      'In March 2023 Ukraine said Russia had deported 16,000 Ukrainian children.',
    );
    const withNumber = annotations.find((a) => a.figures.some((f) => f.value === 16000))!;
    const view = buildCardView(withNumber, cards, 'en');
    const number = view.numbers.find((n) => n.text.includes('16'))!;
    expect(number.placement).toMatch(/^This number reads as: /);
    // The latest figure of the series, as the dataset states it.
    const series = Object.values(cards).find(
      (c) => c.kind === 'series' && c.series.id === withNumber.figures[0]!.series,
    );
    const latest = series?.kind === 'series' ? series.latest!.figure : null;
    expect(latest).not.toBeNull();
    expect(number.outdated).toContain('Not the latest figure: ');
    expect(number.outdated).toContain(latest!.value.toLocaleString('en-GB'));
    expect(number.outdated).toContain(formatDate(latest!.asOf, 'en'));
    expect(view.scale.some((p) => p.role === 'text' && p.value === 16000)).toBe(true);
    expect(view.scale.some((p) => p.role === 'documented')).toBe(true);
    expect(view.timeline?.points.length).toBeGreaterThan(3);
  });

  it('labels an official claim as a claim, with its actor, date and sources', async () => {
    const { annotations, cards } = await annotate(
      'Maria Lvova-Belova says Russia took in only hundreds of Ukrainian children, for humanitarian reasons.',
    );
    const claimAnnotation = annotations.find((a) => a.kind === 'claim')!;
    const view = buildCardView(claimAnnotation, cards, 'en');
    expect(view.claim).not.toBeNull();
    expect(view.title).toMatch(/^Claim by /);
    expect(view.claim!.sources.length).toBeGreaterThan(0);
    expect(view.contrasts.length).toBeGreaterThan(0);
    for (const item of view.contrasts.map((c) => c.item).filter((i) => i !== null))
      for (const s of item!.sources) expect(s.url).toMatch(/^https:\/\//);
  });

  it("never calls Russia's count of children it received a count of deportations", async () => {
    const { annotations, cards } = await annotate(
      'Russian officials say Russia has received more than 700,000 children from Ukraine, which Kyiv calls deportation.',
    );
    const views = annotations.map((a) => buildCardView(a, cards, 'en'));
    const arrivals = views
      .flatMap((v) => [...v.items, ...v.contrasts.map((c) => c.item)])
      .filter((i) => i && i.id.startsWith('ru-') && i.kind === 'series');
    for (const item of arrivals) {
      expect(item!.heading.toLowerCase()).not.toMatch(/deported/);
      expect(item!.stance).not.toBe('Documented count');
    }
  });

  it('does not call a number outdated when it matches no older figure of its series', async () => {
    const { cards } = await getCards(db, ['ua-returned']);
    const view = buildCardView(
      {
        quote: 'seven children',
        kind: 'figure',
        cards: ['ua-returned'],
        figures: [{ text: 'seven', value: 7, qualifier: 'exact', series: 'ua-returned' }],
      },
      cards,
      'en',
    );
    expect(view.numbers[0]!.placement).toMatch(/^This number reads as: /);
    expect(view.numbers[0]!.outdated).toBeNull();
  });

  it('says that a number belongs to no series rather than guessing one', () => {
    const view = buildCardView(
      {
        quote: '12 children',
        kind: 'figure',
        cards: [],
        figures: [{ text: '12', value: 12, qualifier: 'exact', series: null }],
      },
      {},
      'en',
    );
    expect(view.numbers).toEqual([
      { text: '12', placement: 'This number matches no series in the dataset.', outdated: null },
    ]);
  });

  it('reads in Ukrainian where the dataset has Ukrainian text', async () => {
    const { annotations, cards } = await annotate(
      'Україна верифікувала 19 546 дітей, яких Росія депортувала.',
    );
    const view = buildCardView(annotations[0]!, cards, 'uk');
    const text = JSON.stringify(view);
    expect(text).toMatch(/[а-яіїєґ]{4,}/i);
    expect(markerLabel(view, 'uk')).toMatch(/^Контекст: /);
  });
});

describe('strings', () => {
  it('picks the card language from the browser language, and keeps partial dates partial', () => {
    expect(uiLangOf('uk-UA')).toBe('uk');
    expect(uiLangOf('en-US')).toBe('en');
    expect(uiLangOf(undefined)).toBe('en');
    expect(formatDate('2023-07', 'en')).toBe('July 2023');
    expect(formatDate('2023-07-31', 'en')).toBe('31 July 2023');
  });
});

describe('cardTitle', () => {
  it('is the title buildCardView gives, for every annotation of the bundled sentences', async () => {
    const sentences = [
      'In March 2023 Ukraine said Russia had deported 16,000 Ukrainian children.',
      'Maria Lvova-Belova says Russia took in only hundreds of Ukrainian children, for humanitarian reasons.',
      'The ICC issued arrest warrants over the unlawful deportation of Ukrainian children to Russia.',
      'Russian officials say more than 700,000 children from Ukraine were received in Russia.',
    ];
    let compared = 0;
    for (const sentence of sentences) {
      const { annotations, cards } = await annotate(sentence);
      for (const annotation of annotations)
        for (const lang of ['en', 'uk'] as const) {
          const known = annotation.cards.some((id) => cards[id]);
          expect(cardTitle(annotation.cards, cards, lang)).toBe(
            known ? buildCardView(annotation, cards, lang).title : null,
          );
          if (known) compared++;
        }
    }
    expect(compared).toBeGreaterThan(4);
  });

  it('is null when none of the ids resolved, and skips the ones that did not', async () => {
    const { annotations, cards } = await annotate(
      'Maria Lvova-Belova says Russia took in only hundreds of Ukrainian children, for humanitarian reasons.',
    );
    const claim = annotations.find((a) => a.kind === 'claim')!;
    expect(cardTitle(['claim:does-not-exist'], cards, 'en')).toBeNull();
    expect(cardTitle([], cards, 'en')).toBeNull();
    expect(cardTitle(['claim:does-not-exist', ...claim.cards], cards, 'en')).toMatch(/^Claim by /);
  });
});
