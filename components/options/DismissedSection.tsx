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
                onClick={async () => setAll(await restoreAndRead(d.key, d.url))}
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

async function restoreAndRead(key: string, url: string): Promise<Dismissals> {
  await restoreDismissal(key, url);
  return dismissalsItem.getValue();
}
