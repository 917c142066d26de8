import { StatusLine } from './StatusLine';
import { useBackgroundStatus } from './useBackgroundStatus';

export function OptionsApp() {
  const status = useBackgroundStatus();
  return (
    <main class="options">
      <h1>Context Cards: Options</h1>
      <StatusLine state={status} />
    </main>
  );
}
