import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataSection, SeriesTimeline, SourcesTable } from '@/components/options/DataSection';
import { Dataset } from '@/lib/dataset';
import type { SeriesCard } from '@/lib/cards/schema';
import { validFixtureInput } from '../../db/fixture';
import { startBackground, type Background } from './harness';

let bg: Background;
beforeEach(() => {
  bg = startBackground();
});
afterEach(async () => {
  await bg.db.delete();
});

describe('Data explorer', () => {
  it('shows the dataset version and origin', async () => {
    render(<DataSection refresh={0} />);
    await waitFor(() =>
      expect(screen.getByTestId('dataset-line').textContent).toBe(
        'Dataset 2026.11.01 of 2026-11-01, bundled with the extension.',
      ),
    );
  });

  it('searches by words and filters, and opens a claim with its contrasts and sources', async () => {
    render(<DataSection refresh={0} />);
    await waitFor(() =>
      expect(screen.getByTestId('result-count').textContent).toBe('12 records match.'),
    );
    fireEvent.input(screen.getByLabelText('Words'), { target: { value: 'evacuated' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(screen.getByTestId('result-count').textContent).toBe('2 records match.'),
    );

    fireEvent.input(screen.getByLabelText('Who (actor, body or publisher)'), {
      target: { value: 'lvova' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Claims' }));
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(screen.getByTestId('result-count').textContent).toBe('1 record matches.'),
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'The children were evacuated for their safety.' }),
    );

    const article = await screen.findByRole('article');
    expect(within(article).getByRole('heading', { level: 3 }).textContent).toBe(
      'The children were evacuated for their safety.',
    );
    expect(within(article).getByText('The ICC found grounds for warrants.')).toBeTruthy();
    expect(within(article).getByText(/International Criminal Court: Arrest warrants/)).toBeTruthy();
    expect(within(article).getByText(/^16,221 · Children verified as deported/)).toBeTruthy();
    // Sources as the card lists them: the publisher links, the title beside it.
    const lists = within(article).getAllByRole('list', { name: 'Sources' });
    expect(lists.every((l) => l.classList.contains('cc-sources'))).toBe(true);
    expect(
      within(article).getAllByRole('link', { name: 'International Criminal Court' }),
    ).not.toHaveLength(0);
    const links = within(article).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Back to the results' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back to the results' }));
    await screen.findByRole('search');
  });

  it('filters by date range and language', async () => {
    render(<DataSection refresh={0} />);
    await screen.findByTestId('result-count');
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2024-01-01' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ru' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(screen.getByTestId('result-count').textContent).toBe('1 record matches.'),
    );
    expect(
      screen.getByRole('button', { name: 'Only hundreds of children were involved.' }),
    ).toBeTruthy();
  });

  it("draws a timeline per series, with the card's component, wide and with axes", async () => {
    render(<DataSection refresh={0} />);
    const chart = await screen.findByRole('img', {
      name: 'Over time: Children verified as deported by Ukraine',
    });
    expect(chart.closest('figure')?.classList.contains('cc-timeline-wide')).toBe(true);
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(chart.querySelectorAll('line.cc-axis')).toHaveLength(2);
    expect([...chart.querySelectorAll('text.cc-tick')].map((t) => t.textContent)).toEqual([
      '19,600',
      '0',
      '15 March 2023',
      'January 2025',
    ]);
    expect(chart.querySelector('desc')?.textContent).toBe(
      '3 figures from 15 March 2023 (16,221) to January 2025 (19,600); the highest is 19,600.',
    );
  });
});

function seriesCard(id: string, figureCount?: number): SeriesCard {
  const data = Dataset.parse(validFixtureInput());
  const series = data.series.find((s) => s.id === id)!;
  const figures = data.figures
    .filter((f) => f.series === series.id)
    .sort((a, b) => a.asOf.localeCompare(b.asOf))
    .slice(0, figureCount)
    .map((figure) => ({ figure, sources: data.sources.slice(1, 2), unconfirmed: false }));
  return {
    kind: 'series',
    id: series.id,
    series,
    sources: [],
    figures,
    latest: figures.at(-1) ?? null,
  };
}

describe('SeriesTimeline', () => {
  it('has a text alternative with every figure and its sources, oldest first', () => {
    render(<SeriesTimeline card={seriesCard('ru-reported-arrivals')} />);
    const items = within(screen.getByRole('group')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '1 August 2022: more than 307,000 children (TASS)',
      'July 2023: about 700,000 children (TASS)',
    ]);
    expect(screen.getByRole('img').querySelector('path.cc-line')).not.toBeNull();
    // Each point names its figure too.
    expect(
      [...screen.getByRole('img').querySelectorAll('circle title')].map((t) => t.textContent),
    ).toEqual(['1 August 2022: more than 307,000 children', 'July 2023: about 700,000 children']);
  });

  it('draws one figure as a point in the middle, without a line', () => {
    render(<SeriesTimeline card={seriesCard('ru-reported-arrivals', 1)} />);
    const chart = screen.getByRole('img');
    expect(chart.querySelector('path')).toBeNull();
    // One date on the axis, under the point.
    expect([...chart.querySelectorAll('text.cc-tick')].map((t) => t.textContent)).toEqual([
      '307,000',
      '0',
      '1 August 2022',
    ]);
    expect(chart.querySelector('circle')?.getAttribute('cx')).toBe(
      String(64 + (560 - 64 - 16) / 2),
    );
  });

  it('says so when a series has no figures', () => {
    render(<SeriesTimeline card={seriesCard('ru-reported-arrivals', 0)} />);
    expect(screen.getByText(/No figures\.$/)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('Sources table', () => {
  it('sorts by publisher and by date, both ways, and links only https pages', () => {
    const data = Dataset.parse(validFixtureInput());
    render(<SourcesTable sources={data.sources} />);
    const publishers = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.firstElementChild?.textContent);
    // Newest first by default; an undated source last.
    expect(publishers()).toEqual([
      'Reuters',
      'TASS',
      'International Criminal Court',
      'Government of Ukraine',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Publisher' }));
    expect(publishers()).toEqual([
      'Government of Ukraine',
      'International Criminal Court',
      'Reuters',
      'TASS',
    ]);
    expect(screen.getByRole('columnheader', { name: /Publisher/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Publisher' }));
    expect(publishers()).toEqual([
      'TASS',
      'Reuters',
      'International Criminal Court',
      'Government of Ukraine',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Published' }));
    expect(publishers()).toEqual([
      'Government of Ukraine',
      'International Criminal Court',
      'TASS',
      'Reuters',
    ]);

    // A link that is not https (it cannot come from a valid dataset) is shown as text.
    const unsafe = [{ ...data.sources[0]!, url: 'javascript:alert(1)' }];
    render(<SourcesTable sources={unsafe} />);
    expect(screen.getAllByText('Children of War portal')).toHaveLength(2);
    expect(
      screen.getAllByRole('link').every((a) => a.getAttribute('href')?.startsWith('https:')),
    ).toBe(true);
  });
});
