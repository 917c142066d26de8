import { describe, expect, it, vi } from 'vitest';
import { createCardRecords, type CardSource } from '@/lib/cards/records';
import type { Card } from '@/lib/cards/schema';
import type { Annotation } from '@/lib/detect';

/** A finding card: enough for buildCardView to give it a heading. */
function finding(id: string): Card {
  return {
    kind: 'finding',
    id,
    finding: {
      id,
      body: `Body ${id}`,
      title: { en: `Finding ${id}` },
      summary: { en: 'What was found.' },
      date: '2024-01-01',
      sources: ['s'],
    },
    sources: [],
    unconfirmed: false,
  } as unknown as Card;
}

const annotation = (cards: string[]): Pick<Annotation, 'quote' | 'cards' | 'figures' | 'kind'> => ({
  quote: 'a quote',
  cards,
  figures: [],
  kind: 'topic',
});

function source() {
  const cards = vi.fn(async (ids: string[]) => ({
    cards: Object.fromEntries(
      ids.filter((id) => !id.includes('missing')).map((id) => [id, finding(id.split(':')[1]!)]),
    ),
  }));
  const datasetVersion = vi.fn(async () => '2026.11.29');
  return { cards, datasetVersion } satisfies CardSource;
}

describe('card records (stage 3)', () => {
  it('asks for each card id once and for the dataset version once', async () => {
    const s = source();
    const records = createCardRecords(s);
    const first = await records.view(annotation(['finding:a', 'finding:b']), 'en');
    expect(first.view.title).toBe('Body a: Finding a');
    expect(first.datasetVersion).toBe('2026.11.29');
    const second = await records.view(
      annotation(['finding:b', 'finding:c', 'finding:missing']),
      'en',
    );
    expect(second.view.title).toBe('Body b: Finding b');
    expect(s.cards.mock.calls).toEqual([
      [['finding:a', 'finding:b']],
      [['finding:c', 'finding:missing']],
    ]);
    expect(s.datasetVersion).toHaveBeenCalledTimes(1);
  });

  it('two cards opened at once share the answer for their common ids', async () => {
    const s = source();
    const records = createCardRecords(s);
    const [a, b] = await Promise.all([
      records.view(annotation(['finding:a']), 'en'),
      records.view(annotation(['finding:a']), 'uk'),
    ]);
    expect(a.view.title).toBe('Body a: Finding a');
    expect(b.view.title).toBe('Body a: Finding a');
    expect(s.cards).toHaveBeenCalledTimes(1);
  });

  it('asks in batches of at most 100 ids', async () => {
    const s = source();
    const records = createCardRecords(s);
    const ids = Array.from({ length: 230 }, (_, k) => `finding:f${k}`);
    await records.view(annotation(ids), 'en');
    expect(s.cards.mock.calls.map(([batch]) => batch.length)).toEqual([100, 100, 30]);
  });

  it('a failed answer fails the card, and the next card asks again', async () => {
    let fail = true;
    const s = source();
    const cards = s.cards;
    s.cards = vi.fn(async (ids: string[]) => {
      if (fail) throw new Error('no background');
      return cards(ids);
    });
    const records = createCardRecords(s);
    await expect(records.view(annotation(['finding:a']), 'en')).rejects.toThrow('no background');
    fail = false;
    const again = await records.view(annotation(['finding:a']), 'en');
    expect(again.view.title).toBe('Body a: Finding a');
    expect(s.cards).toHaveBeenCalledTimes(2);
  });

  it('a failed dataset version is asked for again', async () => {
    const s = source();
    s.datasetVersion.mockRejectedValueOnce(new Error('busy')).mockResolvedValue('v2');
    const records = createCardRecords(s);
    await expect(records.view(annotation(['finding:a']), 'en')).rejects.toThrow('busy');
    expect((await records.view(annotation(['finding:a']), 'en')).datasetVersion).toBe('v2');
  });

  it('after forget (a new dataset) records are asked for again, and an older answer is dropped', async () => {
    let release: () => void = () => undefined;
    const s = source();
    const cards = s.cards;
    s.cards = vi.fn(
      (ids: string[]) =>
        new Promise<{ cards: Record<string, Card> }>((done) => {
          release = () => void cards(ids).then(done);
        }),
    );
    const records = createCardRecords(s);
    const old = records.view(annotation(['finding:a']), 'en');
    records.forget();
    release();
    await old;
    s.cards = cards;
    const fresh = await records.view(annotation(['finding:b']), 'en');
    expect(fresh.view.title).toBe('Body b: Finding b');
    // The answer asked for before forget() did not land in the new dataset's records.
    const againA = await records.view(annotation(['finding:a']), 'en');
    expect(againA.view.title).toBe('Body a: Finding a');
    expect(cards.mock.calls.map(([batch]) => batch)).toEqual([
      ['finding:a'],
      ['finding:b'],
      ['finding:a'],
    ]);
    expect(s.datasetVersion).toHaveBeenCalledTimes(2);
  });
});
