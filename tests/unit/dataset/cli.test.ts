import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDatasetCli } from '../../../lib/dataset/cli';
import { DEFAULT_MAX_BYTES } from '../../../lib/dataset/validate';
import { createNodeDatasetIo } from '../../../scripts/dataset-io';
import { rawDataset, TODAY } from './fixtures';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dataset-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const io = {
    ...createNodeDatasetIo(
      (t) => void (out += t),
      (t) => void (err += t),
    ),
    today: TODAY,
  };
  const code = await runDatasetCli(argv, io);
  return { code, out, err };
}

function writeFixture(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('dataset command', () => {
  it('export prints the validated bundled dataset', async () => {
    const { code, out, err } = await run(['export']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const parsed = JSON.parse(out) as { version: string; claims: unknown[] };
    expect(parsed.version).toBe('2026.11.29');
    expect(parsed.claims.length).toBeGreaterThanOrEqual(20);
  });

  it('check accepts a good file with a one-line summary', async () => {
    const exported = await run(['export']);
    const file = writeFixture('good.json', exported.out);
    const { code, out, err } = await run(['check', file]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^ok: .*\d+ sources, \d+ series, \d+ figures, \d+ claims, \d+ findings/);
  });

  it('check rejects malformed JSON', async () => {
    const file = writeFixture('malformed.json', '{"version": "2026.11.29",');
    const { code, out, err } = await run(['check', file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/not valid JSON/);
  });

  it('check reports wrong types with their paths', async () => {
    const raw = rawDataset() as unknown as { figures: Array<Record<string, unknown>> };
    const first = raw.figures[0];
    if (first) first.value = 'many';
    const file = writeFixture('types.json', JSON.stringify(raw));
    const { code, err } = await run(['check', file]);
    expect(code).toBe(2);
    expect(err).toMatch(/^figures\[0\]\.value: /m);
  });

  it('check reports a dangling reference', async () => {
    const raw = rawDataset();
    const first = raw.figures[0];
    if (first) first.series = 'no-such-series';
    const file = writeFixture('dangling.json', JSON.stringify(raw));
    const { code, err } = await run(['check', file]);
    expect(code).toBe(2);
    expect(err).toContain(
      'figures[0].series: refers to the series "no-such-series", which does not exist',
    );
  });

  it('check rejects a javascript: URL', async () => {
    const raw = rawDataset();
    const first = raw.sources[0];
    if (first) first.url = 'javascript:alert(1)';
    const file = writeFixture('javascript.json', JSON.stringify(raw));
    const { code, err } = await run(['check', file]);
    expect(code).toBe(2);
    expect(err).toMatch(/^sources\[0\]\.url: /m);
  });

  it('check refuses an oversized file without parsing it', async () => {
    const file = writeFixture('big.json', ' '.repeat(DEFAULT_MAX_BYTES + 1));
    const { code, err } = await run(['check', file]);
    expect(code).toBe(2);
    expect(err).toMatch(/larger than the limit/);
  });

  it('check reports a missing file', async () => {
    const { code, err } = await run(['check', join(dir, 'nope.json')]);
    expect(code).toBe(2);
    expect(err).toMatch(/no such file/);
  });

  it('claimreview prints a JSON-LD array, one per claim', async () => {
    const { code, out } = await run(['claimreview']);
    expect(code).toBe(0);
    const reviews = JSON.parse(out) as Array<{ '@type': string }>;
    expect(reviews.length).toBe(rawDataset().claims.length);
    expect(reviews.every((r) => r['@type'] === 'ClaimReview')).toBe(true);
  });

  it('unknown commands and missing arguments print usage and exit 2', async () => {
    for (const argv of [['frobnicate'], [], ['check'], ['export', 'extra']]) {
      const { code, out, err } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/usage:/);
    }
  });
});
