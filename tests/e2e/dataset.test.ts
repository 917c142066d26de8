import { describe, expect, it } from 'vitest';
import { useExtensionSession } from './session';

const session = useExtensionSession();

interface FigureEntry {
  figure: { value: number; asOf: string; sources: string[] };
  sources: { url: string; publisher: string }[];
}

describe('the dataset in the installed extension', () => {
  it('is seeded on install and serves a card through the background', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`chrome-extension://${session.browser.extensionId}/popup.html`);
    const status = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }))) as {
      ready: boolean;
      datasetVersion: string;
      dataset: { origin: string; counts: Record<string, number> };
    };
    expect(status.ready).toBe(true);
    expect(status.datasetVersion).toMatch(/^\d{4}\.\d{2}\.\d{2}/);
    expect(status.dataset.origin).toBe('bundled');
    expect(status.dataset.counts.sources).toBeGreaterThanOrEqual(40);
    expect(status.dataset.counts.claims).toBeGreaterThanOrEqual(20);

    const answer = (await page.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'get-cards',
        ids: ['series:ua-verified-deported', 'claim:ru-only-hundreds-humanitarian'],
      }),
    )) as {
      ok: boolean;
      cards: Record<string, { kind: string; figures?: FigureEntry[]; contrasts?: unknown[] }>;
    };
    expect(answer.ok).toBe(true);
    const series = answer.cards['series:ua-verified-deported']!;
    expect(series.kind).toBe('series');
    const asOf = series.figures!.map((entry) => entry.figure.asOf);
    expect([...asOf].sort()).toEqual(asOf);
    const july2023 = series.figures!.find((entry) => entry.figure.asOf === '2023-07-31');
    expect(july2023?.figure.value).toBe(19546);
    expect(july2023?.sources[0]?.url).toMatch(/^https:\/\//);

    const claim = answer.cards['claim:ru-only-hundreds-humanitarian']!;
    expect(claim.kind).toBe('claim');
    expect(claim.contrasts!.length).toBeGreaterThan(0);
    await page.close();
  });
});
