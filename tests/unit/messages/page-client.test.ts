import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageError } from '@/lib/messages/errors';
import { judgeInBackground, verdictsOfCheck } from '@/lib/messages/judge-client';
import { AckResponse } from '@/lib/messages/page-answers';
import { sendPageRequest } from '@/lib/messages/page-client';
import { judgeWindows } from '@/lib/messages/detect-blocks';
import { bundledDetector } from '../../fixtures/detect/detector';

const RELEVANT = 'Russia has deported thousands of Ukrainian children from occupied territories.';
const windows = [{ blocks: ['The weather was mild.', RELEVANT], from: 0, to: 2 }];

function answering(answer: unknown) {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(answer as never);
}

afterEach(() => vi.restoreAllMocks());

describe("stage 2's requests", () => {
  it('sends the request as it is and returns the validated answer', async () => {
    const send = answering({ ok: true });
    const request = { type: 'load-stage-3' } as const;
    expect(await sendPageRequest(request, AckResponse)).toEqual({ ok: true });
    expect(send).toHaveBeenCalledWith(request);
  });

  it("throws the background's error, and refuses an answer of another shape", async () => {
    answering({ ok: false, error: 'refused: not a valid request' });
    await expect(sendPageRequest({ type: 'load-stage-3' }, AckResponse)).rejects.toEqual(
      new MessageError('refused: not a valid request'),
    );
    answering({ ok: true, extra: '<img onerror=alert(1)>' });
    await expect(sendPageRequest({ type: 'load-stage-3' }, AckResponse)).rejects.toThrow(
      /malformed load-stage-3 response/,
    );
  });
});

describe('judgeInBackground', () => {
  it("asks detect-blocks and returns the background's verdicts", async () => {
    const verdicts = judgeWindows(bundledDetector(), windows, 'News');
    const send = answering({ ok: true, verdicts });
    expect(await judgeInBackground(windows, 'News')).toEqual(verdicts);
    expect(send).toHaveBeenCalledWith({ type: 'detect-blocks', title: 'News', windows });
    expect(verdicts[0]![1]).not.toBeNull();
  });

  it('cuts a title longer than a request carries', async () => {
    const send = answering({ ok: true, verdicts: null });
    expect(await judgeInBackground(windows, 'x'.repeat(10_000))).toBeNull();
    expect((send.mock.calls[0]![0] as { title: string }).title).toHaveLength(4096);
  });

  it('refuses verdicts that would paint outside their quote', async () => {
    const verdicts = judgeWindows(bundledDetector(), windows, '');
    const annotation = verdicts[0]![1]!.annotations[0]!;
    const forged = [[null, { ...verdicts[0]![1]!, annotations: [{ ...annotation, end: 20_001 }] }]];
    answering({ ok: true, verdicts: forged });
    await expect(judgeInBackground(windows, '')).rejects.toThrow(/malformed detect-blocks/);
  });
});

describe('verdictsOfCheck', () => {
  const verdicts = () => judgeWindows(bundledDetector(), windows, 'News')[0]!;
  const judgement = (answer: unknown, title = 'News') => ({
    title,
    answer: Promise.resolve(answer),
  });

  it("gives the check's verdicts for the page's title", async () => {
    const answer = { ok: true, loaded: true, verdicts: verdicts() };
    expect(await verdictsOfCheck(judgement(answer), 'News')).toEqual(verdicts());
  });

  it('gives nothing for another title, no check, an answer without verdicts, a bad one or a failed one', async () => {
    const good = { ok: true, loaded: true, verdicts: verdicts() };
    expect(await verdictsOfCheck(judgement(good, 'Other'), 'News')).toBeNull();
    expect(await verdictsOfCheck(null, 'News')).toBeNull();
    expect(await verdictsOfCheck(judgement({ ok: true, loaded: true }), 'News')).toBeNull();
    const forged = { ...good, verdicts: [{ rule: 'strong', terms: [], annotations: [] }] };
    expect(await verdictsOfCheck(judgement(forged), 'News')).toBeNull();
    expect(await verdictsOfCheck(judgement({ ok: false, error: 'x' }), 'News')).toBeNull();
    const failed = { title: 'News', answer: Promise.reject(new Error('context invalidated')) };
    expect(await verdictsOfCheck(failed, 'News')).toBeNull();
  });
});
