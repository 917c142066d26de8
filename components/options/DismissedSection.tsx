import { useEffect, useState } from 'preact/hooks';
import {
  dismissalsItem,
  flattenDismissals,
  restoreDismissal,
  type Dismissals,
} from '@/lib/settings';
import { t } from './strings';
import { Section } from './ui';

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
  if (!all) return null;
  const list = flattenDismissals(all);
  return (
    <Section id="dismissed" title={t.sections.dismissed}>
      <p>{t.dismissed.intro}</p>
      {list.length === 0 ? (
        <p>{t.dismissed.empty}</p>
      ) : (
        <ul class="plain-list" aria-label={t.sections.dismissed}>
          {list.map((d) => (
            <li key={`${d.url}#${d.key}`}>
              <code>{d.key}</code> · <span class="url">{d.url}</span>{' '}
              <span class="hint">{t.dismissed.at(new Date(d.at).toISOString().slice(0, 10))}</span>{' '}
              <button
                type="button"
                aria-label={t.dismissed.restoreLabel(d.key, d.url)}
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
