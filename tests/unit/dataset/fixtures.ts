import { bundledRawDataset } from '../../../lib/dataset/bundled';
import type { DatasetInput } from '../../../lib/dataset/schema';

/** A fresh, mutable copy of the bundled dataset as raw JSON, for breaking one thing at a time. */
export function rawDataset(): DatasetInput {
  return bundledRawDataset() as DatasetInput;
}

export const TODAY = '2026-12-01';
