/**
 * Frames of a tab, seen from one of them: whether it is the top frame or a frame of the
 * same origin (the only frames the extension reads), and which page of the tab it belongs
 * to. Reads only `location` and `performance` of the top window, which a same-origin frame
 * may read; nothing here touches a document.
 */

/** The tab's page as a frame sees it: the top frame's URL and which document it is. */
export interface TopPage {
  url: string;
  /** The top document's `performance.timeOrigin`: two documents of one tab never share it. */
  page: string;
}

/** The top window, or null where this frame may not read it (another origin, a sandbox). */
function readableTop(win: Window): Window | null {
  try {
    const top = win.top;
    if (!top) return null;
    // Throws for a frame of another origin (or an opaque one).
    return top === win || top.location.origin === win.location.origin ? top : null;
  } catch {
    return null;
  }
}

export function isTopFrame(win: Window): boolean {
  return win.top === win;
}

/** The top frame, or a frame of the top frame's origin. */
export function sameOriginAsTop(win: Window): boolean {
  return readableTop(win) !== null;
}

/** The page this frame belongs to; its own when the top cannot be read. */
export function topPage(win: Window): TopPage {
  const top = readableTop(win) ?? win;
  return { url: top.location.href, page: String(top.performance.timeOrigin) };
}
