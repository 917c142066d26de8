import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScan } from '../../../scripts/scan';
import { compileDetector } from '../../../lib/detect/index';
import { bundledLexicons } from '../../fixtures/detect/lexicons';
import type { OutLine } from '../../../scripts/scan';

const det = compileDetector(bundledLexicons);
const stdin = (s: string) => () => Promise.resolve(s);

describe('scan --jsonl', () => {
  it('writes one line per input with the contract fields', async () => {
    const input = [
      JSON.stringify({
        id: 'a',
        text: 'Kyiv says 19,546 Ukrainian children were deported to Russia.',
        lang: 'en',
      }),
      JSON.stringify({ id: 'b', text: 'The central bank kept rates unchanged.' }),
      '',
    ].join('\n');
    const r = await runScan(['--jsonl', '-'], stdin(input), det);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as OutLine);
    expect(lines).toHaveLength(2);
    const [a, b] = lines as [OutLine, OutLine];
    expect(a.id).toBe('a');
    expect(a.relevant).toBe(true);
    expect(a.lang).toBe('en');
    const fig = a.annotations.find((x) => x.figures.length > 0)!;
    expect(fig.quote).toBe('19,546 Ukrainian children');
    expect(fig.figures[0]).toMatchObject({
      text: '19,546',
      value: 19546,
      series: 'ua-verified-deported',
    });
    expect(typeof fig.start).toBe('number');
    expect(Array.isArray(fig.cards)).toBe(true);
    expect(b).toEqual({ id: 'b', relevant: false, lang: 'en', annotations: [] });
  });

  it.each([
    ['invalid JSON', '{"id": "a", "text": "x"}\n{not json}\n', /line|:2/u],
    ['missing id', '{"text": "x"}\n', /id/u],
    ['missing text', '{"id": "a"}\n', /text/u],
    ['not an object', '[1,2]\n', /object/u],
  ])('bad input (%s): exit 2, message, no output', async (_name, input, message) => {
    const r = await runScan(['--jsonl', '-'], stdin(input), det);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('an unreadable file: exit 2', async () => {
    const r = await runScan(['--jsonl', '/nonexistent/file.jsonl'], stdin(''), det);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot read/u);
  });

  it('--help documents the HTML output', async () => {
    const r = await runScan(['--help'], stdin(''), det);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/one line per RELEVANT block/u);
  });
});

describe('scan PAGE.html', () => {
  it('reports relevant article blocks with offsets into the block text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      `<html><head><title>War in Ukraine</title></head><body><nav><p>Menu children deported</p></nav>
       <article><h1>Report</h1><p>The weather was mild on Monday in the capital of the country.</p>
       <p>Officials said 300 children were deported to camps in Russia last year.</p>
       <p>Another paragraph about something else entirely, long enough to count as text.</p></article></body></html>`,
    );
    const r = await runScan([file], stdin(''), det);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as OutLine);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.id).toMatch(/^page\.html#\d+$/u);
    const ann = line.annotations[0]!;
    expect(line.text!.slice(ann.start, ann.end)).toBe(ann.quote);
    expect(ann.figures[0]!.value).toBe(300);
  });
  it('a page without topic gives one not-relevant line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const file = join(dir, 'off.html');
    writeFileSync(file, '<html><body><p>Recipes for summer salads.</p></body></html>');
    const r = await runScan([file], stdin(''), det);
    expect(JSON.parse(r.stdout)).toEqual({
      id: 'off.html',
      relevant: false,
      lang: 'en',
      annotations: [],
    });
  });

  it('an empty file, bare text or a comment: one not-relevant line, no crash (fuzzing found it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    for (const [name, html] of [
      ['empty.html', ''],
      ['text.html', 'Recipes for summer salads.'],
      ['comment.html', '<!-- nothing here -->'],
      ['doctype.html', '<!doctype html>'],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, html);
      const r = await runScan([file], stdin(''), det);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(r.stdout)).toMatchObject({ id: name, relevant: false, annotations: [] });
    }
  });

  it('a fragment without <html> is read whole, as a browser would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const file = join(dir, 'fragment.html');
    writeFileSync(
      file,
      'Notes.<p>Officials said 300 children were deported to camps in Russia last year.</p><p>Kyiv says 19,546 Ukrainian children were deported.</p>',
    );
    const r = await runScan([file], stdin(''), det);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as OutLine);
    expect(lines.map((l) => l.text)).toEqual([
      'Officials said 300 children were deported to camps in Russia last year.',
      'Kyiv says 19,546 Ukrainian children were deported.',
    ]);
  });
});
