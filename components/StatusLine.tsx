import type { Locale } from './locale';
import { POPUP_STRINGS } from './popupStrings';
import type { StatusState } from './useBackgroundStatus';

/** One line saying whether the extension's data is ready (the popup's last line). */
export function StatusLine({ state, locale = 'en' }: { state: StatusState; locale?: Locale }) {
  const t = POPUP_STRINGS[locale].status;
  let text: string;
  switch (state.kind) {
    case 'loading':
      text = t.checking;
      break;
    case 'error':
      text = t.unreachable(state.message);
      break;
    case 'ready':
      text = state.status.datasetVersion
        ? t.ready(state.status.version, state.status.datasetVersion)
        : t.noDataset(state.status.version);
      break;
  }
  return (
    <p class="status" role="status" data-state={state.kind}>
      {text}
    </p>
  );
}
