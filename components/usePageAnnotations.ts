import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupListResponse, type PopupAnnotation } from '@/lib/messages/page-protocol';

export type PageAnnotationsState =
  | { kind: 'loading' }
  | { kind: 'listed'; items: PopupAnnotation[] }
  /** No stage 2 in the tab: nothing was found there, or the page cannot be scanned. */
  | { kind: 'none' };

/**
 * The annotations stage 2 painted in tab `tabId` (validated; nothing when it is absent),
 * asked for again whenever `revision` changes (a new report from the tab: its annotations
 * changed). The last list stays shown while the next one is on its way.
 */
export function usePageAnnotations(
  /** Undefined while it is not known yet (nothing is asked). */
  tabId: number | null | undefined,
  revision: unknown = null,
): PageAnnotationsState {
  const [state, setState] = useState<PageAnnotationsState>({ kind: 'loading' });
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setState({ kind: 'none' });
      return;
    }
    let live = true;
    // In a promise chain, so a browser that throws at once (no receiver) is handled too.
    Promise.resolve()
      .then(() => browser.tabs.sendMessage(tabId, { type: 'popup-list' }, { frameId: 0 }))
      .then((answer: unknown) => {
        const parsed = PopupListResponse.safeParse(answer);
        if (live)
          setState(
            parsed.success ? { kind: 'listed', items: parsed.data.items } : { kind: 'none' },
          );
      })
      .catch(() => live && setState({ kind: 'none' }));
    return () => {
      live = false;
    };
  }, [tabId, revision]);
  return state;
}

/** Asks the tab to scroll to an annotation and open its card. */
export async function openAnnotation(tabId: number, key: string): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'popup-open', key }, { frameId: 0 });
}
