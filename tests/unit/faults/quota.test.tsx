import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportSection } from '@/components/options/ImportSection';
import { Dataset, type DatasetInput } from '@/lib/dataset';
import {
  createDataService,
  getDatasetStatus,
  readStoredDataset,
  storageFailure,
  type FactDb,
} from '@/lib/db';
import type { PublishResult } from '@/lib/detector-store/publish';
import { ApplyImportResponse, PreviewImportResponse, type createRouter } from '@/lib/messages';
import { freshDb, optionsRouter, validFixtureInput } from '../db/fixture';
import { jsonFile, startBackground } from '../components/options/harness';

const OWN = 'own';
const me = { id: OWN };

/**
 * From now on, the `put` that writes the `after + 1`-th record into `store` fails the way
 * a full disk does in IndexedDB: a `QuotaExceededError`.
 */
function quotaExceeded(store: string, after = 0): () => void {
  const put = IDBObjectStore.prototype.put;
  let writes = 0;
  const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: [unknown, IDBValidKey?]
  ) {
    if (this.name === store && ++writes > after)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
  return () => spy.mockRestore();
}

/** A valid file: the fixture under a newer version, with one changed and one added record. */
function updatedFile(): string {
  const input: DatasetInput = validFixtureInput();
  input.version = '2026.11.20';
  input.figures[0]!.value = 19600;
  input.sources.push({ ...input.sources[0]!, id: 'new-source', title: 'A new page' });
  return JSON.stringify(input);
}

let db: FactDb;
let republish: ReturnType<typeof vi.fn<() => Promise<PublishResult>>>;
let route: ReturnType<typeof createRouter>;
beforeEach(() => {
  db = freshDb('quota');
  const bundled = () => Dataset.parse({ ...validFixtureInput(), version: '2026.11.02' });
  const service = createDataService(db, () => Dataset.parse(validFixtureInput()));
  republish = vi.fn(async (): Promise<PublishResult> => 'published');
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

async function snapshot() {
  return { stored: await readStoredDataset(db), status: await getDatasetStatus(db) };
}

describe('storage quota exceeded during an import', () => {
  it.each([
    ['the first table', 'sources', 0],
    ['half way through a table', 'figures', 2],
    ['the last table', 'lexicon', 0],
    ['the metadata, after every table', 'meta', 0],
  ])('at %s: nothing is half-written, the error says why', async (_at, store, after) => {
    const text = updatedFile();
    const preview = PreviewImportResponse.parse(await route({ type: 'preview-import', text }, me));
    if (!preview.valid) throw new Error('the file should be valid');
    const before = await snapshot();
    expect(before.stored?.dataset.version).toBe('2026.11.01');

    const relieve = quotaExceeded(store, after);
    const answer = await route({ type: 'apply-import', text, expect: preview.token }, me);
    relieve();
    expect(answer).toEqual({
      ok: false,
      error: expect.stringMatching(/^there is not enough storage space for this dataset/),
    });
    expect(await snapshot()).toEqual(before);
    expect(republish).not.toHaveBeenCalled();

    // With space again, the same preview imports as if nothing had happened.
    expect(
      ApplyImportResponse.parse(
        await route({ type: 'apply-import', text, expect: preview.token }, me),
      ),
    ).toMatchObject({ applied: true, version: '2026.11.20' });
    expect((await snapshot()).stored).toMatchObject({
      origin: 'imported',
      dataset: { version: '2026.11.20' },
    });
  });

  it('restoring the bundled data under a full quota keeps the import whole', async () => {
    const text = updatedFile();
    const preview = PreviewImportResponse.parse(await route({ type: 'preview-import', text }, me));
    if (!preview.valid) throw new Error('the file should be valid');
    await route({ type: 'apply-import', text, expect: preview.token }, me);
    const before = await snapshot();
    republish.mockClear();
    const relieve = quotaExceeded('claims', 1);
    expect(await route({ type: 'restore-bundled' }, me)).toMatchObject({
      ok: false,
      error: expect.stringContaining('not enough storage space'),
    });
    relieve();
    expect(await snapshot()).toEqual(before);
    expect(republish).not.toHaveBeenCalled();
  });

  it('a first seeding under a full quota leaves every table empty and is tried again', async () => {
    const fresh = freshDb('quota-seed');
    let t = 0;
    const service = createDataService(fresh, () => Dataset.parse(validFixtureInput()), {
      now: () => t,
      retryAfterMs: 1000,
    });
    const relieve = quotaExceeded('findings');
    const status = await service.status();
    relieve();
    expect(status).toMatchObject({ ready: false, version: null });
    expect(status.error).toMatch(/quota/i);
    expect(Object.values(status.counts).every((n) => n === 0)).toBe(true);
    expect(await fresh.sources.count()).toBe(0);
    t = 1000;
    expect(await service.status()).toMatchObject({ ready: true, error: null });
    await fresh.delete();
  });

  it('names a quota failure however the database reports it, and passes others through', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: quota,
    });
    for (const error of [quota, wrapped])
      expect(storageFailure(error).message).toMatch(/not enough storage space/);
    const other = new Error('disk on fire');
    expect(storageFailure(other)).toBe(other);
    expect(storageFailure('odd').message).toBe('odd');
  });
});

describe('what the reader sees', () => {
  it('the options page says the space ran out and that nothing was changed', async () => {
    const bg = startBackground();
    render(<ImportSection onChanged={() => {}} />);
    fireEvent.change(screen.getByLabelText('Dataset file'), {
      target: { files: [jsonFile(updatedFile())] },
    });
    await screen.findByText(/Importing dataset 2026\.11\.20 would replace/);
    const relieve = quotaExceeded('series');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const message = await screen.findByText(/The import failed/);
    relieve();
    expect(message.textContent).toBe(
      "The import failed: there is not enough storage space for this dataset (the browser's storage quota for the extension is used up); free some space and try again. Nothing was changed.",
    );
    expect((await readStoredDataset(bg.db))?.dataset.version).toBe('2026.11.01');
    expect(bg.republish).not.toHaveBeenCalled();
    await bg.db.delete();
  });
});
