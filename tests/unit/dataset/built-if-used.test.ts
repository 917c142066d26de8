import { describe, expect, it } from 'vitest';
import { bundle } from '../../fixtures/bundle';

describe('builtIfUsed', () => {
  it('lets a bundle that never reads a schema drop it, checks and all', async () => {
    const unused = await bundle(
      `import { normalizeSettings } from '@/lib/settings/schema'; console.log(normalizeSettings({}));`,
    );
    const used = await bundle(
      `import { Settings } from '@/lib/settings/schema'; console.log(Settings.safeParse({}));`,
    );
    const tooLarge = 'the settings are too large to sync';
    expect(used).toContain(tooLarge);
    expect(unused).not.toContain(tooLarge);
    // The field schemas that reading settings uses are still built.
    expect(unused).toContain('"underline"');
  });

  it('drops the request windows from a bundle that reads only the verdicts', async () => {
    const code = await bundle(
      `import { BlockVerdict } from '@/lib/messages/verdict'; console.log(BlockVerdict.safeParse(null));`,
    );
    expect(code).toContain('an annotation spans its quote');
    expect(code).not.toContain('a window core lies within its blocks');
  });

  it('leaves every storage item out of stage 2, which reads its keys raw and sends its dismissals to the background', async () => {
    const code = await bundle(
      `import { startPageScan } from '@/entrypoints/stage2/scan'; console.log(startPageScan);`,
    );
    // Defining an item reads its key: the detector is large, and the others are read raw.
    const defined = [...code.matchAll(/defineItem\(\s*["'`](\w+:[\w$]*)/g)].map((m) => m[1]);
    expect(defined).toEqual([]);
    // Nor WXT's storage code at all (its queue and key map).
    expect(code).not.toMatch(/defineItem|wxt-dev\/storage/u);
    expect(code).toContain('dismiss-annotation');
  });
});
