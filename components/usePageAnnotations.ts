import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { framesWithAnnotations, type TabReport } from '@/lib/badge/tab-report';
import { PopupListResponse, type PopupAnnotation } from '@/lib/messages/page-answers';

/** An annotation as the popup lists it: with the frame of the tab it is painted in. */
export type ListedAnnotation = PopupAnnotation & { frameId: number };

export type PageAnnotationsState =
  | { kind: 'loading' }
  | { kind: 'listed'; items: ListedAnnotation[] }
  /** No stage 2 in the tab: nothing was found there, or the page cannot be scanned. */
  | { kind: 'none' };

/**
 * The annotations stage 2 painted in tab `tabId` (validated; nothing when it is absent):
 * the top frame's, then those of each frame that reported annotations, in frame order.
 * Asked for again with each new `report` of the tab (its annotations changed), which
 * also names the frames to ask. The last list stays shown while the next one is on its way.
 */
export function usePageAnnotations(
  /** Undefined while it is not known yet (nothing is asked). */
  tabId: number | null | undefined,
  /** The tab's latest report (`useTabReport`), null when it has none. */
  report: TabReport | null,
): PageAnnotationsState {
  const [state, setState] = useState<PageAnnotationsState>({ kind: 'loading' });
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setState({ kind: 'none' });
      return;
    }
    let live = true;
    void (async () => {
      const frameIds = [...new Set([0, ...framesWithAnnotations(report)])];
      const lists = await Promise.all(frameIds.map((frameId) => listFrame(tabId, frameId)));
      if (!live) return;
      if (lists.every((list) => list === null)) {
        setState({ kind: 'none' });
        return;
      }
      setState({ kind: 'listed', items: lists.flatMap((list) => list ?? []) });
    })();
    return () => {
      live = false;
    };
  }, [tabId, report]);
  return state;
}

/** One frame's list, or null when it has no stage 2 or its answer breaks the protocol. */
async function listFrame(tabId: number, frameId: number): Promise<ListedAnnotation[] | null> {
  try {
    // In a promise chain, so a browser that throws at once (no receiver) is handled too.
    const answer: unknown = await Promise.resolve().then(() =>
      browser.tabs.sendMessage(tabId, { type: 'popup-list' }, { frameId }),
    );
    const parsed = PopupListResponse.safeParse(answer);
    return parsed.success ? parsed.data.items.map((item) => ({ ...item, frameId })) : null;
  } catch {
    return null;
  }
}

/** Asks the tab's frame to scroll to an annotation and open its card. */
export async function openAnnotation(tabId: number, key: string, frameId = 0): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'popup-open', key }, { frameId });
}
