import { useEffect, useState } from 'preact/hooks';
import { CardId, MAX_CARD_IDS, type Card } from '@/lib/cards/schema';
import { sendRequest } from '@/lib/messages/client';
import {
  dismissalsItem,
  flattenDismissals,
  restoreDismissal,
  type Dismissals,
} from '@/lib/settings';
import { t } from './strings';
import { Section } from './ui';

/** The line a card would show as its title. */
export function cardTitle(card: Card): string {
  switch (card.kind) {
    case 'claim':
      return card.claim.statement.en;
    case 'finding':
      return card.finding.title.en;
    case 'series':
      return card.series.label.en;
    case 'figure':
      return `${card.figure.value.toLocaleString('en')} · ${card.series?.label.en ?? card.figure.series}`;
  }
}

/** The quote of a page item key (`kind|quote|text before it`), or null. */
export function quoteOfKey(key: string): { kind: string; quote: string } | null {
  const m = /^(claim|figure|topic)\|([^|]+)\|/.exec(key);
  return m ? { kind: m[1]!, quote: m[2]! } : null;
}

/** Titles of the cards that dismissal keys name, in one request; unknown keys are left out. */
function useTitles(keys: readonly string[]): Record<string, string> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  const wanted = [...new Set(keys.filter((k) => CardId.safeParse(k).success))]
    .sort()
    .slice(0, MAX_CARD_IDS);
  const signature = wanted.join('\n');
  useEffect(() => {
    if (wanted.length === 0) return;
    let live = true;
    sendRequest({ type: 'get-cards', ids: wanted }).then(
      ({ cards }) =>
        live &&
        setTitles(Object.fromEntries(Object.entries(cards).map(([id, c]) => [id, cardTitle(c)]))),
      () => {}, // the keys stay readable without titles
    );
    return () => {
      live = false;
    };
    // `signature` stands for `wanted`.
  }, [signature]);
  return titles;
}

export function DismissedSection() {
  const [all, setAll] = useState<Dismissals | null>(null);
  useEffect(() => {
    let live = true;
    void dismissalsItem.getValue().then((v) => live && setAll(v));
    // The list follows storage: a restore here, a dismissal in a tab, a loaded settings file.
    const stop = dismissalsItem.watch((v) => live && setAll(v ?? {}));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const list = all ? flattenDismissals(all) : [];
  const cardTitles = useTitles(list.map((d) => d.key));
  const titles: Record<string, string> = { ...cardTitles };
  for (const d of list) {
    const item = quoteOfKey(d.key);
    if (item && !titles[d.key]) titles[d.key] = `“${item.quote}”`;
  }
  if (!all) return null;
  return (
    <Section id="dismissed" title={t.sections.dismissed}>
      <p>{t.dismissed.intro}</p>
      {list.length === 0 ? (
        <p>{t.dismissed.empty}</p>
      ) : (
        <ul class="plain-list" aria-label={t.sections.dismissed}>
          {list.map((d) => (
            <li key={`${d.url}#${d.key}`}>
              {titles[d.key] && <span class="dismissed-title">{titles[d.key]} · </span>}
              {!quoteOfKey(d.key) && (
                <>
                  <code>{d.key}</code> ·{' '}
                </>
              )}
              <span class="url">{d.url}</span>{' '}
              <span class="hint">{t.dismissed.at(new Date(d.at).toISOString().slice(0, 10))}</span>{' '}
              <button
                type="button"
                aria-label={t.dismissed.restoreLabel(titles[d.key] ?? d.key, d.url)}
                onClick={() => void restoreDismissal(d.key, d.url)}
              >
                {t.dismissed.restore}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
