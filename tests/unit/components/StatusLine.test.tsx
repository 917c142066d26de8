import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { StatusLine } from '@/components/StatusLine';

describe('StatusLine', () => {
  it('says it is checking while the background has not answered', () => {
    render(<StatusLine state={{ kind: 'loading' }} />);
    expect(screen.getByRole('status').textContent).toBe('Checking…');
  });

  it('shows the extension and dataset versions once ready', () => {
    render(
      <StatusLine
        state={{
          kind: 'ready',
          status: { ok: true, version: '1.2.3', datasetVersion: '2026.11.29', ready: true },
        }}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Version 1.2.3 · dataset 2026.11.29');
  });

  it('says when the dataset is not loaded yet', () => {
    render(
      <StatusLine
        state={{
          kind: 'ready',
          status: { ok: true, version: '1.2.3', datasetVersion: null, ready: false },
        }}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain('dataset not loaded yet');
  });

  it('explains a failure to reach the background', () => {
    render(<StatusLine state={{ kind: 'error', message: 'no receiver' }} />);
    expect(screen.getByRole('status').textContent).toBe('Background not reachable: no receiver');
  });
});
