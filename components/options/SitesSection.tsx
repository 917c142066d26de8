import { useState } from 'preact/hooks';
import { parseHostPattern } from '@/lib/settings';
import { t } from './strings';
import { Section } from './ui';
import type { SettingsState } from './useSettings';

export function SitesSection({ state }: { state: SettingsState }) {
  const { settings, update } = state;
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!settings) return null;

  const add = async (event: Event) => {
    event.preventDefault();
    setDone(null);
    const parsed = parseHostPattern(value);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    const failed = await update((s) =>
      s.excludedSites.includes(parsed.pattern)
        ? s
        : { ...s, excludedSites: [...s.excludedSites, parsed.pattern] },
    );
    setProblem(failed);
    if (failed === null) {
      setValue('');
      setDone(t.sites.added(parsed.pattern));
    }
  };

  return (
    <Section id="sites" title={t.sections.sites}>
      <p>{t.sites.intro}</p>
      <form onSubmit={(e) => void add(e)} noValidate>
        <label for="site-input">{t.sites.label}</label>{' '}
        <input
          id="site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={value}
          aria-invalid={problem ? 'true' : 'false'}
          aria-describedby={problem ? 'site-problem' : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />{' '}
        <button type="submit">{t.sites.add}</button>
        {problem && (
          <p id="site-problem" class="problem" role="alert">
            {problem}
          </p>
        )}
        <p class="hint" role="status">
          {done}
        </p>
      </form>
      {settings.excludedSites.length === 0 ? (
        <p>{t.sites.empty}</p>
      ) : (
        <ul aria-label={t.sites.listLabel} class="plain-list">
          {settings.excludedSites.map((pattern) => (
            <li key={pattern}>
              <code>{pattern}</code>{' '}
              <button
                type="button"
                aria-label={t.sites.remove(pattern)}
                onClick={() =>
                  void update((s) => ({
                    ...s,
                    excludedSites: s.excludedSites.filter((p) => p !== pattern),
                  }))
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
