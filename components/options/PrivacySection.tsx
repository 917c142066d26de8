import { t } from './strings';
import { SafeLink, Section } from './ui';

export function PrivacySection({ homepage }: { homepage?: string | undefined }) {
  return (
    <Section id="privacy" title={t.sections.privacy}>
      {t.privacy.paragraphs.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
      {homepage && (
        <p>
          <SafeLink href={homepage}>{t.privacy.source}</SafeLink>
        </p>
      )}
    </Section>
  );
}
