import { useState } from 'preact/hooks';
import { CATEGORIES, LANGUAGES, resetSettings, type Settings } from '@/lib/settings';
import { t } from './strings';
import { Section } from './ui';
import type { SettingsState } from './useSettings';

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

export function GeneralSection({ state }: { state: SettingsState }) {
  const { settings, update } = state;
  const [reset, setReset] = useState(false);
  if (!settings) return null;
  const set = (change: Partial<Settings>) => {
    setReset(false);
    void update(change);
  };
  return (
    <Section id="general" title={t.sections.general}>
      <p>
        <label>
          <input
            type="checkbox"
            checked={settings.enabled}
            aria-describedby="enabled-hint"
            onChange={(e) => set({ enabled: e.currentTarget.checked })}
          />{' '}
          {t.general.enabled}
        </label>
        <br />
        <span id="enabled-hint" class="hint">
          {t.general.enabledHint}
        </span>
      </p>
      <fieldset>
        <legend>{t.general.languages}</legend>
        <p class="hint">{t.general.languagesHint}</p>
        <div class="choices">
          {LANGUAGES.map((lang) => (
            <label key={lang}>
              <input
                type="checkbox"
                checked={settings.languages.includes(lang)}
                onChange={(e) =>
                  set({ languages: toggle(settings.languages, lang, e.currentTarget.checked) })
                }
              />{' '}
              {t.languageNames[lang] ?? lang}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.general.categories}</legend>
        <div class="choices">
          {CATEGORIES.map((category) => (
            <label key={category}>
              <input
                type="checkbox"
                checked={settings.categories.includes(category)}
                onChange={(e) =>
                  set({
                    categories: toggle(settings.categories, category, e.currentTarget.checked),
                  })
                }
              />{' '}
              {t.general.category[category]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.general.cardDetail}</legend>
        {(['compact', 'full'] as const).map((detail) => (
          <label key={detail} class="block">
            <input
              type="radio"
              name="card-detail"
              value={detail}
              checked={settings.cardDetail === detail}
              onChange={() => set({ cardDetail: detail })}
            />{' '}
            {t.general.detail[detail]}
          </label>
        ))}
      </fieldset>
      <p>
        <button type="button" onClick={() => void resetSettings().then(() => setReset(true))}>
          {t.general.reset}
        </button>{' '}
        <span role="status">{reset ? t.general.resetDone : ''}</span>
      </p>
    </Section>
  );
}
