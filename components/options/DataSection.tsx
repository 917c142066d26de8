import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SourceList } from '@/components/card/SourceList';
import { Timeline } from '@/components/card/Timeline';
import type { Card, ClaimCard, ResolvedContrast, SeriesCard } from '@/lib/cards/schema';
import { sourceViews, timelineView } from '@/lib/cards/view';
import type { ExploreHit, ExploreQuery } from '@/lib/messages/explore-schema';
import type { Source } from '@/lib/dataset/schema';
import { LanguageCode } from '@/lib/dataset/primitives';
import { sendRequest } from '@/lib/messages/client';
import { locale, t } from './strings';
import { SafeLink, Section } from './ui';
import { useLoad } from './useRequest';

type Kind = ExploreHit['kind'];
const KINDS: Kind[] = ['claim', 'figure', 'finding', 'source'];

export function DatasetLine({ refresh }: { refresh: number }) {
  const status = useLoad(() => sendRequest({ type: 'status' }), refresh);
  if (status.kind === 'loading') return <p role="status">{t.data.loading}</p>;
  if (status.kind === 'error') return <p role="alert">{t.data.error(status.message)}</p>;
  const { datasetVersion, dataset } = status.value;
  return (
    <p role="status" data-testid="dataset-line">
      {datasetVersion && dataset?.origin
        ? t.data.version(datasetVersion, dataset.origin, dataset.date ?? '')
        : t.data.noDataset}
    </p>
  );
}

function contrastText(c: ResolvedContrast): string {
  const r = c.record;
  if (!r) return t.data.missing;
  if (r.kind === 'figure') {
    return `${r.figure.value.toLocaleString('en')} · ${r.series?.label.en ?? r.figure.series} (${r.figure.asOf})`;
  }
  if (r.kind === 'finding') return `${r.finding.body}: ${r.finding.title.en} (${r.finding.date})`;
  const latest = r.latest?.figure;
  return latest
    ? t.data.latest(r.series.label.en, latest.value.toLocaleString('en'), latest.asOf)
    : r.series.label.en;
}

function contrastSources(c: ResolvedContrast): Source[] {
  const r = c.record;
  if (!r) return [];
  if (r.kind === 'series') return r.latest?.sources ?? r.sources;
  return r.sources;
}

/** Sources as the card lists them (publisher, date, title; https links only). */
function RecordSources({ sources }: { sources: readonly Source[] }) {
  return <SourceList sources={sourceViews(sources)} lang={locale} />;
}

/** A series' figures over time, as the card draws them, wide, with each figure's sources. */
export function SeriesTimeline({ card }: { card: SeriesCard }) {
  if (card.figures.length === 0)
    return (
      <p>
        {t.data.timeline(card.series.label[locale] ?? card.series.label.en)}: {t.data.noFigures}
      </p>
    );
  return (
    <Timeline timeline={timelineView(card, locale, { sources: true })} lang={locale} size="wide" />
  );
}

function ClaimView({ card }: { card: ClaimCard }) {
  const { claim } = card;
  return (
    <article class="record" aria-labelledby="record-title">
      <h3 id="record-title">{claim.statement.en}</h3>
      {claim.statement.uk && <p lang="uk">{claim.statement.uk}</p>}
      <p class="hint">
        {claim.actor.name}, {claim.actor.role} · {claim.date}
      </p>
      {claim.original && <blockquote lang={claim.original.lang}>{claim.original.text}</blockquote>}
      <h4>{t.data.contrasts}</h4>
      <ul class="contrasts">
        {card.contrasts.map((c) => (
          <li key={`${c.ref.kind}:${c.ref.id}`}>
            <p>{c.context.en}</p>
            <p class="hint">{contrastText(c)}</p>
            <RecordSources sources={contrastSources(c)} />
          </li>
        ))}
      </ul>
      <h4>{t.data.sources}</h4>
      <RecordSources sources={card.sources} />
    </article>
  );
}

function RecordView({ card }: { card: Card }) {
  if (card.kind === 'claim') return <ClaimView card={card} />;
  if (card.kind === 'series') return <SeriesTimeline card={card} />;
  if (card.kind === 'finding') {
    const f = card.finding;
    return (
      <article class="record" aria-labelledby="record-title">
        <h3 id="record-title">{f.title.en}</h3>
        <p class="hint">
          {f.body} · {f.date}
        </p>
        <p>{f.summary.en}</p>
        <h4>{t.data.sources}</h4>
        <RecordSources sources={card.sources} />
      </article>
    );
  }
  const f = card.figure;
  return (
    <article class="record" aria-labelledby="record-title">
      <h3 id="record-title">
        {f.value.toLocaleString('en')} · {card.series?.label.en ?? f.series}
      </h3>
      <p class="hint">
        {[t.data.qualifier[f.qualifier], f.asOf].filter(Boolean).join(' · ')}
        {f.statedBy ? ` · ${f.statedBy.name}` : ''}
      </p>
      {card.series && <p>{card.series.caveat.en}</p>}
      {f.quote && <blockquote lang={f.quote.lang}>{f.quote.text}</blockquote>}
      {card.newer && (
        <p>{t.data.newer(card.newer.figure.value.toLocaleString('en'), card.newer.figure.asOf)}</p>
      )}
      <h4>{t.data.sources}</h4>
      <RecordSources sources={card.sources} />
    </article>
  );
}

function Detail({ hit, onBack }: { hit: ExploreHit; onBack: () => void }) {
  // Keyboard users land on the way back, not on the page's top.
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  const state = useLoad(async () => {
    if (hit.kind === 'source') {
      const { sources } = await sendRequest({ type: 'explore-sources' });
      return { source: sources.find((s) => s.id === hit.id) ?? null };
    }
    const id = `${hit.kind}:${hit.id}`;
    const { cards } = await sendRequest({ type: 'get-cards', ids: [id] });
    return { card: cards[id] ?? null };
  }, `${hit.kind}:${hit.id}`);
  return (
    <div>
      <button type="button" ref={back} onClick={onBack}>
        {t.data.back}
      </button>
      {state.kind === 'loading' && <p role="status">{t.data.loading}</p>}
      {state.kind === 'error' && <p role="alert">{t.data.error(state.message)}</p>}
      {state.kind === 'ready' &&
        ('card' in state.value ? (
          state.value.card ? (
            <RecordView card={state.value.card} />
          ) : (
            <p>{t.data.missing}</p>
          )
        ) : state.value.source ? (
          <article class="record" aria-labelledby="record-title">
            <h3 id="record-title">{state.value.source.title}</h3>
            <RecordSources sources={[state.value.source]} />
            {state.value.source.note && <p>{state.value.source.note}</p>}
          </article>
        ) : (
          <p>{t.data.missing}</p>
        ))}
    </div>
  );
}

function Search() {
  const [form, setForm] = useState({ text: '', actor: '', from: '', to: '', lang: '' });
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [query, setQuery] = useState<ExploreQuery>({});
  const [open, setOpen] = useState<ExploreHit | null>(null);
  const results = useLoad(
    () => sendRequest({ type: 'explore-search', query }),
    JSON.stringify(query),
  );

  const submit = (event: Event) => {
    event.preventDefault();
    const q: ExploreQuery = {};
    if (form.text.trim()) q.text = form.text.trim();
    if (form.actor.trim()) q.actor = form.actor.trim();
    if (form.from) q.from = form.from;
    if (form.to) q.to = form.to;
    const lang = LanguageCode.safeParse(form.lang);
    if (lang.success) q.lang = lang.data;
    if (kinds.length > 0) q.kinds = kinds;
    setOpen(null);
    setQuery(q);
  };
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  if (open) return <Detail hit={open} onBack={() => setOpen(null)} />;
  return (
    <div>
      <form role="search" onSubmit={submit} class="search">
        <p>
          <label for="q-text">{t.data.searchLabel}</label>{' '}
          <input id="q-text" type="search" {...field('text')} />
        </p>
        <p>
          <label for="q-actor">{t.data.actor}</label>{' '}
          <input id="q-actor" type="text" {...field('actor')} />
        </p>
        <p>
          <label for="q-from">{t.data.from}</label>{' '}
          <input id="q-from" type="date" {...field('from')} /> <label for="q-to">{t.data.to}</label>{' '}
          <input id="q-to" type="date" {...field('to')} /> <label for="q-lang">{t.data.lang}</label>{' '}
          <select
            id="q-lang"
            value={form.lang}
            onChange={(e) => setForm({ ...form, lang: e.currentTarget.value })}
          >
            <option value="">{t.data.anyLang}</option>
            {LanguageCode.options.map((code) => (
              <option key={code} value={code}>
                {t.languageNames[code] ?? code}
              </option>
            ))}
          </select>
        </p>
        <fieldset>
          <legend>{t.data.kinds}</legend>
          {KINDS.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={kinds.includes(kind)}
                onChange={(e) =>
                  setKinds(
                    e.currentTarget.checked ? [...kinds, kind] : kinds.filter((k) => k !== kind),
                  )
                }
              />{' '}
              {t.data.kind[kind]}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t.data.search}</button>
      </form>
      {results.kind === 'loading' && <p role="status">{t.data.loading}</p>}
      {results.kind === 'error' && <p role="alert">{t.data.error(results.message)}</p>}
      {results.kind === 'ready' && (
        <>
          <p role="status" data-testid="result-count">
            {t.data.results(results.value.hits.length, results.value.total)}
          </p>
          <ul class="hits" aria-label={t.data.resultsLabel}>
            {results.value.hits.map((hit) => (
              <li key={`${hit.kind}:${hit.id}`}>
                <span class="badge">{t.data.kindOne[hit.kind]}</span>{' '}
                <button type="button" class="link" onClick={() => setOpen(hit)}>
                  {hit.title}
                </button>{' '}
                <span class="hint">{[hit.actor, hit.date].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function SeriesTimelines() {
  const state = useLoad(async () => {
    const { series } = await sendRequest({ type: 'explore-series' });
    const ids = series.filter((s) => s.figures > 0).map((s) => `series:${s.series.id}`);
    if (ids.length === 0) return [];
    const { cards } = await sendRequest({ type: 'get-cards', ids: ids.slice(0, 100) });
    return ids.flatMap((id) => {
      const card = cards[id];
      return card?.kind === 'series' ? [card] : [];
    });
  });
  if (state.kind === 'loading') return <p role="status">{t.data.loading}</p>;
  if (state.kind === 'error') return <p role="alert">{t.data.error(state.message)}</p>;
  return (
    <div>
      {state.value.map((card) => (
        <SeriesTimeline key={card.id} card={card} />
      ))}
    </div>
  );
}

type SortKey = 'publisher' | 'published';

export function SourcesTable({ sources }: { sources: readonly Source[] }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'published', dir: -1 });
  const rows = useMemo(() => {
    const value = (s: Source) =>
      sort.key === 'publisher' ? s.publisher.toLowerCase() : (s.published ?? '');
    return [...sources].sort(
      (a, b) =>
        (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : a.id < b.id ? -1 : 1) * sort.dir,
    );
  }, [sources, sort]);
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          class="link"
          aria-label={t.data.sortBy(label)}
          onClick={() => setSort({ key, dir: active ? (sort.dir === 1 ? -1 : 1) : 1 })}
        >
          {label}
          {active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  };
  return (
    <table class="data-table" aria-label={t.data.sourcesTable}>
      <thead>
        <tr>
          {header('publisher', t.data.publisher)}
          <th scope="col">{t.data.titleCol}</th>
          {header('published', t.data.published)}
          <th scope="col">{t.data.kindCol}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.id}>
            <td>{s.publisher}</td>
            <td>
              <SafeLink href={s.url}>{s.title}</SafeLink>
            </td>
            <td>{s.published ?? t.data.undated}</td>
            <td>{s.kind}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Sources() {
  const state = useLoad(() => sendRequest({ type: 'explore-sources' }));
  if (state.kind === 'loading') return <p role="status">{t.data.loading}</p>;
  if (state.kind === 'error') return <p role="alert">{t.data.error(state.message)}</p>;
  return <SourcesTable sources={state.value.sources} />;
}

export function DataSection({ refresh }: { refresh: number }) {
  return (
    <Section id="data" title={t.sections.data}>
      <p>{t.data.intro}</p>
      <DatasetLine refresh={refresh} />
      <Search key={`search-${refresh}`} />
      <h3>{t.data.series}</h3>
      <SeriesTimelines key={`series-${refresh}`} />
      <h3>{t.data.sourcesTable}</h3>
      <Sources key={`sources-${refresh}`} />
    </Section>
  );
}
