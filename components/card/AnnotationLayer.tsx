import type { ComponentChildren } from 'preact';

export interface MarkerView {
  key: string;
  label: string;
  category: 'claim' | 'figure' | 'topic';
  left: number;
  top: number;
}

/** A painted box, where the browser has no CSS Custom Highlight API. */
export interface OverlayView {
  category: 'claim' | 'figure' | 'topic';
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface AnnotationLayerProps {
  markers: MarkerView[];
  /** Boxes behind the annotations' text; empty where the Highlight API paints them. */
  overlays?: OverlayView[];
  openKey: string | null;
  onOpen: (key: string) => void;
  /** The "marker only" style: markers always shown (nothing is painted). */
  markersVisible?: boolean;
  /** The open card, if any. */
  children?: ComponentChildren;
}

/**
 * The extension's layer over the page (inside its one shadow root): a small focusable
 * marker at the end of every annotation, reachable by Tab, and the open card.
 */
export function AnnotationLayer({
  markers,
  overlays = [],
  openKey,
  onOpen,
  markersVisible = false,
  children,
}: AnnotationLayerProps) {
  return (
    <div class={markersVisible ? 'cc-layer cc-markers-visible' : 'cc-layer'}>
      {overlays.map((o, k) => (
        <div
          key={k}
          class={`cc-overlay cc-overlay-${o.category}`}
          aria-hidden="true"
          style={{
            left: `${o.left}px`,
            top: `${o.top}px`,
            width: `${o.width}px`,
            height: `${o.height}px`,
          }}
        />
      ))}
      {markers.map((m) => (
        <button
          key={m.key}
          type="button"
          class={`cc-marker cc-marker-${m.category}`}
          data-key={m.key}
          aria-label={m.label}
          aria-expanded={openKey === m.key}
          aria-haspopup="dialog"
          style={{ left: `${m.left}px`, top: `${m.top}px` }}
          onClick={() => onOpen(m.key)}
        >
          <span aria-hidden="true">i</span>
        </button>
      ))}
      {children}
    </div>
  );
}
