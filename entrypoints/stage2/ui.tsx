/// <reference types="vite/client" />
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import cardCss from '@/components/card/card.css?inline';
import recordsCss from '@/components/card/records.css?inline';
import {
  AnnotationLayer,
  type MarkerView,
  type OverlayView,
} from '@/components/card/AnnotationLayer';
import { ContextCard } from '@/components/card/ContextCard';
import { uiLangOf } from '@/lib/cards/strings';
import { markerLabel, type CardView } from '@/lib/cards/view';
import { sendPageRequest } from '@/lib/messages/page-client';
import {
  AckResponse,
  GetCardTitlesResponse,
  MAX_ANNOTATION_CARDS,
  MAX_TITLE_ANNOTATIONS,
} from '@/lib/messages/page-answers';
import { clickTarget, isInteractive, itemAtPoint } from '@/lib/page/hit-test';
import { clearPaint, paintActive, paintRanges } from '@/lib/page/paint';
import type { PageItem } from '@/lib/page/page-items';
import { quietTimer } from '@/lib/page/quiet-timer';
import { linkStage3 } from '@/lib/page/stage3-link';

export interface AnnotationUi {
  /** This page's annotations as the popup lists them. */
  list(): { key: string; quote: string; category: PageItem['category']; title: string }[];
  /** Scrolls to an annotation and opens its card (from the popup); false if it is gone. */
  openByKey(key: string): boolean;
  /** How annotations are shown: painted (underline or background) or by markers alone. */
  setStyle(style: 'underline' | 'background' | 'marker'): void;
  /** Moves keyboard focus to the next (or previous) annotation's marker, in page order. */
  focusAnnotation(step: 1 | -1): void;
  /** Shows these annotations (painted, with markers), replacing the previous ones. */
  update(items: PageItem[]): void;
  /** A new dataset is stored: titles and records loaded so far are dropped and asked for again. */
  forgetRecords(): void;
  /** The host element of the extension's one shadow root (ignored by the text watcher). */
  readonly host: HTMLElement;
}

const CARD_HEIGHT = 440;
const CARD_WIDTH = 360;

/** Input events of the card layer that only the reader may cause (see `ui.mount`). */
const UNTRUSTED_BLOCKED = [
  'click',
  'dblclick',
  'auxclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'submit',
] as const;

/** The key of an annotation's card ids, under which its title is kept. */
const cardsKey = (item: PageItem) => item.annotation.cards.join(' ');

/**
 * The reader-facing part of stage 2: highlights, one marker per annotation and the
 * context card, all in one shadow root (WXT `createShadowRootUi`), wired to the page's
 * clicks, resizes and keyboard. Markers are named from card titles the background sends
 * (`get-card-titles`); the records a card shows come from stage 3, loaded when the
 * reader first opens a card or moves to a marker.
 */
export async function createAnnotationUi(
  ctx: ContentScriptContext,
  options: { onDismiss: (key: string) => void },
): Promise<AnnotationUi> {
  const lang = uiLangOf(browser.i18n?.getUILanguage?.() ?? navigator.language);
  let items: PageItem[] = [];
  let openKey: string | null = null;
  // Card titles by `cardsKey` (null: none of the cards exist), and the keys asked for.
  let titles = new Map<string, string | null>();
  let titlesAsked = new Set<string>();
  // The open card's view: null while its records load.
  let shown: { key: string; view: CardView | null; failed: boolean } | null = null;
  let datasetVersion: string | null = null;
  // Counts datasets: an answer about an earlier one is dropped.
  let generation = 0;
  const stage3 = linkStage3(() => sendPageRequest({ type: 'load-stage-3' }, AckResponse));
  let container: HTMLElement | null = null;
  // False where the browser lacks the CSS Custom Highlight API: boxes are drawn instead.
  let highlightApi = true;
  let style: 'underline' | 'background' | 'marker' = 'underline';

  const ui = await createShadowRootUi(ctx, {
    name: 'context-cards-ui',
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    isolateEvents: true,
    css: cardCss + recordsCss,
    onMount(uiContainer, _shadow, host) {
      // Document coordinates: the layer sits at the top left of the page and scrolls with it.
      host.style.setProperty('position', 'absolute', 'important');
      host.style.setProperty('left', '0', 'important');
      host.style.setProperty('top', '0', 'important');
      host.style.setProperty('width', '0', 'important');
      host.style.setProperty('height', '0', 'important');
      host.style.setProperty('z-index', '2147483647', 'important');
      container = uiContainer;
    },
    onRemove() {
      if (container) render(null, container);
    },
  });
  ui.mount();
  // The shadow root is open, so a page can reach the card's buttons: what it dispatches
  // there itself (a scripted "Not relevant" click, keys) stops at the root. The reader's
  // own input, by mouse, keyboard or assistive technology, is trusted and goes through.
  for (const type of UNTRUSTED_BLOCKED)
    ctx.addEventListener(
      ui.shadow,
      type,
      (event: Event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true },
    );

  const markerPosition = (range: Range) => {
    const rects = range.getClientRects();
    const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
    return {
      left: rect.right + window.scrollX,
      top: rect.top + window.scrollY + (rect.height - 16) / 2,
    };
  };

  // Marker places, measured once per layout: opening or closing a card, or records
  // arriving, redraws without asking the page for its boxes again.
  let positions = new Map<string, { left: number; top: number }>();
  // The page's own layout changes (text added, images loaded): while no marker shows (the
  // highlight styles show one only when it has focus or its card is open), the markers are
  // placed again once the page has been quiet for a moment, not at every change. A live
  // page that grew ten times a second had every marker measured each time (most of what
  // the appending bench page cost). A draw that shows a marker places them all first.
  const layoutChanged = quietTimer(() => relayout(), { quietMs: 300, maxWaitMs: 1500 });
  const markersShown = () =>
    style === 'marker' || openKey !== null || ui.shadow.activeElement !== null;
  /** The next draw measures every marker again (and no quiet-time placing is due). */
  const forgetPlaces = () => {
    layoutChanged.cancel();
    positions = new Map();
  };
  const positionOf = (item: PageItem) => {
    let at = positions.get(item.key);
    if (!at) {
      at = markerPosition(item.range);
      positions.set(item.key, at);
    }
    return at;
  };

  const cardPosition = (item: PageItem) => {
    const rect = item.range.getBoundingClientRect();
    const maxLeft = window.scrollX + document.documentElement.clientWidth - CARD_WIDTH - 8;
    const left = Math.max(window.scrollX + 8, Math.min(rect.left + window.scrollX, maxLeft));
    const below = rect.bottom + 8;
    // Flip above the passage when the card would run past the bottom of the viewport.
    const top =
      below + CARD_HEIGHT > window.innerHeight && rect.top - CARD_HEIGHT - 8 > 0
        ? rect.top - CARD_HEIGHT - 8
        : below;
    return { left, top: top + window.scrollY };
  };

  // Marker names, built once per annotation and set of loaded titles (not on every draw).
  let labels = new Map<string, string>();
  const labelOf = (item: PageItem) => {
    let label = labels.get(item.key);
    if (label === undefined) {
      label = markerLabel({ title: titles.get(cardsKey(item)) ?? item.annotation.quote }, lang);
      labels.set(item.key, label);
    }
    return label;
  };

  const focusMarker = (key: string) => {
    const marker = ui.shadow.querySelector<HTMLElement>(
      `.cc-marker[data-key="${CSS.escape(key)}"]`,
    );
    marker?.focus();
  };

  const close = (returnFocus = true) => {
    const key = openKey;
    openKey = null;
    paintActive(null);
    draw();
    if (key && returnFocus) focusMarker(key);
  };

  const open = (key: string) => {
    const item = items.find((i) => i.key === key);
    if (!item) return;
    openKey = key;
    paintActive(item.range);
    void showCard(item);
    draw();
  };

  // The open card's records, from stage 3 (injected on the first card).
  async function showCard(item: PageItem): Promise<void> {
    const mine: NonNullable<typeof shown> = { key: item.key, view: null, failed: false };
    shown = mine;
    const asked = generation;
    try {
      const answer = await (await stage3.records()).view(item.annotation, lang);
      if (shown !== mine || asked !== generation) return;
      mine.view = answer.view;
      datasetVersion = answer.datasetVersion;
    } catch {
      if (shown !== mine || asked !== generation) return;
      mine.failed = true;
    }
    draw();
  }

  // A page that removes the layer gets it back on the next draw, a few times; a page that
  // keeps removing it wins (the highlights stay: they are not nodes).
  let remounts = 0;
  function draw(): void {
    if (!container) return;
    if (!ui.shadowHost.isConnected) {
      if (remounts >= 20) return;
      remounts++;
      ui.mount();
    }
    if (layoutChanged.pending && markersShown()) forgetPlaces();
    const markers: MarkerView[] = items.map((item) => ({
      key: item.key,
      label: labelOf(item),
      category: item.category,
      ...positionOf(item),
    }));
    const overlays: OverlayView[] = [];
    if (!highlightApi && style !== 'marker')
      for (const it of items)
        for (const rect of Array.from(it.range.getClientRects()))
          overlays.push({
            category: it.category,
            left: rect.left + window.scrollX,
            top: rect.top + window.scrollY,
            width: rect.width,
            height: rect.height,
          });
    const item = openKey ? items.find((i) => i.key === openKey) : undefined;
    const card = item && shown?.key === item.key ? shown : null;
    render(
      <AnnotationLayer
        markers={markers}
        overlays={overlays}
        openKey={openKey}
        onOpen={open}
        markersVisible={style === 'marker'}
      >
        {item ? (
          <ContextCard
            key={item.key}
            view={card?.view ?? null}
            failed={card?.failed ?? false}
            quote={item.annotation.quote}
            explanation={item.explanation}
            lang={lang}
            datasetVersion={datasetVersion}
            position={cardPosition(item)}
            onClose={() => close()}
            onDismiss={() => {
              close(false);
              options.onDismiss(item.contentKey);
            }}
          />
        ) : null}
      </AnnotationLayer>,
      container,
    );
  }

  // One get-card-titles request for the annotations whose titles were not asked for yet.
  async function fetchTitles(): Promise<void> {
    const wanted = new Map<string, string[]>();
    for (const item of items) {
      const key = cardsKey(item);
      if (item.annotation.cards.length > 0 && !titlesAsked.has(key))
        wanted.set(key, item.annotation.cards.slice(0, MAX_ANNOTATION_CARDS));
    }
    const asked = generation;
    const keys = [...wanted.keys()];
    for (let at = 0; at < keys.length; at += MAX_TITLE_ANNOTATIONS) {
      const batch = keys.slice(at, at + MAX_TITLE_ANNOTATIONS);
      for (const key of batch) titlesAsked.add(key);
      try {
        const answer = await sendPageRequest(
          {
            type: 'get-card-titles',
            annotations: batch.map((key) => wanted.get(key)!),
            lang,
          },
          GetCardTitlesResponse,
        );
        if (asked !== generation) return;
        titles = new Map(titles);
        batch.forEach((key, k) => titles.set(key, answer.titles[k] ?? null));
        labels = new Map();
        draw();
      } catch {
        // Asked again on the next update; the markers keep the quote as their name.
        if (asked === generation) for (const key of batch) titlesAsked.delete(key);
      }
    }
  }

  const forgetRecords = () => {
    generation++;
    titles = new Map();
    titlesAsked = new Set();
    labels = new Map();
    datasetVersion = null;
    stage3.loaded()?.forget();
    const item = openKey ? items.find((i) => i.key === openKey) : undefined;
    shown = null;
    if (item) void showCard(item);
    draw();
    if (items.length > 0) void fetchTitles();
  };

  // Clicks on highlighted text open its card; links and controls keep their own clicks.
  // The reader's clicks only: a page's scripted click does not open a card.
  ctx.addEventListener(document, 'click', (event: MouseEvent) => {
    if (!event.isTrusted || event.defaultPrevented || event.button !== 0) return;
    if (isInteractive(clickTarget(event))) return;
    if (event.composedPath().includes(ui.shadowHost)) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const hit = itemAtPoint(document, event.clientX, event.clientY, items);
    if (hit) open(hit.key);
  });
  // A press outside the card closes it.
  ctx.addEventListener(
    document,
    'pointerdown',
    (event: PointerEvent) => {
      if (!event.isTrusted) return;
      if (openKey && !event.composedPath().includes(ui.shadowHost)) close(false);
    },
    { capture: true },
  );
  let frame = 0;
  const relayout = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      forgetPlaces();
      draw();
    });
  };
  const onLayoutChange = () => {
    if (markersShown()) relayout();
    else layoutChanged.poke();
  };
  ctx.addEventListener(window, 'resize', relayout);
  const resizes = new ResizeObserver(onLayoutChange);
  resizes.observe(document.documentElement);
  ctx.onInvalidated(() => {
    resizes.disconnect();
    layoutChanged.cancel();
    clearPaint();
  });

  const update = (next: PageItem[]) => {
    items = next;
    forgetPlaces();
    if (openKey && !items.some((i) => i.key === openKey)) {
      openKey = null;
      paintActive(null);
    }
    highlightApi = paintRanges(
      style === 'marker' ? [] : items,
      style === 'background' ? 'background' : 'underline',
    );
    draw();
    if (items.length > 0) void fetchTitles();
  };

  // The reader moves to a marker (pointer or keyboard) or points at highlighted text:
  // stage 3 starts loading, so the card is ready sooner when it opens (measured: a first
  // card took about 140 ms from the click when nothing came before it). Pointer moves are
  // hit-tested at most once a frame, only on a page with annotations, and only until
  // stage 3 is there: then a move costs a property read.
  // The records of the card pointed at are asked for too (stage 3 asks each id once).
  let warmed: PageItem | null = null;
  const warmUp = (item: PageItem | undefined) => {
    if (!item || item === warmed) return;
    warmed = item;
    void stage3
      .records()
      .then((loaded) => loaded.view(item.annotation, lang))
      .catch(() => undefined);
  };
  const markerItem = (event: Event) => {
    const key = (event.target as HTMLElement | null)?.closest?.<HTMLElement>('.cc-marker')?.dataset
      .key;
    return key === undefined ? undefined : items.find((i) => i.key === key);
  };
  ctx.addEventListener(ui.shadow, 'focusin', (event: Event) => {
    // A marker that gets focus is placed before the browser scrolls it into view (focus
    // events come first; the draw places every marker when a placing is due).
    if (layoutChanged.pending) draw();
    warmUp(markerItem(event));
  });
  ctx.addEventListener(ui.shadow, 'pointerover', (event: Event) => warmUp(markerItem(event)));
  let pointed = 0;
  ctx.addEventListener(
    document,
    'pointermove',
    (event: PointerEvent) => {
      if (!event.isTrusted || pointed || items.length === 0 || stage3.loaded()) return;
      const { clientX, clientY } = event;
      pointed = requestAnimationFrame(() => {
        pointed = 0;
        warmUp(itemAtPoint(document, clientX, clientY, items) ?? undefined);
      });
    },
    { passive: true },
  );

  return {
    host: ui.shadowHost as HTMLElement,
    update,
    forgetRecords,
    list: () =>
      items.map((item) => ({
        key: item.key,
        quote: item.annotation.quote,
        category: item.category,
        title: labelOf(item).replace(/^[^:]+: /, ''),
      })),
    openByKey(key) {
      const item = items.find((i) => i.key === key);
      if (!item) return false;
      item.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      open(key);
      return true;
    },
    setStyle(next) {
      if (next === style) return;
      style = next;
      update(items);
    },
    focusAnnotation(step) {
      if (items.length === 0) return;
      const active = ui.shadow.activeElement as HTMLElement | null;
      const current = items.findIndex((i) => i.key === active?.dataset.key);
      const next =
        current < 0
          ? step > 0
            ? 0
            : items.length - 1
          : (current + step + items.length) % items.length;
      const item = items[next]!;
      item.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      focusMarker(item.key);
    },
  };
}
