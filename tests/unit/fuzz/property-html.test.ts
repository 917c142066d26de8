/**
 * Fuzzing the engine through HTML: random markup, well formed or not, with the story's
 * words in it, through the `scan` command's HTML path (linkedom, article blocks) and
 * through the extension's own path (a live document, `scanDocument`, anchoring). Random
 * Unicode text alone is fuzzed in tests/unit/detect/property.test.ts. Seeded.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { compileDetector, type CompiledDetector } from '@/lib/detect';
import { extractBlocks, findArticle } from '@/lib/page/blocks';
import { anchorItems } from '@/lib/page/page-items';
import { scanDocument } from '@/lib/page/scan-document';
import { scanHtml } from '../../../scripts/scan';
import { backgroundJudge } from '../../fixtures/detect/judge';

let det: CompiledDetector;
beforeAll(() => {
  const dataset = loadBundledDataset();
  det = compileDetector(dataset.lexicon, dataset.figures);
});

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Every node under `root` with its name, value and attributes, in order: what "the page
 * is untouched" compares (happy-dom's own serialiser trips over some random trees).
 */
function snapshot(root: Node): string[] {
  const out: string[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, 0xffffffff);
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
    const attrs =
      n instanceof Element ? Array.from(n.attributes, (a) => `${a.name}=${a.value}`) : [];
    out.push(`${n.nodeType} ${n.nodeName} ${n.nodeValue ?? ''} ${attrs.join(' ')}`);
  }
  return out;
}

// Words that make rules fire, in several scripts, with numbers and odd characters.
const sentence = fc.constantFrom(
  'Russia has deported thousands of Ukrainian children from the occupied territories.',
  'Kyiv says 19,546 children were deported to Russia; only hundreds came back.',
  'Росія депортувала тисячі українських дітей.',
  'Lvova-Belova said the children were evacuated for their safety.',
);
const words = fc.constantFrom(
  'Russia',
  'deported',
  'thousands of Ukrainian children',
  'дітей',
  'депортували',
  'детей вывезли в Россию',
  'Kinder verschleppt',
  'Lvova-Belova',
  'only hundreds',
  '19,546',
  '700 000',
  'hoax',
  'evacuated',
  'ילדים',
  '\u202e',
  '\u200d',
  'e\u0301',
  '👶🏽',
  '&nbsp;',
  '&amp;',
  '&#x202E;',
  '&#0;',
  '&#xD800;',
  '&bogus;',
  '<',
  '>',
  '"',
  ' ',
  '\n',
);
const textRun = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(words, sentence, words).map((w) => w.join(' ')) },
  { weight: 3, arbitrary: fc.array(words, { maxLength: 12 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const attribute = fc.constantFrom(
  '',
  ' dir="rtl"',
  ' lang="uk"',
  ' hidden',
  ' aria-hidden="true"',
  ' contenteditable',
  ' class="story"',
  ' itemprop="articleBody"',
  ' role="main"',
  ' style="display:none"',
);
// Paragraphs more often than the rest: they are what articles are made of.
const TAGS = [
  'p',
  'p',
  'p',
  'p',
  'div',
  'article',
  'main',
  'section',
  'span',
  'b',
  'a',
  'h1',
  'h2',
  'li',
  'ul',
  'blockquote',
  'figure',
  'figcaption',
  'table',
  'td',
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'text',
  'math',
  'mi',
  'textarea',
  'pre',
  'q',
  'bdi',
];

const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textRun,
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        attribute,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.boolean(),
      )
      // Sometimes left open: the parser must cope.
      .map(
        ([tag, attr, kids, close]) => `<${tag}${attr}>${kids.join('')}${close ? `</${tag}>` : ''}`,
      ),
    fc.constantFrom(
      '<br>',
      '<hr>',
      '<!-- a comment -->',
      '<![CDATA[x]]>',
      '</p>',
      '<p',
      '<img alt="children">',
    ),
  ),
})).node;

/** What a page's body holds: mostly paragraphs (of random markup), some loose markup. */
const bodyPart = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(attribute, fc.array(markup, { minLength: 1, maxLength: 4 }))
      .map(([attr, kids]) => `<p${attr}>${kids.join('')}</p>`),
  },
  { weight: 1, arbitrary: markup },
);
const body = fc.array(bodyPart, { minLength: 1, maxLength: 6 });

const page = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(textRun, body, fc.boolean())
      .map(
        ([title, body, article]) =>
          `<!doctype html><html><head><title>${title}</title></head><body>${article ? '<article>' : ''}${body.join('')}${article ? '</article>' : ''}</body></html>`,
      ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

describe('property: random HTML through the engine', () => {
  it('the scan command’s HTML path: no exception, annotations inside their block’s text', async () => {
    let relevantBlocks = 0;
    await fc.assert(
      fc.asyncProperty(page, async (html) => {
        const lines = await scanHtml(det, html, 'fuzz.html');
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          if (!line.relevant) {
            expect(line.annotations).toEqual([]);
            continue;
          }
          relevantBlocks++;
          const text = line.text!;
          for (const a of line.annotations) {
            expect(a.start).toBeGreaterThanOrEqual(0);
            expect(a.end).toBeLessThanOrEqual(text.length);
            expect(a.start).toBeLessThan(a.end);
            expect(a.quote).toBe(text.slice(a.start, a.end));
          }
        }
      }),
      { seed: 13, numRuns: 250 },
    );
    // The generator reaches the rules, not only the empty path.
    expect(relevantBlocks).toBeGreaterThan(100);
  });

  it('stage 1 reads the text of every block stage 2 reads (code is cut only outside blocks)', () => {
    // Code long enough to be cut (see withoutCode), with the story's words in it, loose in
    // the page or inside a paragraph.
    const code = fc
      .tuple(
        fc.constantFrom('script', 'style', 'noscript'),
        fc.array(words, { minLength: 24, maxLength: 40 }),
      )
      .map(([tag, w]) => `<${tag}>${w.join(' ')}</${tag}>`);
    const part = fc.oneof(
      { weight: 2, arbitrary: bodyPart },
      { weight: 1, arbitrary: code },
      { weight: 1, arbitrary: fc.tuple(markup, code).map(([m, c]) => `<p>${m}${c}</p>`) },
    );
    let blocksSeen = 0;
    let cut = 0;
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (parts, article) => {
          const body = article ? `<article>${parts.join('')}</article>` : parts.join('');
          const d = new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
          const found = findArticle(d);
          if (!found) return;
          if (found.text.length < (found.element.textContent ?? '').length) cut++;
          const read = collapse(found.text);
          for (const block of extractBlocks(d, found.element)) {
            expect(read).toContain(block.text);
            blocksSeen++;
          }
        },
      ),
      { seed: 15, numRuns: 300 },
    );
    expect(blocksSeen).toBeGreaterThan(300);
    expect(cut).toBeGreaterThan(100);
  });

  it('the extension’s path: no exception, every highlight a range over its own quote, the page untouched', async () => {
    let anchored = 0;
    await fc.assert(
      fc.asyncProperty(fc.tuple(textRun, body), async ([title, body]) => {
        // The test window's own document (happy-dom's ranges misbehave in created ones).
        document.title = title;
        document.body.innerHTML = `<article>${body.join('')}</article>`;
        const before = snapshot(document.body);
        const scan = await scanDocument(document, { judge: backgroundJudge(det) });
        const items = anchorItems(scan.blocks, scan.results);
        for (const item of items) {
          const block = scan.blocks.find((b) => b.element.contains(item.range.startContainer))!;
          expect(block).toBeDefined();
          expect(block.element.contains(item.range.endContainer)).toBe(true);
          const { start, end, quote } = item.annotation;
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(block.text.length);
          expect(quote).toBe(block.text.slice(start, end));
          expect(item.range.collapsed).toBe(false);
          expect(collapse(item.range.toString())).toBe(collapse(quote));
          anchored++;
        }
        expect(snapshot(document.body)).toEqual(before);
      }),
      { seed: 14, numRuns: 200 },
    );
    expect(anchored).toBeGreaterThan(100);
  });
});
