import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Card, getCards, getClaimCard, getSeriesCard, seedDatabase, type FactDb } from '@/lib/db';
import { freshDb, makeFixture } from './fixture';

let d: FactDb;

beforeEach(async () => {
  d = freshDb('queries');
  await seedDatabase(d, makeFixture(), { origin: 'bundled' });
});

afterEach(async () => {
  await d.delete();
});

describe('getClaimCard', () => {
  it('resolves the claim, its sources, and every contrast with its record', async () => {
    const card = await getClaimCard(d, 'claim-evacuated-for-safety');
    expect(card).not.toBeNull();
    if (!card) return;
    expect(card.kind).toBe('claim');
    expect(card.claim.actor.name).toBe('Maria Lvova-Belova');
    expect(card.sources.map((s) => s.id)).toEqual(['reuters-claim']);
    expect(card.contrasts.map((c) => [c.ref.kind, c.record?.kind])).toEqual([
      ['finding', 'finding'],
      ['figure', 'figure'],
      ['series', 'series'],
    ]);

    const [finding, figure, series] = card.contrasts.map((c) => c.record);
    expect(finding?.kind === 'finding' && finding.sources.map((s) => s.id)).toEqual([
      'icc-warrants',
    ]);
    expect(finding?.kind === 'finding' && finding.finding.body).toBe(
      'International Criminal Court',
    );

    if (figure?.kind !== 'figure') throw new Error('expected a figure');
    expect(figure.figure.value).toBe(16221);
    expect(figure.series?.id).toBe('ua-verified-deported');
    expect(figure.sources.map((s) => s.publisher)).toEqual(['Government of Ukraine']);
    // "this was the verified count in March 2023; the latest is ..."
    expect(figure.newer?.figure.id).toBe('ua-verified-2025-01');

    if (series?.kind !== 'series') throw new Error('expected a series');
    expect(series.figures.map((f) => f.figure.asOf)).toEqual([
      '2023-03-15',
      '2024-06-01',
      '2025-01',
    ]);
    expect(series.latest?.figure.id).toBe('ua-verified-2025-01');
    expect(series.latest?.sources.map((s) => s.id)).toEqual(['bkb-portal', 'reuters-claim']);

    expect(card.contrasts[0]?.context.en).toBe('The ICC found grounds for warrants.');
    // The card is exactly what the message protocol accepts.
    expect(Card.safeParse(card).success).toBe(true);
  });

  it('returns null for an unknown claim', async () => {
    expect(await getClaimCard(d, 'no-such-claim')).toBeNull();
  });

  it('marks dangling references as unresolved instead of failing', async () => {
    await d.claims.update('claim-only-hundreds', {
      sources: ['tass-arrivals', 'gone-source'],
      contrasts: [
        { ref: { kind: 'figure', id: 'gone-figure' }, context: { en: 'Dangling.' } },
        { ref: { kind: 'figure', id: 'ru-arrivals-2023' }, context: { en: 'Still here.' } },
      ],
    });
    const card = await getClaimCard(d, 'claim-only-hundreds');
    expect(card?.sources.map((s) => s.id)).toEqual(['tass-arrivals']);
    expect(card?.contrasts.map((c) => c.record?.id ?? null)).toEqual([null, 'ru-arrivals-2023']);
  });
});

describe('getSeriesCard', () => {
  it('lists figures in date order with sources, and the latest figure', async () => {
    const card = await getSeriesCard(d, 'ru-reported-arrivals');
    expect(card?.series.stance).toBe('official-claim');
    expect(card?.figures.map((f) => [f.figure.id, f.sources.map((s) => s.id)])).toEqual([
      ['ru-arrivals-2022', ['tass-arrivals']],
      ['ru-arrivals-2023', ['tass-arrivals']],
    ]);
    expect(card?.latest?.figure.value).toBe(700000);
    expect(card?.sources).toEqual([]);
  });

  it('resolves the sources a series names for its caveat', async () => {
    await d.series.update('ru-reported-arrivals', { sources: ['tass-arrivals', 'gone'] } as never);
    const card = await getSeriesCard(d, 'ru-reported-arrivals');
    expect(card?.sources.map((s) => s.id)).toEqual(['tass-arrivals']);
  });

  it('gives an empty timeline for a series without figures', async () => {
    await d.figures.where('series').equals('ru-reported-arrivals').delete();
    const card = await getSeriesCard(d, 'ru-reported-arrivals');
    expect(card).toMatchObject({ figures: [], latest: null });
  });

  it('returns null for an unknown series', async () => {
    expect(await getSeriesCard(d, 'nope')).toBeNull();
  });
});

describe('getCards', () => {
  it('answers a page batch: prefixed and bare ids, with misses listed', async () => {
    const result = await getCards(d, [
      'claim:claim-only-hundreds',
      'ua-verified-deported',
      'figure:ru-arrivals-2022',
      'icc-2023-warrants',
      'series:claim-only-hundreds', // right id, wrong kind
      'unknown-thing',
      'claim:claim-only-hundreds', // duplicates collapse
    ]);
    expect(Object.keys(result.cards)).toEqual([
      'claim:claim-only-hundreds',
      'ua-verified-deported',
      'figure:ru-arrivals-2022',
      'icc-2023-warrants',
    ]);
    expect(Object.values(result.cards).map((c) => c.kind)).toEqual([
      'claim',
      'series',
      'figure',
      'finding',
    ]);
    expect(result.missing).toEqual(['series:claim-only-hundreds', 'unknown-thing']);

    const figure = result.cards['figure:ru-arrivals-2022'];
    expect(figure?.kind === 'figure' && figure.newer?.figure.id).toBe('ru-arrivals-2023');
    const claim = result.cards['claim:claim-only-hundreds'];
    expect(claim?.kind === 'claim' && claim.contrasts.map((c) => c.record?.kind)).toEqual([
      'figure',
      'series',
    ]);
    for (const card of Object.values(result.cards)) expect(Card.safeParse(card).success).toBe(true);
  });

  it('does not offer a newer figure for the latest one', async () => {
    const { cards } = await getCards(d, ['figure:ua-verified-2025-01']);
    expect(cards['figure:ua-verified-2025-01']).toMatchObject({ kind: 'figure', newer: null });
  });

  it('answers an empty batch and an empty database', async () => {
    expect(await getCards(d, [])).toEqual({ cards: {}, missing: [] });
    const empty = freshDb('empty');
    expect(await getCards(empty, ['claim:claim-only-hundreds'])).toEqual({
      cards: {},
      missing: ['claim:claim-only-hundreds'],
    });
    await empty.delete();
  });
});

describe('the unconfirmed flag on cards', () => {
  it('is false when the record and its sources are confirmed', async () => {
    const { cards } = await getCards(d, [
      'figure:ru-arrivals-2023',
      'claim:claim-evacuated-for-safety',
    ]);
    expect(cards['figure:ru-arrivals-2023']).toMatchObject({ kind: 'figure', unconfirmed: false });
    expect(cards['claim:claim-evacuated-for-safety']).toMatchObject({
      kind: 'claim',
      unconfirmed: false,
    });
  });

  it('is true for a record marked unconfirmed, and on its entries in series timelines', async () => {
    await d.delete();
    d = freshDb('queries-unconfirmed');
    await seedDatabase(
      d,
      makeFixture((input) => {
        const figure = input.figures.find((f) => f.id === 'ru-arrivals-2023');
        if (!figure) throw new Error('fixture figure missing');
        figure.confidence = 'unconfirmed';
        figure.note = { en: 'The date is not confirmed.', uk: 'Дату не підтверджено.' };
      }),
      { origin: 'bundled' },
    );
    const { cards } = await getCards(d, ['figure:ru-arrivals-2023', 'series:ru-reported-arrivals']);
    const figure = cards['figure:ru-arrivals-2023'];
    expect(figure).toMatchObject({ kind: 'figure', unconfirmed: true });
    const series = cards['series:ru-reported-arrivals'];
    if (series?.kind !== 'series') throw new Error('expected a series card');
    expect(series.figures.map((e) => [e.figure.id, e.unconfirmed])).toEqual([
      ['ru-arrivals-2022', false],
      ['ru-arrivals-2023', true],
    ]);
    expect(Card.safeParse(figure).success).toBe(true);
  });

  it('is true when a source the card shows is marked unconfirmed', async () => {
    await d.delete();
    d = freshDb('queries-unconfirmed-source');
    await seedDatabase(
      d,
      makeFixture((input) => {
        const source = input.sources.find((s) => s.id === 'reuters-claim');
        if (!source) throw new Error('fixture source missing');
        source.confidence = 'unconfirmed';
        source.note = 'The original statement was not found.';
      }),
      { origin: 'bundled' },
    );
    const card = await getClaimCard(d, 'claim-evacuated-for-safety');
    expect(card?.claim.confidence).toBe('confirmed');
    expect(card?.unconfirmed).toBe(true);
  });
});
