import type { TabReportState } from './useActiveTabReport';

/** What the extension found on the current page, in one sentence. */
export function PageSummary({ state }: { state: TabReportState }) {
  let text: string;
  switch (state.kind) {
    case 'loading':
      text = 'Looking at this page…';
      break;
    case 'not-scanned':
      text = 'This page was not scanned (only http and https pages are).';
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
