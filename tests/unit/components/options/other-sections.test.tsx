import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DismissedSection } from '@/components/options/DismissedSection';
import { ExportSection } from '@/components/options/ExportSection';
import { OptionsApp } from '@/components/options/OptionsApp';
import { PrivacySection } from '@/components/options/PrivacySection';
import { CSV_COLUMNS } from '@/lib/dataset/exports';
import { DatasetJsonLd } from '@/lib/dataset/exports';
import { ClaimReviewJsonLd } from '@/lib/dataset/claimreview';
import { Dataset } from '@/lib/dataset';
import {
  DEFAULT_SETTINGS,
  dismiss,
  dismissalsItem,
  dismissedKeys,
  getSettings,
  type settingsFile,
  updateSettings,
} from '@/lib/settings';
import { jsonFile, startBackground, type Background } from './harness';

let bg: Background;
beforeEach(() => {
  bg = startBackground();
});
afterEach(async () => {
  await bg.db.delete();
});

describe('Export section', () => {
  it('saves the dataset, its JSON-LD and the figures CSV', async () => {
    const download = vi.fn();
    render(<ExportSection download={download} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dataset (JSON)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [name, mime, text] = download.mock.calls[0]! as [string, string, string];
    expect([name, mime]).toEqual(['context-cards-2026.11.01.json', 'application/json']);
    expect(Dataset.parse(JSON.parse(text)).version).toBe('2026.11.01');
    await screen.findByText('context-cards-2026.11.01.json is saved.');

    fireEvent.click(screen.getByRole('button', { name: 'ClaimReview (JSON-LD)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    const reviews = JSON.parse(download.mock.calls[1]![2] as string) as unknown[];
    expect(reviews).toHaveLength(2);
    reviews.forEach((r) => ClaimReviewJsonLd.parse(r));

    fireEvent.click(screen.getByRole('button', { name: 'schema.org Dataset (JSON-LD)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(3));
    expect(DatasetJsonLd.parse(JSON.parse(download.mock.calls[2]![2] as string)).version).toBe(
      '2026.11.01',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Figures (CSV)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(4));
    const csv = download.mock.calls[3]![2] as string;
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 5);
  });

  it('saves settings and dismissals, and loads them back with validation', async () => {
    const download = vi.fn();
    await updateSettings({ theme: 'dark', excludedSites: ['a.example'] });
    await dismiss('claim:x', 'https://news.example/a', () => 7);
    render(<ExportSection download={download} />);
    fireEvent.click(screen.getByRole('button', { name: 'Your settings and dismissals (JSON)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const saved = download.mock.calls[0]![2] as string;
    expect(JSON.parse(saved)).toMatchObject({
      format: 'context-cards-settings',
      settings: { theme: 'dark', excludedSites: ['a.example'] },
      dismissals: { 'news.example': [{ key: 'claim:x', url: 'https://news.example/a', at: 7 }] },
    });

    // A bad file: nothing changes, every problem is listed.
    const bad = JSON.parse(saved) as ReturnType<typeof settingsFile>;
    (bad.settings as { excludedSites: string[] }).excludedSites = ['bad host'];
    const input = screen.getByLabelText('Load settings and dismissals');
    fireEvent.change(input, { target: { files: [jsonFile(JSON.stringify(bad))] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This is not a valid settings file. Nothing was changed:');
    expect(screen.getByText('settings.excludedSites[0]')).toBeTruthy();
    expect((await getSettings()).excludedSites).toEqual(['a.example']);

    fireEvent.change(input, { target: { files: [jsonFile('not json')] } });
    await screen.findByText('(file)');

    // Load the good file into a fresh profile.
    await updateSettings(DEFAULT_SETTINGS);
    await dismissalsItem.setValue({});
    fireEvent.change(input, { target: { files: [jsonFile(saved)] } });
    await screen.findByText('Settings and dismissals loaded.');
    expect((await getSettings()).theme).toBe('dark');
    expect(await dismissedKeys('https://news.example/a')).toEqual(['claim:x']);
  });
});

describe('Dismissed section', () => {
  it('lists dismissals, newest first, and restores one', async () => {
    await dismiss('claim:a', 'https://news.example/one', () => 1_700_000_000_000);
    await dismiss('figure:b', 'https://other.example/two', () => 1_800_000_000_000);
    render(<DismissedSection />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.querySelector('code')?.textContent)).toEqual([
      'figure:b',
      'claim:a',
    ]);
    fireEvent.click(
      screen.getByRole('button', { name: 'Restore claim:a on https://news.example/one' }),
    );
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(await dismissedKeys('https://news.example/one')).toEqual([]);
    // A dismissal made in a tab appears without a reload.
    await act(() => dismiss('claim:c', 'https://third.example/'));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    fireEvent.click(
      screen.getByRole('button', { name: 'Restore figure:b on https://other.example/two' }),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Restore claim:c on https://third.example/' }),
    );
    await screen.findByText('You have dismissed nothing.');
  });
});

describe('Dismissed section titles', () => {
  it('names the dismissed card when the dataset knows it', async () => {
    await dismiss('claim:claim-only-hundreds', 'https://news.example/one');
    await dismiss('quote-7f3a', 'https://news.example/one');
    await dismiss(
      'topic|Children were taken to camps in Crimea.|Reports say that ',
      'https://news.example/one',
    );
    render(<DismissedSection />);
    expect(
      await screen.findByRole('button', {
        name: 'Restore “Children were taken to camps in Crimea.” on https://news.example/one',
      }),
    ).toBeTruthy();
    const restore = await screen.findByRole('button', {
      name: 'Restore Only hundreds of children were involved. on https://news.example/one',
    });
    expect(
      screen.getByRole('button', { name: 'Restore quote-7f3a on https://news.example/one' }),
    ).toBeTruthy();
    fireEvent.click(restore);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect((await dismissedKeys('https://news.example/one')).sort()).toEqual([
      'quote-7f3a',
      'topic|Children were taken to camps in Crimea.|Reports say that ',
    ]);
  });
});

describe('Privacy section', () => {
  it('says plainly what is read and that nothing leaves the browser', () => {
    render(<PrivacySection homepage="https://github.com/example/extension" />);
    expect(screen.getByText(/reads the text of the web pages you open/)).toBeTruthy();
    expect(screen.getByText(/Nothing leaves your browser/)).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Source code and dataset' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });
});

describe('OptionsApp', () => {
  it('has every section, a navigation to them, and follows the theme setting', async () => {
    render(<OptionsApp />);
    const names = [
      'General',
      'Sites',
      'Appearance',
      'Data',
      'Import',
      'Export',
      'Dismissed annotations',
      'Privacy and about',
    ];
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(names),
    );
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect([...nav.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '#general',
      '#sites',
      '#appearance',
      '#data',
      '#import',
      '#export',
      '#dismissed',
      '#privacy',
    ]);
    await updateSettings({ theme: 'dark' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    await updateSettings({ theme: 'system' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
    expect(bg.requests.length).toBeGreaterThan(0);
  });

  it('scrolls to the section the address names (the popup links to #data)', async () => {
    const scrolled: string[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (
      this: HTMLElement,
    ) {
      scrolled.push(this.id);
    });
    location.hash = '#data';
    render(<OptionsApp />);
    await waitFor(() => expect(scrolled).toEqual(['data']));
    location.hash = '';
  });

  it('labels every form control', async () => {
    const { container } = render(<OptionsApp />);
    await screen.findAllByRole('checkbox');
    await screen.findByTestId('result-count');
    const controls = [...container.querySelectorAll('input, select')];
    expect(controls.length).toBeGreaterThan(20);
    for (const control of controls) {
      const id = control.getAttribute('id');
      const labelled =
        control.closest('label') !== null ||
        (id !== null && container.querySelector(`label[for="${id}"]`) !== null) ||
        control.hasAttribute('aria-label');
      expect(labelled, control.outerHTML).toBe(true);
    }
  });
});
