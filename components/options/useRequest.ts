import { useEffect, useState } from 'preact/hooks';
import { errorText } from './ui';

export type Loaded<T> =
  { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string };

/** Runs `load` on mount and whenever `key` changes; the answer of a stale run is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: unknown = 0): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    load().then(
      (value) => live && setState({ kind: 'ready', value }),
      (error: unknown) => live && setState({ kind: 'error', message: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}
