import { useEffect, useRef } from 'preact/hooks';
import type { CardView, ItemView } from '@/lib/cards/view';
import { strings, type UiLang } from '@/lib/cards/strings';
import { FigureScale } from './FigureScale';
import { SourceList } from './SourceList';
import { Timeline } from './Timeline';

export interface CardExplanation {
  rule: string | null;
  terms: string[];
}

export interface ContextCardProps {
  /** Null while the records load; `failed` when they could not be loaded. */
  view: CardView | null;
  failed?: boolean;
  quote: string;
  explanation: CardExplanation;
  lang: UiLang;
  datasetVersion: string | null;
  /** Where the card goes, in the layer's coordinates. */
  position: { left: number; top: number };
  onClose: () => void;
  onDismiss: () => void;
}

let nextId = 0;

function Item({ item, lang }: { item: ItemView; lang: UiLang }) {
  const t = strings(lang);
  return (
    <article class="cc-item">
      <h4 class="cc-item-heading">{item.heading}</h4>
      {item.value ? (
        <p class="cc-value">
          <strong>{item.value}</strong>
          {item.stance ? <span class={`cc-stance`}>{item.stance}</span> : null}
        </p>
      ) : null}
      {item.date ? <p class="cc-date">{item.date}</p> : null}
      {item.body ? <p>{item.body}</p> : null}
      {item.caveat ? <p class="cc-caveat">{item.caveat}</p> : null}
      {item.unconfirmed ? <p class="cc-unconfirmed">{t.unconfirmed}</p> : null}
      <SourceList sources={item.sources} lang={lang} />
    </article>
  );
}

/**
 * The context card: a dialog beside the annotation with the passage, the claim it echoes,
 * the documented records that bear on it, a picture, and every item's sources. Focus
 * stays inside while it is open; Escape or the close button closes it.
 */
export function ContextCard(props: ContextCardProps) {
  const { view, lang, explanation } = props;
  const t = strings(lang);
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useRef(`cc-title-${++nextId}`).current;

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('.cc-close')?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = Array.from(
      ref.current.querySelectorAll<HTMLElement>('a[href], button, summary, [tabindex="0"]'),
    );
    if (focusable.length === 0) return;
    const root = ref.current.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      ref={ref}
      class="cc-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      style={{ left: `${props.position.left}px`, top: `${props.position.top}px` }}
      onKeyDown={onKeyDown}
    >
      <header class="cc-card-header">
        <h2 id={titleId} class="cc-title">
          {view?.title ?? t.topicTitle}
        </h2>
        <button type="button" class="cc-close" aria-label={t.close} onClick={props.onClose}>
          ×
        </button>
      </header>
      <div class="cc-body">
        <section>
          <h3 class="cc-h3">{t.quote}</h3>
          <blockquote class="cc-quote">{props.quote}</blockquote>
        </section>
        {!view ? (
          <p class="cc-status" role="status">
            {props.failed ? t.unavailable : t.loading}
          </p>
        ) : (
          <>
            {view.numbers.length > 0 ? (
              <section>
                <h3 class="cc-h3">{t.numbersHeading}</h3>
                <ul class="cc-numbers">
                  {view.numbers.map((n) => (
                    <li key={n.text}>
                      <strong>{n.text}</strong>: {n.placement}
                      {n.outdated ? <span class="cc-outdated"> {n.outdated}</span> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {view.claim ? (
              <section class="cc-claim">
                <h3 class="cc-h3">{t.claimHeading}</h3>
                <p class="cc-actor">
                  <strong>{view.claim.actor}</strong>, {view.claim.role} · {view.claim.date}
                </p>
                <p class="cc-statement">{view.claim.statement}</p>
                {view.claim.original ? (
                  <p class="cc-original" lang={view.claim.original.lang}>
                    <span class="cc-label">{t.original}: </span>«{view.claim.original.text}»
                  </p>
                ) : null}
                {view.claim.note ? <p class="cc-caveat">{view.claim.note}</p> : null}
                {view.claim.unconfirmed ? <p class="cc-unconfirmed">{t.unconfirmed}</p> : null}
                <SourceList sources={view.claim.sources} lang={lang} />
              </section>
            ) : null}
            <FigureScale points={view.scale} lang={lang} />
            {view.timeline ? <Timeline timeline={view.timeline} lang={lang} /> : null}
            {view.contrasts.length > 0 || view.items.length > 0 ? (
              <section>
                <h3 class="cc-h3">{t.documentedHeading}</h3>
                {view.contrasts.map((c, k) => (
                  <div key={k} class="cc-contrast">
                    <p>{c.context}</p>
                    {c.item ? <Item item={c.item} lang={lang} /> : null}
                  </div>
                ))}
                {view.items.map((item) => (
                  <Item key={`${item.kind}:${item.id}`} item={item} lang={lang} />
                ))}
              </section>
            ) : null}
          </>
        )}
        <details class="cc-details cc-why">
          <summary>{t.why}</summary>
          {explanation.rule ? <p>{t.rule(explanation.rule)}</p> : null}
          {explanation.terms.length > 0 ? (
            <p>
              {t.matched}: {explanation.terms.join(', ')}
            </p>
          ) : null}
        </details>
      </div>
      <footer class="cc-footer">
        <button type="button" class="cc-dismiss" onClick={props.onDismiss}>
          {t.notRelevant}
        </button>
        {props.datasetVersion ? (
          <span class="cc-version">{t.datasetVersion(props.datasetVersion)}</span>
        ) : null}
      </footer>
    </div>
  );
}
