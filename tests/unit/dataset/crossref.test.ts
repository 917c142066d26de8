import { describe, expect, it } from 'vitest';
import { comparePartialDates, crossrefDataset } from '../../../lib/dataset/crossref';
import { Dataset, type DatasetInput } from '../../../lib/dataset/schema';
import { validateDataset } from '../../../lib/dataset/validate';
import { rawDataset, TODAY } from './fixtures';

function problemsAfter(breakIt: (d: DatasetInput) => void, today = TODAY) {
  const raw = rawDataset();
  breakIt(raw);
  const result = validateDataset(raw, { today });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

function at<T>(xs: T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`no element ${i}`);
  return x;
}

describe('comparePartialDates', () => {
  it('compares on the common prefix', () => {
    expect(comparePartialDates('2023-07', '2023-07-31')).toBe(0);
    expect(comparePartialDates('2023-07-31', '2023-07')).toBe(0);
    expect(comparePartialDates('2023-08', '2023-07-31')).toBe(1);
    expect(comparePartialDates('2023-07-30', '2023-07-31')).toBe(-1);
  });
});

describe('crossref on the bundled dataset', () => {
  it('finds nothing wrong', () => {
    const result = validateDataset(rawDataset(), { today: TODAY });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('crossref rules, one broken fixture each', () => {
  it('figure.series must exist', () => {
    const problems = problemsAfter((d) => {
      at(d.figures, 3).series = 'no-such-series';
    });
    expect(problems).toContainEqual({
      path: 'figures[3].series',
      message: 'refers to the series "no-such-series", which does not exist',
    });
  });

  it('figure sources must exist', () => {
    const problems = problemsAfter((d) => {
      at(d.figures, 0).sources = ['src-missing'];
    });
    expect(problems.map((p) => p.path)).toContain('figures[0].sources[0]');
  });

  it('claim sources must exist', () => {
    const problems = problemsAfter((d) => {
      at(d.claims, 1).sources.push('src-missing');
    });
    expect(
      problems.some(
        (p) => p.path.startsWith('claims[1].sources[') && p.message.includes('src-missing'),
      ),
    ).toBe(true);
  });

  it('finding sources must exist', () => {
    const problems = problemsAfter((d) => {
      at(d.findings, 2).sources = ['src-missing'];
    });
    expect(problems.map((p) => p.path)).toContain('findings[2].sources[0]');
  });

  it('series caveat sources must exist', () => {
    const problems = problemsAfter((d) => {
      at(d.series, 0).sources = ['src-missing'];
    });
    expect(problems.map((p) => p.path)).toContain('series[0].sources[0]');
  });

  it('claim contrasts must resolve by kind', () => {
    const problems = problemsAfter((d) => {
      const claim = at(d.claims, 0);
      const contrast = at(claim.contrasts, 0);
      // a figure id used as a finding reference
      contrast.ref = { kind: 'finding', id: at(d.figures, 0).id };
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'claims[0].contrasts[0].ref.id' }),
    );
  });

  it('lexicon claim cues must name claims', () => {
    const problems = problemsAfter((d) => {
      at(d.lexicon, 0).claimCues = [{ id: 'ua-returned', patterns: ['only hundreds'] }];
    });
    expect(problems).toContainEqual({
      path: 'lexicon[0].claimCues[0].id',
      message: 'refers to the claim "ua-returned", which does not exist',
    });
  });

  it('lexicon series cues must name series', () => {
    const problems = problemsAfter((d) => {
      at(d.lexicon, 0).seriesCues = [{ id: 'ru-700000-received', patterns: ['received'] }];
    });
    expect(problems.map((p) => p.path)).toContain('lexicon[0].seriesCues[0].id');
  });

  it('ids must be unique within a collection', () => {
    const problems = problemsAfter((d) => {
      at(d.sources, 5).id = at(d.sources, 4).id;
    });
    expect(problems.map((p) => p.path)).toContain('sources[5].id');
  });

  it('ids must be unique across collections', () => {
    const problems = problemsAfter((d) => {
      at(d.findings, 0).id = at(d.claims, 0).id;
    });
    expect(problems).toContainEqual(expect.objectContaining({ path: 'findings[0].id' }));
  });

  it("a figure's asOf may not be after its source's publication", () => {
    const problems = problemsAfter((d) => {
      const fig = d.figures.find((f) => f.id === 'fig-ua-deported-2023-07-31');
      if (!fig) throw new Error('fixture figure missing');
      fig.asOf = '2023-09'; // its source was published on 2023-08-10
    });
    expect(problems.some((p) => p.path.endsWith('.asOf') && p.message.includes('2023-08-10'))).toBe(
      true,
    );
  });

  it('a month-precision asOf in the month of publication is fine', () => {
    const raw = rawDataset();
    const fig = raw.figures.find((f) => f.id === 'fig-ua-deported-2023-07-31');
    if (!fig) throw new Error('fixture figure missing');
    fig.asOf = '2023-08';
    expect(validateDataset(raw, { today: TODAY }).ok).toBe(true);
  });

  it('no date may be in the future', () => {
    const problems = problemsAfter((d) => {
      at(d.claims, 0).date = '2027-01-01';
    });
    expect(problems).toContainEqual({
      path: 'claims[0].date',
      message: `the date 2027-01-01 is in the future (today is ${TODAY})`,
    });
    // the same data is valid once that day has come
    const raw = rawDataset();
    at(raw.claims, 0).date = '2027-01-01';
    expect(validateDataset(raw, { today: '2027-01-01' }).ok).toBe(true);
  });

  it('the today parameter also accepts a Date', () => {
    const problems = problemsAfter((d) => {
      at(d.sources, 0).published = '2026-12';
    }, TODAY);
    expect(problems.map((p) => p.path)).toContain('sources[0].published');
    const raw = rawDataset();
    at(raw.sources, 0).published = '2026-12';
    expect(validateDataset(raw, { today: new Date('2026-12-02T00:00:00Z') }).ok).toBe(true);
  });

  it('dates must be real calendar dates', () => {
    const problems = problemsAfter((d) => {
      at(d.findings, 0).date = '2023-02-30';
    });
    expect(problems).toContainEqual({
      path: 'findings[0].date',
      message: '"2023-02-30" is not a real calendar date',
    });
  });

  it("a figure's stance must equal its series' stance", () => {
    const problems = problemsAfter((d) => {
      const fig = d.figures.find((f) => f.series === 'ru-reported-arrivals');
      if (!fig) throw new Error('fixture figure missing');
      fig.stance = 'documented';
    });
    expect(
      problems.some((p) => p.path.endsWith('.stance') && p.message.includes('official-claim')),
    ).toBe(true);
  });

  it('every record has a source (also checked here, beyond the schema)', () => {
    const dataset = Dataset.parse(rawDataset());
    at(dataset.figures, 0).sources = [];
    at(dataset.claims, 0).sources = [];
    at(dataset.findings, 0).sources = [];
    const paths = crossrefDataset(dataset, { today: TODAY }).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['figures[0].sources', 'claims[0].sources', 'findings[0].sources']),
    );
  });

  it('a duplicate lexicon language is reported', () => {
    let last = -1;
    const problems = problemsAfter((d) => {
      d.lexicon.push(structuredClone(at(d.lexicon, 0)));
      last = d.lexicon.length - 1;
    });
    expect(problems.map((p) => p.path)).toContain(`lexicon[${last}].lang`);
  });
});
