import { describe, expect, it } from 'vitest';
import { frameWorthReading, whenFrameWorthReading } from '@/lib/page/frame-gate';
import { sameOriginAsTop, topPage } from '@/lib/page/frames';

interface FakeWindow {
  top: FakeWindow | null;
  location: { origin: string; href: string };
  performance: { timeOrigin: number };
  innerWidth: number;
  innerHeight: number;
  listeners: Map<string, () => void>;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string): void;
}

/** A window of `origin`; a frame of `top` when given. Another origin's location throws. */
function fakeWindow(origin: string, top?: FakeWindow, size = [800, 600]): FakeWindow {
  const win: FakeWindow = {
    top: null,
    location: { origin, href: `${origin}/page` },
    performance: { timeOrigin: 1234.5 },
    innerWidth: size[0]!,
    innerHeight: size[1]!,
    listeners: new Map(),
    addEventListener(type, listener) {
      this.listeners.set(type, listener);
    },
    removeEventListener(type) {
      this.listeners.delete(type);
    },
  };
  win.top = top ?? win;
  return win;
}

/** The top window as a frame of another origin sees it: reading its location throws. */
function foreignTop(): FakeWindow {
  const top = fakeWindow('https://other.example');
  Object.defineProperty(top, 'location', {
    get() {
      throw new DOMException(
        'Blocked a frame from accessing a cross-origin frame',
        'SecurityError',
      );
    },
  });
  return top;
}

const asWindow = (w: FakeWindow) => w as unknown as Window;

function docWithText(chars: number): Document {
  const doc = document.implementation.createHTMLDocument('frame');
  doc.body.textContent = 'x'.repeat(chars);
  return doc;
}

const never = new AbortController().signal;

describe('frames', () => {
  it("knows a frame of the top frame's origin from one of another origin", () => {
    const top = fakeWindow('https://news.example');
    expect(sameOriginAsTop(asWindow(top))).toBe(true);
    expect(sameOriginAsTop(asWindow(fakeWindow('https://news.example', top)))).toBe(true);
    expect(sameOriginAsTop(asWindow(fakeWindow('https://ads.example', top)))).toBe(false);
    expect(sameOriginAsTop(asWindow(fakeWindow('https://ads.example', foreignTop())))).toBe(false);
  });

  it("names the tab's page by the top frame's URL and document", () => {
    const top = fakeWindow('https://news.example');
    top.performance.timeOrigin = 99.25;
    expect(topPage(asWindow(fakeWindow('https://news.example', top)))).toEqual({
      url: 'https://news.example/page',
      page: '99.25',
    });
  });
});

describe('frame gate', () => {
  const top = fakeWindow('https://news.example');

  it('reads the top frame always, and a same-origin frame only when big enough and with text', () => {
    expect(frameWorthReading(asWindow(top), docWithText(0))).toBe(true);
    const frame = (size: number[]) => asWindow(fakeWindow('https://news.example', top, size));
    expect(frameWorthReading(frame([700, 300]), docWithText(500))).toBe(true);
    expect(frameWorthReading(frame([700, 300]), docWithText(20))).toBe(false);
    expect(frameWorthReading(frame([0, 0]), docWithText(500))).toBe(false);
    expect(frameWorthReading(frame([1, 1]), docWithText(500))).toBe(false);
    const foreign = asWindow(fakeWindow('https://ads.example', foreignTop(), [700, 300]));
    expect(frameWorthReading(foreign, docWithText(500))).toBe(false);
  });

  it('answers at once for the top frame and for a frame of another origin', async () => {
    expect(await whenFrameWorthReading(asWindow(top), docWithText(0), { signal: never })).toBe(
      true,
    );
    const foreign = asWindow(fakeWindow('https://ads.example', foreignTop()));
    expect(await whenFrameWorthReading(foreign, docWithText(500), { signal: never })).toBe(false);
  });

  it('waits for a hidden frame to be shown, and for an empty one to be filled', async () => {
    const hidden = fakeWindow('https://news.example', top, [0, 0]);
    const shown = whenFrameWorthReading(asWindow(hidden), docWithText(500), {
      signal: never,
      batchMs: 1,
    });
    hidden.innerWidth = 700;
    hidden.innerHeight = 300;
    hidden.listeners.get('resize')!();
    expect(await shown).toBe(true);
    expect(hidden.listeners.size).toBe(0);

    const doc = docWithText(0);
    const filled = whenFrameWorthReading(asWindow(fakeWindow('https://news.example', top)), doc, {
      signal: never,
      batchMs: 1,
    });
    doc.body.append(doc.createTextNode('y'.repeat(300)));
    expect(await filled).toBe(true);
  });

  it('gives up, and stops listening, when the content script goes away', async () => {
    const frame = fakeWindow('https://news.example', top, [0, 0]);
    const controller = new AbortController();
    const waiting = whenFrameWorthReading(asWindow(frame), docWithText(500), {
      signal: controller.signal,
    });
    controller.abort();
    expect(await waiting).toBe(false);
    expect(frame.listeners.size).toBe(0);
  });
});
