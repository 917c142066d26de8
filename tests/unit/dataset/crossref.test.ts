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
      at(d.sources, 0).published = '2027-01';
    }, TODAY);
    expect(problems.map((p) => p.path)).toContain('sources[0].published');
    const raw = rawDataset();
    at(raw.sources, 0).published = '2027-01';
    expect(validateDataset(raw, { today: new Date('2027-01-02T00:00:00Z') }).ok).toBe(true);
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

function index(xs: { id: string }[], id: string): number {
  const i = xs.findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`no record ${id}`);
  return i;
}

describe('card rules: what a card must not get wrong, one broken fixture each', () => {
  it('a figure of an official-claim series cannot be documented', () => {
    let i = -1;
    const problems = problemsAfter((d) => {
      i = index(d.figures, 'fig-ru-arrivals-2023-04-05');
      at(d.figures, i).stance = 'documented';
    });
    expect(problems).toContainEqual({
      path: `figures[${i}].stance`,
      message:
        'is "documented" but its series "ru-reported-arrivals" is an official claim; it must be "official-claim"',
    });
  });

  it('a figure whose number a Russian official states cannot be documented, even in a documented series', () => {
    let i = -1;
    const problems = problemsAfter((d) => {
      i = index(d.figures, 'fig-regions-2023-07-06-ru-19');
      at(d.figures, i).stance = 'documented';
    });
    expect(problems).toEqual([
      {
        path: `figures[${i}].stance`,
        message:
          'is "documented" but its number is stated by Office of Maria Lvova-Belova, Russia\'s Commissioner for Children\'s Rights, a Russian official; it must be "official-claim"',
      },
    ]);
  });

  it('a figure whose every source is a Russian official one cannot be documented', () => {
    let i = -1;
    const problems = problemsAfter((d) => {
      i = index(d.figures, 'fig-qatar-2023-12-06');
      const figure = at(d.figures, i);
      for (const id of figure.sources) {
        const source = at(d.sources, index(d.sources, id));
        source.kind = 'official-ru';
      }
    });
    expect(problems).toContainEqual({
      path: `figures[${i}].stance`,
      message:
        'is "documented" but every source is a Russian official one; it must be "official-claim"',
    });
  });

  it('the same figure with one non-Russian source is accepted', () => {
    const raw = rawDataset();
    const figure = at(raw.figures, index(raw.figures, 'fig-ua-deported-2023-03-20'));
    const source = at(raw.sources, index(raw.sources, at(figure.sources, 0)));
    expect(source.kind).not.toBe('official-ru');
    figure.sources.push('src-rg-2025-06-02');
    expect(validateDataset(raw, { today: TODAY }).ok).toBe(true);
  });

  it('a documented series may show a Russian official figure beside documented ones, an estimate may not', () => {
    const raw = rawDataset();
    at(raw.figures, index(raw.figures, 'fig-regions-2023-10-18-ua')).stance = 'official-claim';
    expect(validateDataset(raw, { today: TODAY }).ok).toBe(true);
    let i = -1;
    const problems = problemsAfter((d) => {
      i = index(d.figures, 'fig-regions-2023-10-18-ua');
      at(d.figures, i).stance = 'estimate';
    });
    expect(problems.map((p) => p.path)).toEqual([`figures[${i}].stance`]);
  });

  it('a quote in a series of "received" children may not say "deported"', () => {
    let i = -1;
    const problems = problemsAfter((d) => {
      i = index(d.figures, 'fig-ru-arrivals-2022-06-19');
      at(d.figures, i).quote = {
        text: 'Россия депортировала 1 936 911 украинцев, из которых 307 423 ребенка',
        lang: 'ru',
      };
    });
    expect(problems).toEqual([
      {
        path: `figures[${i}].quote`,
        message:
          'uses "депортировала", a stronger word than its series "ru-reported-arrivals", whose own wording is "arrived"; quote the source\'s own wording or none',
      },
    ]);
  });

  it('the rule reads every quote language and names each strong word', () => {
    let i = -1;
    const problems = problemsAfter((d) => {
      i = index(d.figures, 'fig-ru-placed-2023-05-01');
      at(d.figures, i).quote = {
        text: 'Die Kinder wurden verschleppt und zwangsadoptiert, sagte sie.',
        lang: 'de',
      };
    });
    expect(problems.map((p) => p.path)).toEqual([`figures[${i}].quote`]);
    expect(problems[0]?.message).toContain('"verschleppt", "zwangsadoptiert"');
    expect(problems[0]?.message).toContain('"placed"');
  });

  it('an official-claim series without a movement is held to "arrived"', () => {
    let i = -1;
    const problems = problemsAfter((d) => {
      const series = at(d.series, index(d.series, 'ru-ombudsman-reunified'));
      delete series.movement;
      i = index(d.figures, 'fig-ru-reunified-2024-09-25');
      at(d.figures, i).quote = { text: 'Abducted children were handed over.', lang: 'en' };
    });
    expect(problems.map((p) => p.path)).toEqual([`figures[${i}].quote`]);
  });

  it('the same strong words are fine in a series that counts deportations', () => {
    const raw = rawDataset();
    at(raw.figures, index(raw.figures, 'fig-ua-deported-2023-07-31')).quote = {
      text: 'Россия депортировала и похитила детей',
      lang: 'ru',
    };
    expect(validateDataset(raw, { today: TODAY }).ok).toBe(true);
  });

  it('a figure or claim marked unconfirmed must say why in a note', () => {
    let f = -1;
    let c = -1;
    const problems = problemsAfter((d) => {
      f = index(d.figures, 'fig-ua-deported-2023-03-20');
      const figure = at(d.figures, f);
      figure.confidence = 'unconfirmed';
      delete figure.note;
      c = index(d.claims, 'ru-putin-no-abduction');
      const claim = at(d.claims, c);
      claim.confidence = 'unconfirmed';
      delete claim.note;
    });
    expect(problems.map((p) => p.path)).toEqual([`figures[${f}].note`, `claims[${c}].note`]);
  });

  it('a source marked unconfirmed must say why in a note', () => {
    let i = -1;
    const problems = problemsAfter((d) => {
      i = index(d.sources, 'src-babel-2023-08-10');
      at(d.sources, i).confidence = 'unconfirmed';
    });
    expect(problems.map((p) => p.path)).toEqual([`sources[${i}].note`]);
  });

  it('a series may not mix per-event and cumulative figures', () => {
    let group = -1;
    let total = -1;
    const problems = problemsAfter((d) => {
      group = index(d.figures, 'fig-qatar-2023-12-06');
      total = index(d.figures, 'fig-qatar-2025-08-24');
      at(d.figures, total).series = 'qatar-mediation-groups';
    });
    expect(at(rawDataset().figures, group).kind).toBe('per-event');
    expect(problems).toEqual([
      {
        path: `figures[${total}].kind`,
        message: expect.stringContaining(
          `is "cumulative" but figures[${index(rawDataset().figures, 'fig-qatar-2023-10')}] in the same series "qatar-mediation-groups" is "per-event"`,
        ) as unknown as string,
      },
    ]);
  });

  it('figures without a kind do not trip the rule', () => {
    const raw = rawDataset();
    const total = at(raw.figures, index(raw.figures, 'fig-qatar-2025-08-24'));
    delete total.kind;
    total.series = 'qatar-mediation-groups';
    expect(validateDataset(raw, { today: TODAY }).ok).toBe(true);
  });

  it("a figure's period may not start after it ends", () => {
    let i = -1;
    const problems = problemsAfter((d) => {
      i = index(d.figures, 'fig-ru-placed-2022-10');
      at(d.figures, i).periodStart = '2022-11';
    });
    expect(problems).toEqual([
      {
        path: `figures[${i}].periodStart`,
        message: 'is 2022-11, after the end of the period (asOf 2022-10)',
      },
    ]);
  });
});

describe('Ukrainian text for every card text', () => {
  it('is an error under the strict (bundled) rules and a warning otherwise', () => {
    const raw = rawDataset();
    const f = index(raw.figures, 'fig-ua-deported-2023-07-31');
    const figure = at(raw.figures, f);
    if (!figure.note) throw new Error('fixture note missing');
    delete figure.note.uk;
    const c = index(raw.claims, 'ru-putin-no-abduction');
    delete at(at(raw.claims, c).contrasts, 2).context.uk;
    const paths = [`figures[${f}].note.uk`, `claims[${c}].contrasts[2].context.uk`];

    const strict = validateDataset(raw, { today: TODAY, strict: true });
    expect(strict.ok ? [] : strict.problems.map((p) => p.path)).toEqual(paths);

    const lenient = validateDataset(raw, { today: TODAY });
    expect(lenient.ok).toBe(true);
    expect(lenient.ok ? lenient.warnings.map((p) => p.path) : []).toEqual(paths);
  });

  it('a claim without its export summary is an error under the strict rules, a warning otherwise', () => {
    const raw = rawDataset();
    const c = index(raw.claims, 'ru-evacuation-rescue');
    delete at(raw.claims, c).summary;
    const strict = validateDataset(raw, { today: TODAY, strict: true });
    expect(strict.ok ? [] : strict.problems.map((p) => p.path)).toEqual([`claims[${c}].summary`]);
    const lenient = validateDataset(raw, { today: TODAY });
    expect(lenient.ok ? lenient.warnings.map((p) => p.path) : []).toEqual([`claims[${c}].summary`]);
  });

  it('the bundled dataset has no warnings', () => {
    const result = validateDataset(rawDataset(), { today: TODAY });
    expect(result.ok ? result.warnings : ['invalid']).toEqual([]);
  });
});
