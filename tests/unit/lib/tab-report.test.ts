import { describe, expect, it, vi } from 'vitest';
import { createReportHandler } from '@/lib/badge/report-handler';
import {
  applyFrameReport,
  commandFrame,
  framesWithAnnotations,
  readTabReport,
  type FrameReport,
  type TabReport,
} from '@/lib/badge/tab-report';

const URL_A = 'https://news.example/a';
const URL_B = 'https://news.example/b';
const report = (frameId: number, count: number, extra: Partial<FrameReport> = {}): FrameReport => ({
  frameId,
  url: URL_A,
  count,
  page: 'doc-1',
  ...extra,
});

/** Reports applied in order, from no report. */
function fold(...reports: FrameReport[]): TabReport | null {
  let state: TabReport | null = null;
  reports.forEach((r, at) => {
    state = applyFrameReport(state, r, at) ?? state;
  });
  return state;
}

describe('applyFrameReport', () => {
  it('sums the counts of the frames of one page, each frame counted once', () => {
    const state = fold(report(0, 3), report(5, 2), report(5, 4), report(9, 0));
    expect(state).toMatchObject({ url: URL_A, count: 7, page: 'doc-1' });
    expect(state!.frames).toEqual({ 0: 3, 5: 4, 9: 0 });
    expect(framesWithAnnotations(state)).toEqual([0, 5]);
    expect(commandFrame(state)).toBe(0);
    expect(commandFrame(fold(report(0, 0), report(7, 2), report(5, 1)))).toBe(5);
    expect(commandFrame(null)).toBe(0);
  });

  it('starts again from the reporting frame alone on another page of the tab', () => {
    const state = fold(report(0, 3), report(5, 2), report(4, 1, { page: 'doc-2', url: URL_B }));
    expect(state).toMatchObject({ url: URL_B, count: 1, page: 'doc-2', frames: { 4: 1 } });
  });

  it('keeps the frames of a page through its single-page-app navigations (same document)', () => {
    const state = fold(report(0, 3), report(5, 2), report(0, 1, { url: URL_B }));
    expect(state).toMatchObject({ url: URL_B, count: 3, frames: { 0: 1, 5: 2 } });
  });

  it('drops a leaving frame, every frame when the top frame leaves, and ignores an old page leaving', () => {
    const leaving = { leaving: true as const };
    expect(fold(report(0, 3), report(5, 2), report(5, 0, leaving))).toMatchObject({
      count: 3,
      frames: { 0: 3 },
    });
    expect(fold(report(0, 3), report(5, 2), report(0, 0, leaving))).toMatchObject({
      count: 0,
      frames: {},
    });
    const now = fold(report(0, 3), report(0, 4, { page: 'doc-2' }));
    expect(applyFrameReport(now, report(0, 0, { page: 'doc-1', ...leaving }), 9)).toBeNull();
    expect(applyFrameReport(null, report(0, 0, leaving), 9)).toBeNull();
  });

  it("reads a report kept before frames were counted as the top frame's", () => {
    const legacy: TabReport = { url: URL_A, count: 2, at: 0 };
    expect(applyFrameReport(legacy, report(3, 1, { page: undefined }), 1)).toMatchObject({
      count: 3,
      frames: { 0: 2, 3: 1 },
    });
  });

  it("keeps the top frame's timing; a frame's stands in until the top frame reports", () => {
    const t = (ms: number) => ({ prefilterMs: 0, detectMs: ms });
    expect(fold(report(5, 1, { timing: t(5) }))!.timing).toEqual(t(5));
    expect(fold(report(5, 1, { timing: t(5) }), report(0, 1, { timing: t(1) }))!.timing).toEqual(
      t(1),
    );
    expect(fold(report(0, 1, { timing: t(1) }), report(5, 1, { timing: t(5) }))!.timing).toEqual(
      t(1),
    );
  });
});

describe('report-annotations handler', () => {
  it('counts two frames reporting at the same moment, and shows the sum on the badge', async () => {
    const badges: string[] = [];
    const setBadgeText = vi.fn(async ({ text }: { tabId: number; text: string }) => {
      badges.push(text);
    });
    const handle = createReportHandler(setBadgeText, () => 1);
    const message = (count: number) =>
      ({ type: 'report-annotations', count, url: URL_A, page: 'doc-1' }) as const;
    await Promise.all([
      handle(message(3), { id: 'x', tabId: 7, frameId: 0 }),
      handle(message(2), { id: 'x', tabId: 7, frameId: 4 }),
      handle(message(5), { id: 'x', tabId: 8, frameId: 0 }),
    ]);
    expect(await readTabReport(7)).toMatchObject({ count: 5, frames: { 0: 3, 4: 2 } });
    expect(await readTabReport(8)).toMatchObject({ count: 5, frames: { 0: 5 } });
    expect(setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '5' });
    await handle({ ...message(0), leaving: true }, { id: 'x', tabId: 7, frameId: 4 });
    expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '3' });
    // A frame leaving a page the tab has left changes nothing.
    const calls = setBadgeText.mock.calls.length;
    await handle(
      { ...message(0), page: 'doc-0', leaving: true },
      { id: 'x', tabId: 7, frameId: 0 },
    );
    expect(setBadgeText).toHaveBeenCalledTimes(calls);
    expect(await readTabReport(7)).toMatchObject({ count: 3 });
  });
});
