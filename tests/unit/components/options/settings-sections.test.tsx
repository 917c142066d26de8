import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { AppearanceSection } from '@/components/options/AppearanceSection';
import { GeneralSection } from '@/components/options/GeneralSection';
import { SitesSection } from '@/components/options/SitesSection';
import { useSettings } from '@/components/options/useSettings';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '@/lib/settings';

function Host({ section: Section }: { section: typeof GeneralSection }) {
  const state = useSettings();
  return <Section state={state} />;
}

const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('General section', () => {
  it('stores each change and follows changes made elsewhere', async () => {
    render(<Host section={GeneralSection} />);
    await waitFor(() => expect(checkbox('Ukrainian').checked).toBe(true));
    fireEvent.click(checkbox('Ukrainian'));
    await waitFor(async () => expect((await getSettings()).languages).not.toContain('uk'));
    fireEvent.click(checkbox('Other sentences on the topic'));
    await waitFor(async () =>
      expect((await getSettings()).categories).toEqual(['claim', 'figure']),
    );
    fireEvent.click(radio('Compact: the claim and the latest count'));
    await waitFor(async () => expect((await getSettings()).cardDetail).toBe('compact'));

    // The popup turns the extension off: the page shows it without a reload.
    await updateSettings({ enabled: false });
    await waitFor(() => expect(checkbox('Mark passages on web pages').checked).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Reset all settings' }));
    await screen.findByText('Settings reset to the defaults.');
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await waitFor(() => expect(checkbox('Ukrainian').checked).toBe(true));
  });
});

describe('Sites section', () => {
  it('adds a valid site, explains a bad one, and removes a site', async () => {
    render(<Host section={SitesSection} />);
    const input = (await screen.findByLabelText('Site to exclude')) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'news.example/story' } });
    fireEvent.click(screen.getByRole('button', { name: 'Exclude' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      '"news.example/story" has a path; enter the site only, such as example.com.',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    expect((await getSettings()).excludedSites).toEqual([]);

    fireEvent.input(input, { target: { value: 'https://*.News.Example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Exclude' }));
    await screen.findByText('*.news.example is excluded.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await getSettings()).excludedSites).toEqual(['*.news.example']);
    expect(input.value).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Remove *.news.example' }));
    await screen.findByText('No site is excluded.');
    expect((await getSettings()).excludedSites).toEqual([]);
  });
});

describe('Appearance section', () => {
  it('previews the chosen highlight style and card detail at once', async () => {
    render(<Host section={AppearanceSection} />);
    const mark = () => screen.getByText('the children were evacuated for their own safety');
    await waitFor(() => expect(mark().dataset.style).toBe('underline'));
    fireEvent.click(radio('Background'));
    await waitFor(() => expect(mark().dataset.style).toBe('background'));
    expect((await getSettings()).highlightStyle).toBe('background');
    fireEvent.click(radio('Marker in the margin only'));
    await waitFor(() => expect(mark().className).toContain('style-marker'));
    fireEvent.click(radio('Dark'));
    await waitFor(async () => expect((await getSettings()).theme).toBe('dark'));
    expect(screen.getByText(/Ukraine had verified 16,221/)).toBeTruthy();
    await updateSettings({ cardDetail: 'compact' });
    await waitFor(() => expect(screen.queryByText(/Ukraine had verified 16,221/)).toBeNull());
  });
});
