import { afterEach, describe, expect, it, vi } from 'vitest';

// Zod probes for `new Function` on its first object parse unless told not to; MV3's CSP
// refuses it in content scripts and extension pages (a thrown error, maybe a CSP report).
describe('schemas never probe for eval', () => {
  const original = globalThis.Function;
  afterEach(() => {
    globalThis.Function = original;
    vi.resetModules();
  });

  it.each([
    ['the page protocol (zod/mini, stages 1 and 2)', '@/lib/messages/page-protocol'],
    ['the settings (zod/mini)', '@/lib/settings/schema'],
    ['the card schemas (classic Zod, stage 3)', '@/lib/cards/schema'],
  ])('%s', async (_name, path) => {
    vi.resetModules();
    let constructed = 0;
    globalThis.Function = new Proxy(original, {
      construct(target, args) {
        constructed++;
        return Reflect.construct(target, args) as object;
      },
    });
    const zodCore = await import('zod/v4/core');
    zodCore.globalConfig.jitless = undefined;
    await import(path);
    expect(zodCore.globalConfig.jitless).toBe(true);
    // A parse after the module is loaded builds no function from a string.
    const { z } = await import('zod');
    z.strictObject({ a: z.string() }).parse({ a: 'x' });
    expect(constructed).toBe(0);
  });
});
