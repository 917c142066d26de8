import { useEffect, useState } from 'preact/hooks';
import { sendRequest, type ResponseOf } from '@/lib/messages';

export type StatusState =
  | { kind: 'loading' }
  | { kind: 'ready'; status: ResponseOf<'status'> }
  | { kind: 'error'; message: string };

/** Asks the background for its status once, on mount. */
export function useBackgroundStatus(): StatusState {
  const [state, setState] = useState<StatusState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    sendRequest({ type: 'status' }).then(
      (status) => live && setState({ kind: 'ready', status }),
      (error: unknown) =>
        live &&
        setState({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
