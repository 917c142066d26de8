import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserLocale } from '@/components/locale';
import { PopupApp } from '@/components/PopupApp';
import { saveTabReport } from '@/lib/badge/tab-report';
import type { PopupAnnotation } from '@/lib/messages/page-answers';
import { getSettings, updateSettings } from '@/lib/settings';

/** The tab the popup was opened on (the fake browser has no notion of the active tab). */
async function openTab(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...tab, active: true }]);
  return tab.id!;
}

function answerStatus() {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
    ok: true,
    version: '0.1.0',
    datasetVersion: '2026.11.29',
    ready: true,
  });
}

describe('PopupApp', () => {
  it('says how many passages the content script found on the active tab', async () => {
    answerStatus();
    const tabId = await openTab('https://news.example/story');
    await saveTabReport(tabId, { url: 'https://news.example/story', count: 3, at: 1 });
    render(<PopupApp />);
    await waitFor(() =>
      expect(screen.getByText('3 passages on this page about deported Ukrainian children.')),
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Version 0.1.0 · dataset 2026.11.29'),
    );
  });

  it('says when nothing on the page is about the topic', async () => {
    answerStatus();
    const tabId = await openTab('https://news.example/recipe');
    await saveTabReport(tabId, { url: 'https://news.example/recipe', count: 0, at: 1 });
    render(<PopupApp />);
    await waitFor(() =>
      expect(screen.getByText('Nothing on this page is about deported Ukrainian children.')),
    );
  });

  it('says when extensions cannot read the page', async () => {
    answerStatus();
    await openTab('chrome://settings');
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByText(/Extensions cannot read this page/)));
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('on a readable page with no report (stage 1 found nothing) says nothing was found', async () => {
    answerStatus();
    await openTab('https://news.example/weather');
    render(<PopupApp />);
    await waitFor(() =>
      expect(screen.getByText('Nothing on this page is about deported Ukrainian children.')),
    );
  });

  it("lists the page's annotations and asks the tab to open the one chosen", async () => {
    answerStatus();
    const tabId = await openTab('https://news.example/story');
    await saveTabReport(tabId, { url: 'https://news.example/story', count: 2, at: 1 });
    const sent = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation(async (_id, message) =>
        (message as { type: string }).type === 'popup-list'
          ? {
              ok: true,
              items: [
                {
                  key: 'a',
                  quote: 'only hundreds',
                  category: 'claim',
                  title: 'Claim by an official',
                },
                { key: 'b', quote: '19,546 children', category: 'figure', title: 'Verified count' },
              ],
            }
          : { ok: true },
      );
    vi.spyOn(window, 'close').mockImplementation(() => {});
    render(<PopupApp />);
    const list = await screen.findByRole('list', { name: 'Passages on this page' });
    const buttons = list.querySelectorAll('button');
    expect(buttons).toHaveLength(2);
    expect(buttons[1]!.textContent).toContain('19,546 children');
    buttons[1]!.click();
    await waitFor(() =>
      expect(sent).toHaveBeenCalledWith(tabId, { type: 'popup-open', key: 'b' }, { frameId: 0 }),
    );
    // The site is on by default.
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(true);
  });

  it('lists the annotations of every frame that reported some, and opens one in its frame', async () => {
    answerStatus();
    const tabId = await openTab('https://news.example/story');
    await saveTabReport(tabId, {
      url: 'https://news.example/story',
      count: 3,
      at: 1,
      page: '1.5',
      frames: { 0: 1, 4: 0, 6: 2 },
    });
    const sent = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation(async (_id, message, options) => {
        if ((message as { type: string }).type !== 'popup-list') return { ok: true };
        const frameId = (options as { frameId: number }).frameId;
        if (frameId === 4) throw new Error('no frame 4 to list');
        return {
          ok: true,
          items: (frameId === 0 ? ['top'] : ['framed one', 'framed two']).map((quote) => ({
            key: `k-${quote}`,
            quote,
            category: 'figure',
            title: 'Verified count',
          })),
        };
      });
    vi.spyOn(window, 'close').mockImplementation(() => {});
    render(<PopupApp />);
    const list = await screen.findByRole('list', { name: 'Passages on this page' });
    const buttons = list.querySelectorAll('button');
    expect([...buttons].map((b) => b.querySelector('.popup-quote')!.textContent)).toEqual([
      '“top”',
      '“framed one”',
      '“framed two”',
    ]);
    // Frames with no annotations are not asked.
    expect(sent.mock.calls.map((call) => (call[2] as { frameId: number }).frameId)).toEqual([0, 6]);
    buttons[2]!.click();
    await waitFor(() =>
      expect(sent).toHaveBeenCalledWith(
        tabId,
        { type: 'popup-open', key: 'k-framed two' },
        { frameId: 6 },
      ),
    );
  });

  it('ignores an answer from the tab that breaks the protocol', async () => {
    answerStatus();
    await openTab('https://news.example/story');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({
      ok: true,
      items: [{ key: 'x', quote: '<b>', category: 'virus', title: 't' }],
    });
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByRole('switch')));
    expect(screen.queryByRole('list', { name: 'Passages on this page' })).toBeNull();
  });
});

function answerList(items: PopupAnnotation[]) {
  return vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation(async (_id, message) =>
      (message as { type: string }).type === 'popup-list' ? { ok: true, items } : { ok: true },
    );
}

const ITEMS: PopupAnnotation[] = [
  { key: 'a', quote: 'only hundreds', category: 'claim', title: 'Заява: посадовці' },
  { key: 'b', quote: '19 546 дітей', category: 'figure', title: 'Перевірена кількість' },
  { key: 'c', quote: 'депортація', category: 'topic', title: 'Депортація українських дітей' },
];

describe('PopupApp follows the page live', () => {
  it('updates the count and asks for the list again when the tab sends a new report', async () => {
    answerStatus();
    const tabId = await openTab('https://news.example/story');
    await saveTabReport(tabId, { url: 'https://news.example/story', count: 3, at: 1 });
    const sent = answerList(ITEMS);
    render(<PopupApp locale="en" />);
    const list = await screen.findByRole('list', { name: 'Passages on this page' });
    await waitFor(() => expect(list.querySelectorAll('button')).toHaveLength(3));
    const asked = () =>
      sent.mock.calls.filter(([, m]) => (m as { type: string }).type === 'popup-list');
    expect(asked()).toHaveLength(1);

    // The reader dismissed one on the page: stage 2 lists two and reports 2.
    sent.mockImplementation(async () => ({ ok: true, items: ITEMS.slice(0, 2) }));
    await saveTabReport(tabId, { url: 'https://news.example/story', count: 2, at: 2 });
    await waitFor(() =>
      expect(screen.getByText('2 passages on this page about deported Ukrainian children.')),
    );
    await waitFor(() =>
      expect(
        screen.getByRole('list', { name: 'Passages on this page' }).querySelectorAll('button'),
      ).toHaveLength(2),
    );
    expect(asked()).toHaveLength(2);
  });

  it('turns the site off and on: the summary says so, the list goes, other patterns are named', async () => {
    answerStatus();
    const tabId = await openTab('https://news.example/story');
    await saveTabReport(tabId, { url: 'https://news.example/story', count: 3, at: 1 });
    answerList(ITEMS);
    render(<PopupApp locale="en" />);
    await screen.findByRole('list', { name: 'Passages on this page' });
    const toggle = screen.getByRole('switch', { name: 'On this site (news.example)' });

    fireEvent.click(toggle);
    await waitFor(async () =>
      expect((await getSettings()).excludedSites).toEqual(['news.example']),
    );
    await waitFor(() =>
      expect(screen.getByText('Turned off on this site: nothing is marked here.')),
    );
    expect(screen.queryByRole('list', { name: 'Passages on this page' })).toBeNull();
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false);

    // A wider pattern the reader added in the options also covers this host.
    await updateSettings((s) => ({ ...s, excludedSites: [...s.excludedSites, '*.news.example'] }));
    fireEvent.click(screen.getByRole('switch'));
    await waitFor(async () => expect((await getSettings()).excludedSites).toEqual([]));
    await waitFor(() =>
      expect(screen.getByText('Also removed from the excluded sites: *.news.example.')),
    );
    await waitFor(() =>
      expect(screen.getByText('3 passages on this page about deported Ukrainian children.')),
    );
    expect(screen.getByRole('list', { name: 'Passages on this page' })).toBeTruthy();
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(true);
  });

  it('says when marking is off on every site, and offers no switch', async () => {
    answerStatus();
    const tabId = await openTab('https://news.example/story');
    await saveTabReport(tabId, { url: 'https://news.example/story', count: 0, at: 1 });
    await updateSettings((s) => ({ ...s, enabled: false }));
    render(<PopupApp locale="en" />);
    await waitFor(() => expect(screen.getByText(/Marking is turned off on every site/)));
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('takes the theme of the options page', async () => {
    answerStatus();
    await openTab('https://news.example/story');
    await updateSettings((s) => ({ ...s, theme: 'dark' }));
    render(<PopupApp locale="en" />);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    await updateSettings((s) => ({ ...s, theme: 'system' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
  });
});

describe('PopupApp in Ukrainian', () => {
  it('speaks Ukrainian when the browser prefers it, like the options page', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['uk-UA', 'en-US']);
    expect(browserLocale()).toBe('uk');
    answerStatus();
    const tabId = await openTab('https://news.example/story');
    await saveTabReport(tabId, { url: 'https://news.example/story', count: 3, at: 1 });
    answerList(ITEMS);
    render(<PopupApp />);
    const list = await screen.findByRole('list', { name: 'Фрагменти на цій сторінці' });
    await waitFor(() =>
      expect(screen.getByText('3 фрагменти на цій сторінці про депортованих українських дітей.')),
    );
    const buttons = [...list.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual([
      'Офіційна заява«only hundreds»Заява: посадовці',
      'Число«19 546 дітей»Перевірена кількість',
      'Тема«депортація»Депортація українських дітей',
    ]);
    expect(screen.getByRole('switch', { name: 'На цьому сайті (news.example)' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Сторінки розширення' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Налаштування' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Перегляд даних' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Версія 0.1.0 · набір даних 2026.11.29'),
    );
  });

  it('says in Ukrainian that the site is off, and where extensions cannot read the page', async () => {
    answerStatus();
    const tabId = await openTab('https://news.example/story');
    await saveTabReport(tabId, { url: 'https://news.example/story', count: 1, at: 1 });
    await updateSettings((s) => ({ ...s, excludedSites: ['news.example'] }));
    const { unmount } = render(<PopupApp locale="uk" />);
    await waitFor(() =>
      expect(screen.getByText('На цьому сайті вимкнено: тут нічого не позначено.')),
    );
    unmount();
    await openTab('chrome://settings');
    render(<PopupApp locale="uk" />);
    await waitFor(() => expect(screen.getByText(/^Розширення не можуть читати цю сторінку/)));
  });
});
