/**
 * Starts a browser, and starts it once more if the first start fails: a slow first start
 * (Firefox's, on a fresh machine) leaves the caches it built behind, so the second start
 * is a warm one. An error says what went wrong both times.
 */
export async function launchWithRetry<T>(launch: () => Promise<T>): Promise<T> {
  try {
    return await launch();
  } catch (first) {
    try {
      return await launch();
    } catch (second) {
      throw new Error(
        `the browser did not start, twice: ${(first as Error).message}; then: ${(second as Error).message}`,
        { cause: second },
      );
    }
  }
}
