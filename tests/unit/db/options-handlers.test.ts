import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { PublishResult } from '@/lib/detector-store/publish';
import {
  createDataService,
  diffDatasets,
  diffIsEmpty,
  getDatasetStatus,
  readStoredDataset,
  type FactDb,
} from '@/lib/db';
import { Dataset, type DatasetInput } from '@/lib/dataset';
import { DEFAULT_MAX_BYTES } from '@/lib/dataset/validate';
import {
  ApplyImportResponse,
  ExportDatasetResponse,
  PreviewImportResponse,
  RestoreBundledResponse,
  type createRouter,
} from '@/lib/messages';
import { freshDb, optionsRouter, validFixtureInput } from './fixture';

const OWN = 'own';
const me = { id: OWN };
let db: FactDb;
let republish: Mock<() => Promise<PublishResult>>;
let route: ReturnType<typeof createRouter>;

const validInput = validFixtureInput;
const base = () => Dataset.parse(validInput());

beforeEach(() => {
  db = freshDb('options');
  const service = createDataService(db, base);
  republish = vi.fn(async (): Promise<PublishResult> => 'published');
  const bundled = () => Dataset.parse({ ...validInput(), version: '2026.11.02' });
  route = optionsRouter(OWN, {
    db,
    service,
    loadBundled: bundled,
    republish,
    today: () => '2026-12-01',
  });
});
afterEach(async () => {
  await db.delete();
});

/** A file: the fixture with a newer version and one changed, one added record. */
function updatedFile(change?: (input: DatasetInput) => void): string {
  const input = validInput();
  input.version = '2026.11.20';
  input.figures[0]!.value = 19600;
  input.sources.push({ ...input.sources[0]!, id: 'new-source', title: 'A new page' });
  change?.(input);
  return JSON.stringify(input);
}

const preview = async (text: string) =>
  PreviewImportResponse.parse(await route({ type: 'preview-import', text }, me));

async function snapshot() {
  const stored = await readStoredDataset(db);
  return { stored, status: await getDatasetStatus(db) };
}

describe('dataset import from the options page', () => {
  it('previews a good file, writes nothing, then applies it on confirm', async () => {
    const text = updatedFile();
    const result = await preview(text);
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(result).toMatchObject({
      version: '2026.11.20',
      previous: { version: '2026.11.01', origin: 'bundled' },
    });
    expect(result.diff.figures).toMatchObject({ changed: ['ua-verified-2024-06'], added: [] });
    expect(result.diff.sources).toMatchObject({ added: ['new-source'], removed: [] });
    expect((await readStoredDataset(db))?.dataset.version).toBe('2026.11.01');
    expect(republish).not.toHaveBeenCalled();

    const applied = ApplyImportResponse.parse(
      await route({ type: 'apply-import', text, expect: result.token }, me),
    );
    expect(applied).toEqual({
      ok: true,
      applied: true,
      version: '2026.11.20',
      detector: 'published',
    });
    const after = await snapshot();
    expect(after.stored?.origin).toBe('imported');
    expect(after.status.counts.sources).toBe(5);
    expect((await db.figures.get('ua-verified-2024-06'))?.value).toBe(19600);
    expect(republish).toHaveBeenCalledTimes(1);
  });

  it.each<[string, () => string, RegExp, string]>([
    ['malformed JSON', () => '{"version": "2026.11.20",', /not valid JSON/, '(file)'],
    [
      'wrong types',
      () => updatedFile((i) => ((i.figures[0] as { value: unknown }).value = 'many')),
      /number/,
      'figures[0].value',
    ],
    [
      'a dangling reference',
      () => updatedFile((i) => (i.figures[0]!.sources = ['no-such-source'])),
      /no-such-source/,
      'figures[0].sources[0]',
    ],
    [
      'a javascript: link',
      () => updatedFile((i) => (i.sources[0]!.url = 'javascript:alert(1)')),
      /https/,
      'sources[0].url',
    ],
    [
      'an http: link',
      () => updatedFile((i) => (i.sources[1]!.url = 'http://tass.com/society/1')),
      /https/,
      'sources[1].url',
    ],
    [
      'a raw regular expression in the lexicon',
      () => updatedFile((i) => i.lexicon[0]!.child.push('(a+)+$')),
      /words/,
      'lexicon[0].child[2]',
    ],
    [
      'markup in a text',
      () => updatedFile((i) => (i.claims[0]!.statement.en = '<script>alert(1)</script>')),
      /plain text/,
      'claims[0].statement.en',
    ],
    [
      'an oversized file',
      () =>
        updatedFile((i) => (i.sources[0]!.note = 'x'.repeat(100))).padEnd(
          DEFAULT_MAX_BYTES + 1,
          ' ',
        ),
      /larger than the limit/,
      '(file)',
    ],
  ])(
    'refuses %s with every problem and its path, changing nothing',
    async (_name, file, message, path) => {
      await preview(updatedFile()); // the data is seeded on the first request
      const before = await snapshot();
      const text = file();
      if (text.length > DEFAULT_MAX_BYTES) {
        // The request schema refuses it before a handler runs; the options page checks the size first.
        expect(await route({ type: 'preview-import', text }, me)).toMatchObject({ ok: false });
        const checked = (await import('@/lib/db')).checkImportText(text);
        expect(checked).toMatchObject({
          ok: false,
          problems: [{ path, message: expect.stringMatching(message) }],
        });
      } else {
        const result = await preview(text);
        expect(result.valid).toBe(false);
        if (result.valid) return;
        expect(result.problems).toContainEqual({ path, message: expect.stringMatching(message) });
        expect(result.total).toBe(result.problems.length);
        const applied = ApplyImportResponse.parse(
          await route({ type: 'apply-import', text, expect: { base: null, next: 'x' } }, me),
        );
        expect(applied).toMatchObject({ applied: false, reason: 'invalid' });
      }
      expect(await snapshot()).toEqual(before);
      expect(republish).not.toHaveBeenCalled();
    },
  );

  it('reports every problem of a file, not just the first', async () => {
    const text = updatedFile((i) => {
      i.figures[0]!.sources = ['missing-a'];
      i.figures[1]!.sources = ['missing-b'];
    });
    const result = await preview(text);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['figures[0].sources[0]', 'figures[1].sources[0]']),
    );
  });

  it('does not apply a preview whose stored data changed since (stale), or a different file', async () => {
    const text = updatedFile();
    const first = await preview(text);
    if (!first.valid) throw new Error('expected a valid preview');
    // Someone imports another file in between.
    const other = updatedFile((i) => (i.version = '2026.11.21'));
    const second = await preview(other);
    if (!second.valid) throw new Error('expected a valid preview');
    await route({ type: 'apply-import', text: other, expect: second.token }, me);
    const stale = ApplyImportResponse.parse(
      await route({ type: 'apply-import', text, expect: first.token }, me),
    );
    expect(stale).toMatchObject({ applied: false, reason: 'stale' });
    expect((await readStoredDataset(db))?.dataset.version).toBe('2026.11.21');
    const mismatched = ApplyImportResponse.parse(
      await route({ type: 'apply-import', text, expect: second.token }, me),
    );
    expect(mismatched).toMatchObject({ applied: false, reason: 'stale' });
  });

  it('restores the bundled data after an import, and the detector follows', async () => {
    const text = updatedFile();
    const result = await preview(text);
    if (!result.valid) throw new Error('expected a valid preview');
    await route({ type: 'apply-import', text, expect: result.token }, me);
    const restored = RestoreBundledResponse.parse(await route({ type: 'restore-bundled' }, me));
    expect(restored).toEqual({ ok: true, version: '2026.11.02', detector: 'published' });
    const stored = await readStoredDataset(db);
    expect(stored).toMatchObject({ origin: 'bundled', dataset: { version: '2026.11.02' } });
    expect(await db.sources.get('new-source')).toBeUndefined();
    expect(republish).toHaveBeenCalledTimes(2);
  });

  it('exports the stored dataset whole and valid', async () => {
    const exported = ExportDatasetResponse.parse(await route({ type: 'export-dataset' }, me));
    expect(exported.origin).toBe('bundled');
    expect(diffIsEmpty(diffDatasets(base(), exported.dataset))).toBe(true);
    expect(exported.dataset).toMatchObject({
      version: base().version,
      date: base().date,
      changelog: base().changelog,
    });
  });

  it('answers even when publishing the detector fails', async () => {
    republish.mockRejectedValueOnce(new Error('quota'));
    expect(await route({ type: 'restore-bundled' }, me)).toMatchObject({ detector: 'failed' });
  });
});
