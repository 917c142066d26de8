import { useEffect, useState } from 'preact/hooks';
import { AppearanceSection } from './AppearanceSection';
import { DataSection } from './DataSection';
import { DismissedSection } from './DismissedSection';
import { ExportSection } from './ExportSection';
import { GeneralSection } from './GeneralSection';
import { ImportSection } from './ImportSection';
import { PrivacySection } from './PrivacySection';
import { SitesSection } from './SitesSection';
import { t } from './strings';
import type { Download } from './ui';
import { useSettings } from './useSettings';

const SECTIONS = [
  'general',
  'sites',
  'appearance',
  'data',
  'import',
  'export',
  'dismissed',
  'privacy',
] as const;

/**
 * The options page: settings, the data explorer, import and export, privacy. Sections can
 * be linked to: `options.html#general`, `#sites`, `#appearance`, `#data`, `#import`,
 * `#export`, `#dismissed`, `#privacy`.
 */
export function OptionsApp({ download, homepage }: { download?: Download; homepage?: string }) {
  const settings = useSettings();
  // Bumped after an import or restore, so the data views read the new dataset.
  const [dataVersion, setDataVersion] = useState(0);
  const theme = settings.settings?.theme ?? 'system';
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  // The popup links to `options.html#data`: the sections exist only once settings are read.
  const ready = settings.settings !== null;
  useEffect(() => {
    if (!ready) return;
    const id = decodeURIComponent(location.hash.slice(1));
    if ((SECTIONS as readonly string[]).includes(id)) document.getElementById(id)?.scrollIntoView();
  }, [ready]);

  return (
    <div class="options">
      <h1>{t.title}</h1>
      <nav aria-label={t.nav}>
        <ul class="nav">
          {SECTIONS.map((id) => (
            <li key={id}>
              <a href={`#${id}`}>{t.sections[id]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {settings.error && (
          <p role="alert" class="problem">
            {settings.error}
          </p>
        )}
        <GeneralSection state={settings} />
        <SitesSection state={settings} />
        <AppearanceSection state={settings} />
        <DataSection refresh={dataVersion} />
        <ImportSection onChanged={() => setDataVersion((n) => n + 1)} />
        <ExportSection {...(download ? { download } : {})} />
        <DismissedSection />
        <PrivacySection homepage={homepage} />
      </main>
    </div>
  );
}
