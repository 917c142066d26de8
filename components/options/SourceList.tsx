import type { Source } from '@/lib/dataset/schema';
import { t } from './strings';
import { SafeLink } from './ui';

export function SourceList({ sources }: { sources: readonly Source[] }) {
  if (sources.length === 0) return null;
  return (
    <ul class="sources">
      {sources.map((s) => (
        <li key={s.id}>
          {s.publisher}: <SafeLink href={s.url}>{s.title}</SafeLink> (
          {s.published ?? t.data.undated})
        </li>
      ))}
    </ul>
  );
}
