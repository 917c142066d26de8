import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

/**
 * Bundles `entry` (module source importing the project's modules) the way the extension's
 * build does, minifier off, and gives the code.
 */
async function bundle(entry: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': resolve('.') } },
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'virtual:entry' ? id : null),
        load: (id) => (id === 'virtual:entry' ? entry : null),
      },
    ],
    build: {
      write: false,
      minify: false,
      rollupOptions: { input: 'virtual:entry' },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap(
    (o) => (o as Rolldown.RolldownOutput).output,
  );
  return chunks.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
}

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

  it('leaves every storage item but the dismissals out of stage 2, which reads its keys raw', async () => {
    const code = await bundle(
      `import { startPageScan } from '@/entrypoints/stage2/scan'; console.log(startPageScan);`,
    );
    // Defining an item reads its key: the detector is large, and the others are read raw.
    const defined = [...code.matchAll(/defineItem\(\s*["'`](\w+:[\w$]*)/g)].map((m) => m[1]);
    expect(defined).toEqual(['local:$']);
  });
});
