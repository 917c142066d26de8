import type { StatusState } from './useBackgroundStatus';

/** One line saying whether the extension's data is ready, for the popup and options. */
export function StatusLine({ state }: { state: StatusState }) {
  let text: string;
  switch (state.kind) {
    case 'loading':
      text = 'Checking…';
      break;
    case 'error':
      text = `Background not reachable: ${state.message}`;
      break;
    case 'ready':
      text = state.status.datasetVersion
        ? `Version ${state.status.version} · dataset ${state.status.datasetVersion}`
        : `Version ${state.status.version} · dataset not loaded yet`;
      break;
  }
  return (
    <p class="status" role="status" data-state={state.kind}>
      {text}
    </p>
  );
}
