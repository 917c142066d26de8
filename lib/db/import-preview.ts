import type { Problem } from '@/lib/dataset/crossref';
import type { Dataset } from '@/lib/dataset/schema';
import type { CollectionDiff, DatasetDiff } from '@/lib/messages/explore-schema';

// Not imported from ./schema, which loads Dexie: the options page uses this module too.
const DATASET_TABLES = ['sources', 'series', 'figures', 'claims', 'findings', 'lexicon'] as const;
type DatasetTable = (typeof DATASET_TABLES)[number];

const keyOf = (table: DatasetTable, record: unknown): string =>
  table === 'lexicon' ? (record as { lang: string }).lang : (record as { id: string }).id;

/** JSON with keys in a fixed order, so two equal records compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What replacing `before` (the stored dataset, or nothing) with `after` changes: for each
 * collection the ids added, removed and changed, sorted.
 */
export function diffDatasets(before: Dataset | null, after: Dataset): DatasetDiff {
  const out = {} as DatasetDiff;
  for (const table of DATASET_TABLES) {
    const old = new Map<string, string>();
    for (const record of before?.[table] ?? []) old.set(keyOf(table, record), canonical(record));
    const diff: CollectionDiff = { added: [], removed: [], changed: [], unchanged: 0 };
    const seen = new Set<string>();
    for (const record of after[table]) {
      const key = keyOf(table, record);
      if (seen.has(key)) continue;
      seen.add(key);
      const previous = old.get(key);
      if (previous === undefined) diff.added.push(key);
      else if (previous !== canonical(record)) diff.changed.push(key);
      else diff.unchanged++;
    }
    for (const key of old.keys()) if (!seen.has(key)) diff.removed.push(key);
    diff.added.sort();
    diff.removed.sort();
    diff.changed.sort();
    out[table] = diff;
  }
  return out;
}

/** Whether a diff changes anything at all. */
export function diffIsEmpty(diff: DatasetDiff): boolean {
  return DATASET_TABLES.every((t) => {
    const d = diff[t];
    return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
  });
}

/** Something that reads as an HTML/XML tag, comment or processing instruction. */
const MARKUP = /<\s*[a-z!/?]/i;
/** A script or data address inside a text (`javascript:`, `vbscript:`, `data:text/html,`). */
const SCHEME = /\b(?:javascript|vbscript)\s*:|\bdata:[a-z]+\/[a-z0-9.+-]+[;,]/i;

/**
 * The rule an imported dataset adds to the schemas: its texts are plain text. The views
 * render text as text anyway; a dataset that carries tags or script URLs is refused so
 * that no export or other tool ever passes them on. Every string in the dataset is checked.
 */
export function markupProblems(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (MARKUP.test(value)) {
        problems.push({
          path,
          message: 'must be plain text: markup such as <tags> is not allowed',
        });
      } else if (SCHEME.test(value)) {
        problems.push({ path, message: 'must not contain a script or data address' });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path === '' ? k : `${path}.${k}`);
    }
  };
  visit(dataset, '');
  return problems;
}
