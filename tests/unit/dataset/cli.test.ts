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
    expect(parsed.version).toBe('2026.12.01.2');
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

  it('check reads a file saved with a byte order mark', async () => {
    const exported = await run(['export']);
    const file = writeFixture('bom.json', `\ufeff${exported.out}`);
    const { code, out, err } = await run(['check', file]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^ok: /);
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

  describe('check applies the card rules to an imported file', () => {
    function record<T extends { id: string }>(xs: T[], id: string): T {
      const x = xs.find((r) => r.id === id);
      if (!x) throw new Error(`no record ${id}`);
      return x;
    }

    it('rejects a Russian official figure marked documented', async () => {
      const raw = rawDataset();
      record(raw.figures, 'fig-us-fl-2026-02-12').stance = 'documented';
      const { code, out, err } = await run([
        'check',
        writeFixture('ru-documented.json', JSON.stringify(raw)),
      ]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(
        /^figures\[\d+\]\.stance: is "documented" but its number is stated by Maria Lvova-Belova and Kirill Dmitriev/m,
      );
    });

    it('rejects a "deported" quote in a series of arrivals', async () => {
      const raw = rawDataset();
      record(raw.figures, 'fig-ru-arrivals-2022-08-01').quote = {
        text: 'the aggressor country claims at least 450 000 displaced and deported children',
        lang: 'en',
      };
      const { code, err } = await run([
        'check',
        writeFixture('deported-quote.json', JSON.stringify(raw)),
      ]);
      expect(code).toBe(2);
      expect(err).toMatch(
        /^figures\[\d+\]\.quote: uses "deported", a stronger word than its series "ru-reported-arrivals"/m,
      );
    });

    it('rejects an unconfirmed record that does not say why', async () => {
      const raw = rawDataset();
      const claim = record(raw.claims, 'ru-100-times-lower');
      expect(claim.confidence).toBe('unconfirmed');
      delete claim.note;
      const { code, err } = await run([
        'check',
        writeFixture('unconfirmed.json', JSON.stringify(raw)),
      ]);
      expect(code).toBe(2);
      expect(err).toMatch(/^claims\[\d+\]\.note: is missing; a record marked unconfirmed/m);
    });

    it('rejects a cumulative total in a series of single rounds', async () => {
      const raw = rawDataset();
      record(raw.figures, 'fig-us-fl-2025-total').series = 'us-first-lady-returns';
      const { code, err } = await run([
        'check',
        writeFixture('mixed-kinds.json', JSON.stringify(raw)),
      ]);
      expect(code).toBe(2);
      expect(err).toMatch(
        /^figures\[\d+\]\.kind: is "cumulative" but figures\[\d+\] in the same series "us-first-lady-returns" is "per-event"/m,
      );
    });

    it('warns about a card text without Ukrainian, and --strict rejects it', async () => {
      const raw = rawDataset();
      const note = record(raw.figures, 'fig-un-coi-2026-03-10').note;
      if (!note) throw new Error('fixture note missing');
      delete note.uk;
      const file = writeFixture('no-uk.json', JSON.stringify(raw));
      const lenient = await run(['check', file]);
      expect(lenient.code).toBe(0);
      expect(lenient.out).toMatch(/^ok: /);
      expect(lenient.err).toMatch(/^warning: figures\[\d+\]\.note\.uk: has no Ukrainian text/m);
      const strict = await run(['check', '--strict', file]);
      expect(strict.code).toBe(2);
      expect(strict.out).toBe('');
      expect(strict.err).toMatch(/^figures\[\d+\]\.note\.uk: has no Ukrainian text/m);
    });

    it('--strict accepts the bundled dataset', async () => {
      const file = writeFixture('strict-good.json', JSON.stringify(rawDataset()));
      const { code, err } = await run(['check', '--strict', file]);
      expect(code).toBe(0);
      expect(err).toBe('');
    });
  });

  it('claimreview prints a JSON-LD array, one per claim', async () => {
    const { code, out } = await run(['claimreview']);
    expect(code).toBe(0);
    const reviews = JSON.parse(out) as Array<{ '@type': string }>;
    expect(reviews.length).toBe(rawDataset().claims.length);
    expect(reviews.every((r) => r['@type'] === 'ClaimReview')).toBe(true);
  });

  it('jsonld prints a schema.org Dataset and csv the figures with a header row', async () => {
    const jsonld = await run(['jsonld']);
    expect(jsonld.code).toBe(0);
    expect(JSON.parse(jsonld.out)).toMatchObject({ '@type': 'Dataset', version: '2026.12.01.2' });
    const csv = await run(['csv']);
    expect(csv.code).toBe(0);
    const lines = csv.out.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^figure_id,series,series_label,value,/);
    expect(lines).toHaveLength(rawDataset().figures.length + 1);
  });

  it('coverage prints the shares of Ukrainian text and dated sources', async () => {
    const { code, out } = await run(['coverage']);
    expect(code).toBe(0);
    const coverage = JSON.parse(out) as Record<string, { with: number; total: number }>;
    expect(Object.keys(coverage)).toEqual(['notesAndCaveatsUk', 'cardTextsUk', 'sourcesPublished']);
    expect(coverage.sourcesPublished?.total).toBe(rawDataset().sources.length);
  });

  it('unknown commands and missing arguments print usage and exit 2', async () => {
    for (const argv of [
      ['frobnicate'],
      [],
      ['check'],
      ['check', '--strict'],
      ['export', 'extra'],
    ]) {
      const { code, out, err } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/usage:/);
    }
  });
});
