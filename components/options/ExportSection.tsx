import { useState } from 'preact/hooks';
import { datasetToClaimReviews } from '@/lib/dataset/claimreview';
import { datasetToJsonLd, figuresToCsv } from '@/lib/dataset/exports';
import { sendRequest } from '@/lib/messages/client';
import {
  dismissalsItem,
  getSettings,
  parseSettingsFile,
  replaceDismissals,
  settingsFile,
  updateSettings,
} from '@/lib/settings';
import { t } from './strings';
import { Section, downloadText, errorText, type Download } from './ui';

type Format = 'dataset' | 'claimReview' | 'datasetLd' | 'csv';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function ExportSection({ download = downloadText }: { download?: Download }) {
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ path: string; message: string }[]>([]);

  const exportDataset = async (format: Format) => {
    setProblems([]);
    try {
      const { dataset } = await sendRequest({ type: 'export-dataset' });
      const base = `context-cards-${dataset.version}`;
      const files: Record<Format, [string, string, () => string]> = {
        dataset: [`${base}.json`, 'application/json', () => json(dataset)],
        claimReview: [
          `${base}-claimreview.jsonld`,
          'application/ld+json',
          () => json(datasetToClaimReviews(dataset)),
        ],
        datasetLd: [
          `${base}-dataset.jsonld`,
          'application/ld+json',
          () => json(datasetToJsonLd(dataset)),
        ],
        csv: [`${base}-figures.csv`, 'text/csv;charset=utf-8', () => figuresToCsv(dataset)],
      };
      const [name, mime, make] = files[format];
      download(name, mime, make());
      setMessage(t.exportSection.saved(name));
    } catch (error) {
      setMessage(t.data.error(errorText(error)));
    }
  };

  const exportSettings = async () => {
    setProblems([]);
    const file = settingsFile(await getSettings(), await dismissalsItem.getValue());
    const name = 'context-cards-settings.json';
    download(name, 'application/json', json(file));
    setMessage(t.exportSection.saved(name));
  };

  const importSettings = async (file: File | undefined) => {
    if (!file) return;
    const result = parseSettingsFile(await file.text());
    if (!result.ok) {
      setMessage(t.exportSection.settingsInvalid);
      setProblems(result.problems);
      return;
    }
    await updateSettings(() => result.settings);
    await replaceDismissals(result.dismissals);
    setProblems([]);
    setMessage(t.exportSection.settingsLoaded);
  };

  const button = (format: Format, label: string) => (
    <button type="button" onClick={() => void exportDataset(format)}>
      {label}
    </button>
  );

  return (
    <Section id="export" title={t.sections.export}>
      <p>{t.exportSection.intro}</p>
      <p class="buttons">
        {button('dataset', t.exportSection.dataset)}{' '}
        {button('claimReview', t.exportSection.claimReview)}{' '}
        {button('datasetLd', t.exportSection.datasetLd)} {button('csv', t.exportSection.csv)}
      </p>
      <p class="buttons">
        <button type="button" onClick={() => void exportSettings()}>
          {t.exportSection.settings}
        </button>
      </p>
      <p>
        <label for="settings-file">{t.exportSection.settingsImport}</label>{' '}
        <input
          id="settings-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void importSettings(e.currentTarget.files?.[0])}
        />
      </p>
      <div aria-live="polite">
        {message && (
          <p role={problems.length > 0 ? 'alert' : 'status'} data-testid="export-message">
            {message}
          </p>
        )}
        {problems.length > 0 && (
          <ul class="problems">
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
