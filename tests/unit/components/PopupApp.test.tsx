import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/PopupApp';
import { saveTabReport } from '@/lib/badge/tab-report';

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

  it('says when the page was not scanned', async () => {
    answerStatus();
    await openTab('chrome://settings');
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByText(/This page was not scanned/)));
  });
});
