import { describe, expect, it } from 'vitest';
import {
  compileDetector,
  detectBlocks,
  findHits,
  findHitsInto,
  hitAt,
  MAX_PAGE_ANNOTATIONS,
  newHitBuffer,
} from '../../../lib/detect/index';
import { bundledLexicons } from '../../fixtures/detect/lexicons';

const det = compileDetector(bundledLexicons);

// Our own sentences (not from any corpus): every rule, misses, and figures next door.
const SENTENCES = [
  'Kyiv says Russia has deported 19,546 Ukrainian children from the occupied south.',
  'The city council approved a new budget on Tuesday.',
  'Moscow claims the orphans were evacuated to Russia for their safety.',
  'Eleven children were brought back to Ukraine from the occupied territories this week.',
  'About 300 children were later found in camps, officials said.',
  'Maria Lvova-Belova told reporters that the list was incomplete.',
  'Researchers found that children who read every day improved faster.',
  'Діти були вивезені з окупованих територій, і це підтвердили в офісі омбудсмана.',
  'The children were taken from their homes, the report said.',
  'Россия вывезла в Россию более 700 детей из Херсона.',
];

describe('page caps', () => {
  const blocks = Array.from({ length: 6000 }, (_, i) => ({
    text: SENTENCES[(i * 7) % SENTENCES.length]!,
  }));
  const results = detectBlocks(det, blocks, { title: 'News' });

  it('stops annotating at the page cap', () => {
    const total = results.reduce((n, r) => n + r.annotations.length, 0);
    expect(total).toBeGreaterThanOrEqual(MAX_PAGE_ANNOTATIONS);
    expect(total).toBeLessThan(MAX_PAGE_ANNOTATIONS + 200);
  });

  it('judges blocks past the cap by the same rules, without explanation terms', () => {
    let past = 0;
    for (let i = 0; i < blocks.length; i++) {
      // The same block in a small window of its neighbours (far below the cap).
      const lo = Math.max(0, i - 4);
      const alone = detectBlocks(det, blocks.slice(lo, i + 5), { title: 'News' })[i - lo]!;
      const r = results[i]!;
      if (r.annotations.length === 0 && r.relevant && r.explanation.terms.length === 0) {
        past++;
        expect(alone.relevant).toBe(true);
        expect(r.explanation.rule).toBe(alone.explanation.rule);
      } else if (alone.explanation.rule === 'neighbour+figure' && !r.relevant) {
        // Figures next to a relevant block are not read past the cap.
        past++;
      } else {
        expect(r.relevant).toBe(alone.relevant);
        if (!past) expect(r).toEqual(alone);
      }
      if (i > 3000 && past > 0) i += 37; // sample the rest
    }
    expect(past).toBeGreaterThan(0);
  });
});

describe('findHitsInto', () => {
  it('appends the same hits as findHits after what the buffer holds', () => {
    const buf = newHitBuffer(2);
    const a = SENTENCES.join(' ');
    const b = 'Russia deported children; дети вывезены в Россию. Enfants déportés en Russie.';
    const na = findHitsInto(det, a, buf);
    const nb = findHitsInto(det, b, buf);
    expect(buf.n).toBe(na + nb);
    const got = Array.from({ length: buf.n }, (_, k) => hitAt(buf, k));
    expect(got).toEqual([...findHits(det, a), ...findHits(det, b)]);
  });
});
