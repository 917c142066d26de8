import { storage } from 'wxt/utils/storage';
import type { SerializedDetector } from '@/lib/detect';

/**
 * The compiled detector, published by the background to extension storage so content
 * scripts can read it without waking the service worker (DESIGN.md section 2).
 * `datasetKey` names the stored dataset it was compiled from.
 */
export interface PublishedDetector {
  datasetKey: string;
  /** Compiler format; a content script ignores a detector of another format. */
  format: number;
  detector: SerializedDetector;
}

export const DETECTOR_FORMAT = 1;

export const detectorItem = storage.defineItem<PublishedDetector | null>('local:detector', {
  fallback: null,
});
