import type { Settings } from '@/lib/settings';
import { t } from './strings';
import { Section } from './ui';
import type { SettingsState } from './useSettings';

export function AppearanceSection({ state }: { state: SettingsState }) {
  const { settings, update } = state;
  if (!settings) return null;
  const set = (change: Partial<Settings>) => void update(change);
  return (
    <Section id="appearance" title={t.sections.appearance}>
      <fieldset>
        <legend>{t.appearance.style}</legend>
        {(['underline', 'background', 'marker'] as const).map((style) => (
          <label key={style} class="block">
            <input
              type="radio"
              name="highlight-style"
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => set({ highlightStyle: style })}
            />{' '}
            {t.appearance.styles[style]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t.appearance.theme}</legend>
        {(['system', 'light', 'dark'] as const).map((theme) => (
          <label key={theme} class="block">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => set({ theme })}
            />{' '}
            {t.appearance.themes[theme]}
          </label>
        ))}
      </fieldset>
      <figure class="preview" data-theme={settings.theme} aria-label={t.appearance.preview}>
        <figcaption>{t.appearance.preview}</figcaption>
        <p class="preview-text" data-testid="preview-text">
          {settings.highlightStyle === 'marker' && (
            <span class="preview-marker" aria-hidden="true">
              ▍
            </span>
          )}
          {t.appearance.previewBefore}
          <mark
            class={`preview-mark style-${settings.highlightStyle}`}
            data-style={settings.highlightStyle}
          >
            {t.appearance.previewMark}
          </mark>
          {t.appearance.previewAfter}
        </p>
        <div class="preview-card" data-detail={settings.cardDetail}>
          <p class="card-kind">{t.appearance.cardTitle}</p>
          <p>
            <strong>{t.appearance.cardBody}</strong>
          </p>
          {settings.cardDetail === 'full' && <p>{t.appearance.cardContrast}</p>}
          <p class="hint">{t.appearance.cardSource}</p>
        </div>
      </figure>
    </Section>
  );
}
