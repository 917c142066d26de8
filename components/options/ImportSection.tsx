import { useRef, useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES, type DatasetDiff } from '@/lib/messages/explore-schema';
import { sendRequest } from '@/lib/messages/client';
import type { ResponseOf } from '@/lib/messages/protocol';
import { t } from './strings';
import { Section, errorText } from './ui';

type Problem = { path: string; message: string };
type Preview = Extract<ResponseOf<'preview-import'>, { valid: true }>;

type State =
  | { kind: 'idle'; message: string | null }
  | { kind: 'checking' }
  | { kind: 'invalid'; problems: Problem[]; total: number; message?: string }
  | { kind: 'preview'; preview: Preview; text: string }
  | { kind: 'applying' }
  | { kind: 'done'; message: string }
  | { kind: 'restore-ask' };

const COLLECTIONS = ['claims', 'figures', 'findings', 'series', 'sources', 'lexicon'] as const;

function ProblemList({ problems, total }: { problems: Problem[]; total: number }) {
  return (
    <>
      <ul class="problems">
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
      {total > problems.length && <p>{t.import.more(total - problems.length)}</p>}
    </>
  );
}

function DiffTable({ diff }: { diff: DatasetDiff }) {
  return (
    <table class="data-table" data-testid="import-diff">
      <thead>
        <tr>
          <th scope="col">{t.import.collection}</th>
          <th scope="col">{t.import.added}</th>
          <th scope="col">{t.import.removed}</th>
          <th scope="col">{t.import.changed}</th>
          <th scope="col">{t.import.unchanged}</th>
        </tr>
      </thead>
      <tbody>
        {COLLECTIONS.map((name) => {
          const d = diff[name];
          const ids = (list: string[]) =>
            list.length === 0
              ? '0'
              : `${list.length}: ${list.slice(0, 8).join(', ')}${list.length > 8 ? ', …' : ''}`;
          return (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{ids(d.added)}</td>
              <td>{ids(d.removed)}</td>
              <td>{ids(d.changed)}</td>
              <td>{d.unchanged}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Import an updated dataset: choose a file, see every problem or what would change, then
 * confirm or cancel. `onChanged` tells the page that the stored dataset changed.
 */
export function ImportSection({ onChanged }: { onChanged: () => void }) {
  const [state, setState] = useState<State>({ kind: 'idle', message: null });
  const input = useRef<HTMLInputElement>(null);

  const reset = (message: string | null) => {
    if (input.current) input.current.value = '';
    setState({ kind: 'idle', message });
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      if (input.current) input.current.value = '';
      const problem = {
        path: '(file)',
        message: t.import.tooLarge((file.size / 1024 / 1024).toFixed(1)),
      };
      setState({ kind: 'invalid', problems: [problem], total: 1, message: problem.message });
      return;
    }
    setState({ kind: 'checking' });
    try {
      const text = await file.text();
      // Read once: choosing the same file again (after fixing it) is a new change.
      if (input.current) input.current.value = '';
      const result = await sendRequest({ type: 'preview-import', text });
      if (result.valid) setState({ kind: 'preview', preview: result, text });
      else setState({ kind: 'invalid', problems: result.problems, total: result.total });
    } catch (error) {
      setState({ kind: 'done', message: t.import.failed(errorText(error)) });
    }
  };

  const confirm = async (preview: Preview, text: string) => {
    setState({ kind: 'applying' });
    try {
      const result = await sendRequest({ type: 'apply-import', text, expect: preview.token });
      if (result.applied) {
        onChanged();
        reset(t.import.done(result.version));
      } else if (result.reason === 'stale') {
        reset(t.import.stale);
      } else {
        setState({ kind: 'invalid', problems: result.problems, total: result.total });
      }
    } catch (error) {
      reset(t.import.failed(errorText(error)));
    }
  };

  const restore = async () => {
    setState({ kind: 'applying' });
    try {
      const result = await sendRequest({ type: 'restore-bundled' });
      onChanged();
      reset(t.import.restored(result.version));
    } catch (error) {
      reset(t.import.failed(errorText(error)));
    }
  };

  return (
    <Section id="import" title={t.sections.import}>
      <p>{t.import.intro}</p>
      <p>
        <label for="import-file">{t.import.file}</label>{' '}
        <input
          id="import-file"
          ref={input}
          type="file"
          accept=".json,application/json"
          disabled={state.kind === 'checking' || state.kind === 'applying'}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
      </p>
      <div aria-live="polite">
        {state.kind === 'checking' && <p role="status">{t.import.checking}</p>}
        {state.kind === 'applying' && <p role="status">{t.import.applying}</p>}
        {(state.kind === 'idle' || state.kind === 'done') && state.message && (
          <p role="status" data-testid="import-message">
            {state.message}
          </p>
        )}
      </div>
      {state.kind === 'invalid' && (
        <div role="alert" class="problem-box">
          <p>{state.message ?? t.import.invalid(state.total)}</p>
          {state.message === undefined && (
            <ProblemList problems={state.problems} total={state.total} />
          )}
        </div>
      )}
      {state.kind === 'preview' && (
        <div class="preview-box" aria-labelledby="import-summary">
          <p id="import-summary">
            {t.import.summary(
              state.preview.version,
              state.preview.previous
                ? `${state.preview.previous.version} (${state.preview.previous.origin})`
                : null,
            )}
          </p>
          <DiffTable diff={state.preview.diff} />
          {state.preview.warnings.length > 0 && (
            <details>
              <summary>{t.import.warnings(state.preview.warnings.length)}</summary>
              <ProblemList
                problems={state.preview.warnings}
                total={state.preview.warnings.length}
              />
            </details>
          )}
          <p>
            <button type="button" onClick={() => void confirm(state.preview, state.text)}>
              {t.import.confirm}
            </button>{' '}
            <button type="button" onClick={() => reset(t.import.cancelled)}>
              {t.import.cancel}
            </button>
          </p>
        </div>
      )}
      <h3>{t.import.restore}</h3>
      {state.kind === 'restore-ask' ? (
        <p>
          {t.import.restoreAsk}{' '}
          <button type="button" onClick={() => void restore()}>
            {t.import.restoreYes}
          </button>{' '}
          <button type="button" onClick={() => reset(null)}>
            {t.import.cancel}
          </button>
        </p>
      ) : (
        <p>
          <button
            type="button"
            disabled={state.kind === 'checking' || state.kind === 'applying'}
            onClick={() => setState({ kind: 'restore-ask' })}
          >
            {t.import.restore}
          </button>
        </p>
      )}
    </Section>
  );
}
