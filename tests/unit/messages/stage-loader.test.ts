import { describe, expect, it, vi } from 'vitest';
import { createLoadStageHandler } from '@/lib/messages/stage-loader';

describe.each(['load-stage-2', 'load-stage-3'] as const)('%s handler', (stage) => {
  it("injects the stage into the sender's own frame", async () => {
    const inject = vi.fn(async () => []);
    const handle = createLoadStageHandler(stage, inject);
    expect(await handle({ type: stage }, { id: 'x', tabId: 7, frameId: 3 })).toEqual({
      ok: true,
    });
    expect(inject).toHaveBeenCalledWith({ tabId: 7, frameIds: [3] });
  });

  it('uses the top frame when the sender names none, and refuses senders outside a tab', async () => {
    const inject = vi.fn(async () => []);
    const handle = createLoadStageHandler(stage, inject);
    await handle({ type: stage }, { id: 'x', tabId: 2 });
    expect(inject).toHaveBeenCalledWith({ tabId: 2, frameIds: [0] });
    await expect(handle({ type: stage }, { id: 'x' })).rejects.toThrow(
      new RegExp(`${stage} is refused outside a tab`),
    );
    expect(inject).toHaveBeenCalledTimes(1);
  });
});
