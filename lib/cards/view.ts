/**
 * Card view models: how the records behind an annotation become what a context card
 * shows. Pure (no DOM, no browser APIs), so the card view stays free of logic and this is
 * tested on its own. Wording is exact: a series' own label is shown (never "deported" for
 * a count of children "received"), an official claim is labelled as one, and every item
 * carries its sources, dates and any caveat or unconfirmed note.
 */
import type { Annotation } from '@/lib/detect';
import type {
  Card,
  ClaimCard,
  FigureEntry,
  ResolvedContrast,
  SeriesCard,
} from '@/lib/cards/schema';
import type { Figure, Series, Source, Stance } from '@/lib/dataset/schema';
import { formatDate, formatNumber, strings, type UiLang } from './strings';

export interface SourceView {
  publisher: string;
  title: string;
  /** Always https (the schemas refuse anything else; checked again here). */
  url: string;
  published: string | null;
  via: string | null;
}

export interface ItemView {
  kind: 'figure' | 'finding' | 'series';
  id: string;
  heading: string;
  /** "19,546" with its qualifier ("at least 19,546"), for figures. */
  value: string | null;
  /** Documented count, official claim or estimate. */
  stance: string | null;
  date: string | null;
  body: string | null;
  caveat: string | null;
  unconfirmed: boolean;
  sources: SourceView[];
}

export interface NumberView {
  text: string;
  /** Where the number belongs, or that it belongs to no series we hold. */
  placement: string;
  /** Set when the series has a later figure than the one this number matches. */
  outdated: string | null;
}

export interface ScalePoint {
  label: string;
  value: number;
  role: 'text' | 'claim' | 'documented' | 'estimate';
}

export interface TimelineView {
  label: string;
  points: {
    date: string;
    value: number;
    /** "31 July 2023: at least 19,546 children". */
    label: string;
    /** Publishers of the figure's sources, where the timeline lists them (the explorer). */
    sources?: string[];
  }[];
}

export interface CardView {
  title: string;
  quote: string;
  claim: {
    actor: string;
    role: string;
    date: string;
    statement: string;
    original: { text: string; lang: string } | null;
    note: string | null;
    unconfirmed: boolean;
    sources: SourceView[];
  } | null;
  numbers: NumberView[];
  contrasts: { context: string; item: ItemView | null }[];
  items: ItemView[];
  scale: ScalePoint[];
  timeline: TimelineView | null;
}

const pick = (text: { en: string; uk?: string | undefined }, lang: UiLang) =>
  (lang === 'uk' ? text.uk : undefined) ?? text.en;

function sourceView(source: Source): SourceView | null {
  if (!source.url.startsWith('https://')) return null;
  return {
    publisher: source.publisher,
    title: source.title,
    url: source.url,
    published: source.published,
    via: source.via ?? null,
  };
}

/** Sources as lists show them: https links only (the schemas refuse others anyway). */
export const sourceViews = (sources: readonly Source[]): SourceView[] =>
  sources.map(sourceView).filter((s): s is SourceView => s !== null);

function stanceLabel(stance: Stance, lang: UiLang): string {
  return strings(lang).stance[stance];
}

function figureValue(figure: Figure, series: Series | null, lang: UiLang): string {
  const unit = series ? strings(lang).unit[series.unit] : '';
  return `${strings(lang).qualifier[figure.qualifier](formatNumber(figure.value, lang))}${unit ? ` ${unit}` : ''}`;
}

function figureItem(
  entry: { figure: Figure; sources: Source[]; unconfirmed: boolean },
  series: Series | null,
  lang: UiLang,
): ItemView {
  const { figure } = entry;
  return {
    kind: 'figure',
    id: figure.id,
    heading: series ? pick(series.label, lang) : figure.series,
    value: figureValue(figure, series, lang),
    stance: stanceLabel(figure.stance, lang),
    date: strings(lang).asOf(formatDate(figure.asOf, lang)),
    body: figure.note ? pick(figure.note, lang) : null,
    caveat: series ? pick(series.caveat, lang) : null,
    unconfirmed: entry.unconfirmed,
    sources: sourceViews(entry.sources),
  };
}

function seriesItem(card: SeriesCard, lang: UiLang): ItemView {
  const latest = card.latest;
  return {
    kind: 'series',
    id: card.series.id,
    heading: pick(card.series.label, lang),
    value: latest ? figureValue(latest.figure, card.series, lang) : null,
    // The shown number's own stance: a documented series can hold an official's figure.
    stance: stanceLabel(latest?.figure.stance ?? card.series.stance, lang),
    date: latest ? strings(lang).asOf(formatDate(latest.figure.asOf, lang)) : null,
    body: latest?.figure.note ? pick(latest.figure.note, lang) : null,
    caveat: pick(card.series.caveat, lang),
    unconfirmed: latest?.unconfirmed ?? false,
    sources: sourceViews([...(latest?.sources ?? []), ...card.sources]),
  };
}

function recordItem(record: ResolvedContrast['record'], lang: UiLang): ItemView | null {
  if (!record) return null;
  if (record.kind === 'series') return seriesItem(record, lang);
  if (record.kind === 'figure') return figureItem(record, record.series, lang);
  return {
    kind: 'finding',
    id: record.finding.id,
    heading: `${record.finding.body}: ${pick(record.finding.title, lang)}`,
    value: null,
    stance: null,
    date: formatDate(record.finding.date, lang),
    body: pick(record.finding.summary, lang),
    caveat: null,
    unconfirmed: record.unconfirmed,
    sources: sourceViews(record.sources),
  };
}

function seriesCardOf(cards: readonly Card[], id: string | null): SeriesCard | null {
  if (!id) return null;
  for (const card of cards) if (card.kind === 'series' && card.series.id === id) return card;
  for (const card of cards)
    if (card.kind === 'claim')
      for (const c of card.contrasts)
        if (c.record?.kind === 'series' && c.record.series.id === id) return c.record;
  return null;
}

function scaleRole(stance: Stance): ScalePoint['role'] {
  return stance === 'documented' ? 'documented' : stance === 'estimate' ? 'estimate' : 'claim';
}

/** What of an annotation its card is built from. */
export type CardAnnotation = Pick<Annotation, 'quote' | 'cards' | 'figures' | 'kind'>;

/**
 * The card for `annotation`, from the records its card ids resolved to (`cards`, keyed by
 * the ids the annotation asked for; missing ones are skipped).
 */
export function buildCardView(
  annotation: CardAnnotation,
  cards: Readonly<Record<string, Card>>,
  lang: UiLang,
): CardView {
  const t = strings(lang);
  const found = annotation.cards.map((id) => cards[id]).filter((c): c is Card => c !== undefined);
  const claimCard = found.find((c): c is ClaimCard => c.kind === 'claim') ?? null;

  const numbers: NumberView[] = annotation.figures.map((note) => {
    const seriesCard = seriesCardOf(found, note.series);
    if (!note.series || !seriesCard)
      return { text: note.text, placement: t.noSeries, outdated: null };
    const label = pick(seriesCard.series.label, lang);
    // The series' latest figure as the dataset states it (with its qualifier), else the
    // engine's reference to it.
    const latestEntry = seriesCard.latest?.figure;
    const latest = latestEntry ?? note.latest ?? note.newer;
    // Only when the engine matched the number to an older figure of the series: a number
    // that matches none is not called outdated.
    const outdated =
      note.newer && latest && latest.value !== note.value
        ? t.outdated(
            label,
            latestEntry ? figureValue(latestEntry, null, lang) : formatNumber(latest.value, lang),
            formatDate(latest.asOf, lang),
          )
        : null;
    return {
      text: note.text,
      placement: t.placed(label, stanceLabel(seriesCard.series.stance, lang)),
      outdated,
    };
  });

  const items: ItemView[] = [];
  for (const card of found) {
    if (card.kind === 'claim') continue;
    const item = recordItem(card, lang);
    if (item && !items.some((i) => i.kind === item.kind && i.id === item.id)) items.push(item);
  }
  const contrasts = claimCard
    ? claimCard.contrasts.map((c) => ({
        context: pick(c.context, lang),
        item: recordItem(c.record, lang),
      }))
    : [];

  // The picture: the passage's own numbers beside the documented and claimed ones.
  const scale: ScalePoint[] = [];
  for (const note of annotation.figures)
    if (note.value > 0) scale.push({ label: note.text, value: note.value, role: 'text' });
  const addEntry = (entry: FigureEntry | null, series: Series) => {
    if (!entry || entry.figure.value <= 0) return;
    if (scale.some((p) => p.role !== 'text' && p.value === entry.figure.value)) return;
    scale.push({
      label: `${figureValue(entry.figure, series, lang)} · ${pick(series.label, lang)}`,
      value: entry.figure.value,
      role: scaleRole(entry.figure.stance),
    });
  };
  for (const card of found) if (card.kind === 'series') addEntry(card.latest, card.series);
  for (const c of contrasts.length ? claimCard!.contrasts : [])
    if (c.record?.kind === 'series') addEntry(c.record.latest, c.record.series);
    else if (c.record?.kind === 'figure' && c.record.series)
      addEntry(
        { figure: c.record.figure, sources: c.record.sources, unconfirmed: c.record.unconfirmed },
        c.record.series,
      );

  const timelineSeries =
    found.find((c): c is SeriesCard => c.kind === 'series' && c.figures.length > 1) ??
    seriesCardOf(found, annotation.figures.find((f) => f.series)?.series ?? null);
  const timeline =
    timelineSeries && timelineSeries.figures.length > 1
      ? timelineView(timelineSeries, lang, { cumulativeOnly: true })
      : null;

  return {
    title: titleOf(found, lang),
    quote: annotation.quote,
    claim: claimCard
      ? {
          actor: claimCard.claim.actor.name,
          role: claimCard.claim.actor.role,
          date: formatDate(claimCard.claim.date, lang),
          statement: pick(claimCard.claim.statement, lang),
          original: claimCard.claim.original ?? null,
          note: claimCard.claim.note ? pick(claimCard.claim.note, lang) : null,
          unconfirmed: claimCard.unconfirmed,
          sources: sourceViews(claimCard.sources),
        }
      : null,
    numbers,
    contrasts,
    items,
    scale,
    timeline: timeline && timeline.points.length > 1 ? timeline : null,
  };
}

/**
 * What a card is about: the claim's actor for a claim, else the heading of its first
 * record, else the topic. The card's title, and its marker's name.
 */
function titleOf(found: readonly Card[], lang: UiLang): string {
  const t = strings(lang);
  const claimCard = found.find((c): c is ClaimCard => c.kind === 'claim');
  if (claimCard) return t.claimTitle(claimCard.claim.actor.name);
  for (const card of found) if (card.kind !== 'claim') return recordItem(card, lang)!.heading;
  return t.topicTitle;
}

/**
 * The title `buildCardView` gives the card of an annotation with these card ids, or null
 * when none of them resolved (the marker is then named after the quote). The background
 * answers stage 2's `get-card-titles` with it, so markers are named without the records.
 */
export function cardTitle(
  cardIds: readonly string[],
  cards: Readonly<Record<string, Card>>,
  lang: UiLang,
): string | null {
  const found = cardIds.map((id) => cards[id]).filter((c): c is Card => c !== undefined);
  return found.length === 0 ? null : titleOf(found, lang);
}

/**
 * A series' figures over time, in its order (oldest first). The card draws running totals
 * only (`cumulativeOnly`); the data explorer draws every figure and names its sources.
 */
export function timelineView(
  card: SeriesCard,
  lang: UiLang,
  options: { cumulativeOnly?: boolean; sources?: boolean } = {},
): TimelineView {
  return {
    label: pick(card.series.label, lang),
    points: card.figures
      .filter((e) => !options.cumulativeOnly || (e.figure.kind ?? 'cumulative') === 'cumulative')
      .map((e) => ({
        date: e.figure.asOf,
        value: e.figure.value,
        label: `${formatDate(e.figure.asOf, lang)}: ${figureValue(e.figure, card.series, lang)}`,
        ...(options.sources ? { sources: e.sources.map((source) => source.publisher) } : {}),
      })),
  };
}

/** The accessible name of an annotation's marker: "Context: <what its card is about>". */
export function markerLabel(view: Pick<CardView, 'title'>, lang: UiLang): string {
  return strings(lang).marker(view.title);
}
