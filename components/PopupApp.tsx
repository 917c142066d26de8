import { PageSummary } from './PageSummary';
import { StatusLine } from './StatusLine';
import { useActiveTabReport } from './useActiveTabReport';
import { useBackgroundStatus } from './useBackgroundStatus';

export function PopupApp() {
  const status = useBackgroundStatus();
  const page = useActiveTabReport();
  return (
    <main class="popup">
      <h1>Context Cards</h1>
      <PageSummary state={page} />
      <StatusLine state={status} />
    </main>
  );
}
