import type { ComponentChildren } from 'preact';

export interface MarkerView {
  key: string;
  label: string;
  category: 'claim' | 'figure' | 'topic';
  left: number;
  top: number;
}

export interface AnnotationLayerProps {
  markers: MarkerView[];
  openKey: string | null;
  onOpen: (key: string) => void;
  /** The open card, if any. */
  children?: ComponentChildren;
}

/**
 * The extension's layer over the page (inside its one shadow root): a small focusable
 * marker at the end of every annotation, reachable by Tab, and the open card.
 */
export function AnnotationLayer({ markers, openKey, onOpen, children }: AnnotationLayerProps) {
  return (
    <div class="cc-layer">
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
