import { StatusLine } from './StatusLine';
import { useBackgroundStatus } from './useBackgroundStatus';

export function PopupApp() {
  const status = useBackgroundStatus();
  return (
    <main class="popup">
      <h1>Context Cards</h1>
      <StatusLine state={status} />
    </main>
  );
}
