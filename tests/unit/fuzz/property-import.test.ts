/**
 * Fuzzing dataset import on random mutations of a valid file, through the options page's
 * requests (preview, then apply) to a real database: whatever the file, the answer is an
 * answer (never an internal error), an invalid file is refused with its reasons and the
 * stored data stays exactly as it was, and a file that is still valid imports whole.
 * Seeded: the same files on every run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dataset } from '@/lib/dataset';
import {
  DATASET_TABLES,
  createDataService,
  getDatasetStatus,
  seedDatabase,
  type FactDb,
} from '@/lib/db';
import { ApplyImportResponse, PreviewImportResponse, type createRouter } from '@/lib/messages';
import { freshDb, optionsRouter, validFixtureInput } from '../db/fixture';

const me = { id: 'own' };
let db: FactDb;
let route: ReturnType<typeof createRouter>;
const base = () => Dataset.parse(validFixtureInput());

beforeAll(async () => {
  db = freshDb('fuzz-import');
  const service = createDataService(db, base);
  route = optionsRouter(me.id, {
    db,
    service,
    loadBundled: base,
    republish: async () => 'published',
    today: () => '2026-12-01',
  });
  await service.ensureSeeded();
});
afterAll(async () => {
  await db.delete();
});

/** Every row of every dataset table, and the metadata: what "unchanged" compares. */
async function stored(): Promise<unknown> {
  const tables = await Promise.all(
    [...DATASET_TABLES, 'meta' as const].map(async (name) => [
      name,
      await db.table(name).toArray(),
    ]),
  );
  return Object.fromEntries(tables);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path into a JSON value (objects' keys and arrays' indexes), the root first. */
function pathsOf(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

function get(root: Json, path: Path): Json {
  let v: Json = root;
  for (const key of path) v = (v as Record<string | number, Json>)[key]!;
  return v;
}

/** What a mutation does at a path. */
type Edit =
  | { op: 'delete' }
  | { op: 'set'; value: Json }
  | { op: 'duplicate' }
  | { op: 'add-key'; key: string; value: Json }
  | { op: 'copy-from'; from: number };

const nasty = fc.constantFrom<Json>(
  null,
  '',
  ' ',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'http://insecure.example/',
  'data:text/html,hi',
  '2026-13-45',
  '2099-01-01',
  '1999',
  '\u0000',
  '\ud800',
  'x'.repeat(5_000),
  -1,
  0,
  1.5,
  1e308,
  -0,
  true,
  [],
  {},
  [null],
  { id: 'x' },
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant<Edit>({ op: 'delete' }),
  nasty.map((value): Edit => ({ op: 'set', value })),
  fc.jsonValue({ maxDepth: 2 }).map((value): Edit => ({ op: 'set', value: value as Json })),
  fc.constant<Edit>({ op: 'duplicate' }),
  fc
    .tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'id', ''), nasty)
    .map(([key, value]): Edit => ({ op: 'add-key', key, value })),
  fc.nat().map((from): Edit => ({ op: 'copy-from', from })),
);

function apply(root: Json, paths: Path[], target: number, change: Edit): Json {
  const path = paths[target % paths.length]!;
  if (path.length === 0) {
    if (change.op === 'set') return change.value;
    if (change.op === 'delete') return null;
  }
  const parent = path.length === 0 ? null : get(root, path.slice(0, -1));
  const key = path.at(-1)!;
  const here = get(root, path);
  switch (change.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, Json>)[key];
      break;
    case 'set':
      (parent as Record<string | number, Json>)[key] = change.value;
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(here));
      else if (Array.isArray(here) && here.length > 0) here.push(structuredClone(here[0]!));
      break;
    case 'add-key':
      if (here && typeof here === 'object' && !Array.isArray(here))
        Object.defineProperty(here, change.key, {
          value: change.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      break;
    case 'copy-from': {
      const from = paths[change.from % paths.length]!;
      if (parent !== null)
        (parent as Record<string | number, Json>)[key] = structuredClone(get(root, from));
      break;
    }
  }
  return root;
}

/** A valid file's JSON mutated at random places, or its text cut and spliced. */
const mutatedFile: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.array(fc.tuple(fc.nat(), edit), { minLength: 1, maxLength: 3 }).map((edits) => {
      let root = structuredClone(validFixtureInput()) as unknown as Json;
      for (const [target, change] of edits) root = apply(root, pathsOf(root), target, change);
      return JSON.stringify(root) ?? 'undefined';
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 3 }), fc.boolean())
      .map(([cut, at, insert, bom]) => {
        const text = JSON.stringify(validFixtureInput());
        const spliced =
          cut % 2 === 0
            ? text.slice(0, cut % text.length)
            : `${text.slice(0, at % text.length)}${insert}${text.slice(at % text.length)}`;
        return bom ? `\ufeff${spliced}` : spliced;
      }),
  },
);

describe('property: importing random mutations of a valid dataset file', () => {
  it('an invalid file is refused with its reasons and changes nothing; a valid one imports whole', async () => {
    // The base as each run leaves it (written with a fixed clock).
    const restore = () =>
      seedDatabase(db, base(), { origin: 'bundled', force: true, now: () => 0 });
    await restore();
    const before = await stored();
    const baseKey = async () => {
      const status = await getDatasetStatus(db);
      return status.version;
    };
    let refused = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(mutatedFile, async (text) => {
        const preview = PreviewImportResponse.parse(
          await route({ type: 'preview-import', text }, me),
        );
        // A preview writes nothing, valid or not.
        expect(await stored()).toEqual(before);
        if (!preview.valid) {
          refused++;
          expect(preview.problems.length).toBeGreaterThan(0);
          expect(preview.total).toBeGreaterThanOrEqual(preview.problems.length);
          for (const problem of preview.problems) expect(problem.message.trim()).not.toBe('');
          // Applying it anyway (any token) is refused for the same reason.
          const token = { base: null, next: 'forged' };
          const answer = ApplyImportResponse.parse(
            await route({ type: 'apply-import', text, expect: token }, me),
          );
          expect(answer).toMatchObject({ applied: false, reason: 'invalid' });
          if (!answer.applied) expect(answer.problems.length).toBeGreaterThan(0);
          expect(await stored()).toEqual(before);
          return;
        }
        imported++;
        const answer = ApplyImportResponse.parse(
          await route({ type: 'apply-import', text, expect: preview.token }, me),
        );
        expect(answer).toMatchObject({ applied: true, version: preview.version });
        expect(await baseKey()).toBe(preview.version);
        // Back to the base for the next file.
        await restore();
      }),
      { seed: 13, numRuns: 200 },
    );
    // Both paths were taken.
    expect(refused).toBeGreaterThan(100);
    expect(imported).toBeGreaterThan(5);
  });
});
