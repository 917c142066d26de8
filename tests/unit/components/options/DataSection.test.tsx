import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataSection, SourcesTable } from '@/components/options/DataSection';
import { Timeline } from '@/components/options/Timeline';
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

  it('draws a timeline per series', async () => {
    render(<DataSection refresh={0} />);
    const chart = await screen.findByRole('img', {
      name: /Timeline: Children verified as deported by Ukraine/,
    });
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(chart.querySelector('desc')?.textContent).toBe(
      '3 figures from 2023-03-15 (16,221) to 2025-01 (19,600); the highest is 19,600.',
    );
  });
});

describe('Timeline', () => {
  it('has a text alternative with every figure, oldest first', () => {
    const data = Dataset.parse(validFixtureInput());
    const series = data.series.find((s) => s.id === 'ru-reported-arrivals')!;
    const figures = data.figures
      .filter((f) => f.series === series.id)
      .sort((a, b) => a.asOf.localeCompare(b.asOf))
      .map((figure) => ({ figure, sources: data.sources.slice(1, 2), unconfirmed: false }));
    const card: SeriesCard = {
      kind: 'series',
      id: series.id,
      series,
      sources: [],
      figures,
      latest: figures.at(-1)!,
    };
    render(<Timeline card={card} />);
    const rows = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(['2022-08-01more than 307,000TASS', '2023-07about 700,000TASS']);
    expect(screen.getByRole('img').querySelector('polyline')).not.toBeNull();
  });

  it('says so when a series has no figures', () => {
    const data = Dataset.parse(validFixtureInput());
    const series = data.series[0]!;
    render(
      <Timeline
        card={{ kind: 'series', id: series.id, series, sources: [], figures: [], latest: null }}
      />,
    );
    expect(screen.getByText('No figures.')).toBeTruthy();
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
