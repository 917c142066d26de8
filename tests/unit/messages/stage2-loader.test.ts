import { describe, expect, it, vi } from 'vitest';
import { createLoadStage2Handler } from '@/lib/messages/stage2-loader';

describe('load-stage-2 handler', () => {
  it("injects stage 2 into the sender's own frame", async () => {
    const inject = vi.fn(async () => []);
    const handle = createLoadStage2Handler(inject);
    expect(await handle({ type: 'load-stage-2' }, { id: 'x', tabId: 7, frameId: 3 })).toEqual({
      ok: true,
    });
    expect(inject).toHaveBeenCalledWith({ tabId: 7, frameIds: [3] });
  });

  it('uses the top frame when the sender names none, and refuses senders outside a tab', async () => {
    const inject = vi.fn(async () => []);
    const handle = createLoadStage2Handler(inject);
    await handle({ type: 'load-stage-2' }, { id: 'x', tabId: 2 });
    expect(inject).toHaveBeenCalledWith({ tabId: 2, frameIds: [0] });
    await expect(handle({ type: 'load-stage-2' }, { id: 'x' })).rejects.toThrow(/only into a tab/);
    expect(inject).toHaveBeenCalledTimes(1);
  });
});
