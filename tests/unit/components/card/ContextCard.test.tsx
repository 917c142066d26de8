import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AnnotationLayer } from '@/components/card/AnnotationLayer';
import { ContextCard } from '@/components/card/ContextCard';
import type { CardView } from '@/lib/cards/view';
import { paintRanges } from '@/lib/page/paint';

const view: CardView = {
  title: 'Claim by <b>an official</b>',
  quote: 'only hundreds <img src=x onerror="alert(1)">',
  claim: {
    actor: 'An official',
    role: 'commissioner',
    date: 'July 2023',
    statement: 'Only a few hundred children were taken in.',
    original: { text: 'Только сотни детей', lang: 'ru' },
    note: null,
    unconfirmed: true,
    sources: [
      {
        publisher: 'Publisher',
        title: 'A report',
        url: 'https://example.org/a',
        published: '2023-07-01',
        via: 'TASS',
      },
    ],
  },
  numbers: [
    { text: 'hundreds', placement: 'This number reads as: X.', outdated: 'Not the latest figure.' },
  ],
  contrasts: [],
  items: [],
  scale: [
    { label: 'hundreds', value: 100, role: 'text' },
    { label: '19,546', value: 19546, role: 'documented' },
    { label: '700,000', value: 700000, role: 'claim' },
  ],
  timeline: null,
};

function renderCard(overrides: Partial<Parameters<typeof ContextCard>[0]> = {}) {
  const onClose = vi.fn();
  const onDismiss = vi.fn();
  const result = render(
    <ContextCard
      view={view}
      quote={view.quote}
      explanation={{ rule: 'strong', terms: ['Lvova-Belova'] }}
      lang="en"
      datasetVersion="2026.12.01"
      position={{ left: 10, top: 20 }}
      onClose={onClose}
      onDismiss={onDismiss}
      {...overrides}
    />,
  );
  return { ...result, onClose, onDismiss };
}

describe('ContextCard', () => {
  it('is a dialog named by its title, and renders dataset text as text only', () => {
    const { container } = renderCard();
    const dialog = screen.getByRole('dialog');
    const title = container.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!;
    expect(title.textContent).toBe('Claim by <b>an official</b>');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText(/only hundreds <img/)).toBeTruthy();
  });

  it('shows the claim, its original wording, the unconfirmed note, the numbers and the picture', () => {
    const { container } = renderCard();
    expect(container.querySelector('[lang="ru"]')!.textContent).toContain('Только сотни детей');
    expect(screen.getByText(/Unconfirmed/)).toBeTruthy();
    expect(screen.getByText(/Not the latest figure/)).toBeTruthy();
    const svg = container.querySelector('svg[role="img"]')!;
    expect(svg.getAttribute('aria-label')).toMatch(/Logarithmic scale: .*19,546 \(documented\)/);
    const link = screen.getByRole('link', { name: 'Publisher' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('Dataset 2026.12.01')).toBeTruthy();
  });

  it('closes on Escape and on its close button, and dismisses on "Not relevant"', () => {
    const { onClose, onDismiss } = renderCard();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'Not relevant' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('says when the records are loading or could not be loaded, in Ukrainian too', () => {
    const { unmount } = renderCard({ view: null });
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);
    unmount();
    renderCard({ view: null, failed: true, lang: 'uk' });
    expect(screen.getByRole('status').textContent).toMatch(/недоступні/);
    expect(screen.getByRole('button', { name: 'Закрити' })).toBeTruthy();
  });
});

describe('AnnotationLayer', () => {
  it('gives every annotation a named marker and draws boxes where the Highlight API is missing', () => {
    const onOpen = vi.fn();
    const { container } = render(
      <AnnotationLayer
        markers={[
          { key: 'a', label: 'Context: A', category: 'claim', left: 1, top: 2 },
          { key: 'b', label: 'Context: B', category: 'figure', left: 3, top: 4 },
        ]}
        overlays={[{ category: 'figure', left: 0, top: 0, width: 40, height: 10 }]}
        openKey="b"
        onOpen={onOpen}
      />,
    );
    const markers = screen.getAllByRole('button');
    expect(markers.map((m) => m.getAttribute('aria-label'))).toEqual(['Context: A', 'Context: B']);
    expect(markers[1]!.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(markers[0]!);
    expect(onOpen).toHaveBeenCalledWith('a');
    expect(container.querySelectorAll('.cc-overlay')).toHaveLength(1);
  });

  it('paintRanges reports a browser without the Highlight API, so boxes are drawn instead', () => {
    expect('highlights' in CSS).toBe(false);
    expect(paintRanges([])).toBe(false);
  });
});
