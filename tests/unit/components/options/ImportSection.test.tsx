import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportSection } from '@/components/options/ImportSection';
import { getDatasetStatus, readStoredDataset } from '@/lib/db';
import type { DatasetInput } from '@/lib/dataset';
import { validFixtureInput } from '../../db/fixture';
import { jsonFile, startBackground, type Background } from './harness';

let bg: Background;
beforeEach(() => {
  bg = startBackground();
});
afterEach(async () => {
  await bg.db.delete();
});

function file(change?: (input: DatasetInput) => void): string {
  const input = validFixtureInput();
  input.version = '2026.11.20';
  input.figures[0]!.value = 19600;
  input.findings.push({ ...input.findings[0]!, id: 'icc-2024-new' });
  change?.(input);
  return JSON.stringify(input);
}

function choose(text: string, size?: number) {
  const input = screen.getByLabelText('Dataset file');
  fireEvent.change(input, { target: { files: [jsonFile(text, size)] } });
}

async function stored() {
  return { data: await readStoredDataset(bg.db), status: await getDatasetStatus(bg.db) };
}

describe('ImportSection', () => {
  it('shows what a good file would change, then imports it on confirm', async () => {
    const onChanged = vi.fn();
    render(<ImportSection onChanged={onChanged} />);
    choose(file());
    const summary = await screen.findByText(
      'Importing dataset 2026.11.20 would replace 2026.11.01 (bundled):',
    );
    expect(summary).toBeTruthy();
    const table = screen.getByTestId('import-diff');
    const row = (name: string) =>
      within(table).getByRole('rowheader', { name }).closest('tr')!.textContent;
    expect(row('figures')).toContain('1: ua-verified-2024-06');
    expect(row('findings')).toContain('1: icc-2024-new');
    expect((await stored()).data?.dataset.version).toBe('2026.11.01');

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(
      'Dataset 2026.11.20 is imported. Open pages use it from their next scan.',
    );
    expect((await stored()).data).toMatchObject({
      origin: 'imported',
      dataset: { version: '2026.11.20' },
    });
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(bg.republish).toHaveBeenCalledTimes(1);
  });

  it('cancel leaves the stored data alone', async () => {
    render(<ImportSection onChanged={() => {}} />);
    choose(file());
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await screen.findByText('Import cancelled. Nothing was changed.');
    expect((await stored()).data?.dataset.version).toBe('2026.11.01');
    expect(bg.requests.some((r) => (r as { type: string }).type === 'apply-import')).toBe(false);
  });

  it.each<[string, () => string, string]>([
    ['malformed JSON', () => '{"version": ', '(file)'],
    [
      'wrong types',
      () => file((i) => ((i.figures[1] as { value: unknown }).value = 'many')),
      'figures[1].value',
    ],
    [
      'a dangling reference',
      () => file((i) => (i.claims[0]!.sources = ['nowhere'])),
      'claims[0].sources[0]',
    ],
    [
      'a javascript: link',
      () => file((i) => (i.sources[2]!.url = 'javascript:alert(document.domain)')),
      'sources[2].url',
    ],
    [
      'markup',
      () => file((i) => (i.findings[0]!.title.en = '<img src=x onerror=alert(1)>')),
      'findings[0].title.en',
    ],
  ])('lists every problem of %s with its path and changes nothing', async (_name, text, path) => {
    render(<ImportSection onChanged={() => {}} />);
    choose(file()); // seeds the database through a first preview
    await screen.findByRole('button', { name: 'Cancel' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const before = await stored();
    choose(text());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /The file cannot be imported: \d+ problems?\. Nothing was changed\./,
    );
    expect(within(alert).getByText(path)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(await stored()).toEqual(before);
  });

  it('refuses an oversized file before reading it', async () => {
    render(<ImportSection onChanged={() => {}} />);
    choose(file(), 6 * 1024 * 1024);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'The file is 6.0 MB; the limit is 5 MB. Nothing was changed.',
    );
    expect(bg.requests).toEqual([]);
  });

  it('restores the bundled data after asking', async () => {
    const onChanged = vi.fn();
    render(<ImportSection onChanged={onChanged} />);
    choose(file());
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await screen.findByText(/is imported/);
    fireEvent.click(screen.getByRole('button', { name: 'Restore bundled data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect((await stored()).data?.origin).toBe('imported');
    fireEvent.click(screen.getByRole('button', { name: 'Restore bundled data' }));
    expect(screen.getByText(/Replace the stored dataset/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await screen.findByText('Bundled dataset 2026.11.01 is restored.');
    expect((await stored()).data).toMatchObject({
      origin: 'bundled',
      dataset: { version: '2026.11.01' },
    });
    expect(await bg.db.findings.get('icc-2024-new')).toBeUndefined();
    expect(onChanged).toHaveBeenCalledTimes(2);
  });
});
