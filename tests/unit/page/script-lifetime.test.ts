import { describe, expect, it, vi } from 'vitest';
import { scriptLifetime } from '@/lib/page/script-lifetime';

describe('scriptLifetime', () => {
  it('stays valid while the extension’s runtime has its id', () => {
    const ctx = scriptLifetime(() => 'extension-id');
    expect(ctx.isValid).toBe(true);
    expect(ctx.isValid).toBe(true);
    expect(ctx.signal.aborted).toBe(false);
  });

  it('ends, once, at the first look after the id is gone (an update or a reload)', () => {
    let id: string | undefined = 'extension-id';
    const ctx = scriptLifetime(() => id);
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    expect(ctx.isValid).toBe(true);
    id = undefined;
    // Nothing tells the script; it finds out when it next looks.
    expect(ctx.signal.aborted).toBe(false);
    expect(ctx.isValid).toBe(false);
    expect(ctx.signal.aborted).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    // A new id (the next version's) does not bring an ended script back.
    id = 'extension-id';
    expect(ctx.isValid).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
