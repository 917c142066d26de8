import type { Locale } from './locale';
import { POPUP_STRINGS } from './popupStrings';
import type { TabReportState } from './useTabReport';

/** Why nothing is marked, when the reader turned marking off here or everywhere. */
export type SiteState = 'on' | 'site-off' | 'all-off';

/** What the extension found on the current page, in one sentence. */
export function PageSummary({
  state,
  readable,
  site = 'on',
  locale = 'en',
}: {
  state: TabReportState;
  readable: boolean;
  site?: SiteState;
  locale?: Locale;
}) {
  const t = POPUP_STRINGS[locale].summary;
  let text: string;
  if (readable && site === 'all-off') text = t.allOff;
  else if (readable && site === 'site-off') text = t.siteOff;
  else
    switch (state.kind) {
      case 'loading':
        text = t.loading;
        break;
      case 'not-scanned':
        // Off-topic pages send no report at all (stage 1 stops there), so no report on a
        // page the extension can read means nothing was found.
        text = readable ? t.nothing : t.notScanned;
        break;
      case 'scanned':
        text = state.report.count === 0 ? t.nothing : t.found(state.report.count);
        break;
    }
  return (
    // Polite: the count changes while the popup is open (a rescan, the site switch).
    <p class="page-summary" aria-live="polite" data-state={site === 'on' ? state.kind : site}>
      {text}
    </p>
  );
}
