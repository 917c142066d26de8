import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Timeline } from '@/components/card/Timeline';
import type { TimelineView } from '@/lib/cards/view';

const VIEW: TimelineView = {
  label: 'Діти, депортацію яких перевірила Україна',
  points: [
    { date: '2023-03-15', value: 16221, label: '15 березня 2023: 16 221 дітей' },
    { date: '2024-07', value: 19546, label: 'липень 2024: 19 546 дітей' },
  ],
};

describe('Timeline (the card and the data explorer share it)', () => {
  it('in a card: small, no axes, named by its heading and described in one sentence', () => {
    render(<Timeline timeline={VIEW} lang="uk" />);
    const chart = screen.getByRole('img', {
      name: 'У часі: Діти, депортацію яких перевірила Україна',
    });
    expect(chart.getAttribute('viewBox')).toBe('0 0 300 64');
    expect(chart.querySelector('.cc-axis')).toBeNull();
    expect(chart.querySelector('desc')?.textContent).toBe(
      'Чисел: 2; перше — 15 березня 2023 (16\u00a0221), останнє — липень 2024 (19\u00a0546); найбільше — 19\u00a0546.',
    );
    // Oldest on the left at the bottom, newest on the right at the top.
    const [a, b] = [...chart.querySelectorAll('circle')];
    expect(Number(a!.getAttribute('cx'))).toBeLessThan(Number(b!.getAttribute('cx')));
    expect(Number(a!.getAttribute('cy'))).toBeGreaterThan(Number(b!.getAttribute('cy')));
    expect(
      within(screen.getByRole('group'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['15 березня 2023: 16 221 дітей', 'липень 2024: 19 546 дітей']);
  });

  it('wide: axes with the highest value, zero and the first and last dates', () => {
    render(<Timeline timeline={VIEW} lang="en" size="wide" />);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('viewBox')).toBe('0 0 560 160');
    expect([...chart.querySelectorAll('.cc-tick')].map((t) => t.textContent)).toEqual([
      '19,546',
      '0',
      '15 March 2023',
      'July 2024',
    ]);
  });

  it('draws nothing for a series without figures', () => {
    const { container } = render(<Timeline timeline={{ label: 'x', points: [] }} lang="en" />);
    expect(container.innerHTML).toBe('');
  });
});
