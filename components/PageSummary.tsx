import type { TabReportState } from './useActiveTabReport';

/** What the extension found on the current page, in one sentence. */
export function PageSummary({ state, readable }: { state: TabReportState; readable: boolean }) {
  let text: string;
  switch (state.kind) {
    case 'loading':
      text = 'Looking at this page…';
      break;
    case 'not-scanned':
      // Off-topic pages send no report at all (stage 1 stops there), so no report on a
      // page the extension can read means nothing was found.
      text = readable
        ? 'Nothing on this page is about deported Ukrainian children.'
        : 'This page was not scanned (only http and https pages are).';
      break;
    case 'scanned':
      text =
        state.report.count === 0
          ? 'Nothing on this page is about deported Ukrainian children.'
          : `${state.report.count} ${state.report.count === 1 ? 'passage' : 'passages'} on this page about deported Ukrainian children.`;
      break;
  }
  return (
    <p class="page-summary" data-state={state.kind}>
      {text}
    </p>
  );
}
