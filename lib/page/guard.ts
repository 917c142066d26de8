/**
 * The one place where the extension's page-side work meets the page. Nothing thrown
 * here may reach the page's own error handlers: errors are caught and logged with a
 * prefix the page cannot confuse with its own.
 */
export function runGuarded(label: string, work: () => unknown): void {
  try {
    const result = work();
    if (result instanceof Promise) result.catch((error: unknown) => report(label, error));
  } catch (error) {
    report(label, error);
  }
}

function report(label: string, error: unknown): void {
  // Extension context invalidated (after an update) is expected and silent.
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('Extension context invalidated')) return;
  console.debug(`[context-cards] ${label} failed:`, message);
}
