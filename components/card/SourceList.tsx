import type { SourceView } from '@/lib/cards/view';
import { formatDate, strings, type UiLang } from '@/lib/cards/strings';

/** Sources with publisher, title and date; links open in a new tab and carry no referrer. */
export function SourceList({ sources, lang }: { sources: SourceView[]; lang: UiLang }) {
  const t = strings(lang);
  if (sources.length === 0) return null;
  return (
    <ul class="cc-sources" aria-label={t.sources}>
      {sources.map((s) => (
        <li key={s.url}>
          <a href={s.url} target="_blank" rel="noopener noreferrer">
            {s.publisher}
          </a>
          {s.published ? ` · ${formatDate(s.published, lang)}` : ''}
          {s.via ? ` · ${t.via(s.via)}` : ''}
          <span class="cc-source-title">{s.title}</span>
        </li>
      ))}
    </ul>
  );
}
