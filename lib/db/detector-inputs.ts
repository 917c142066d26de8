import type { Lexicon } from '@/lib/dataset/lexicon';
import type { FigureRef } from '@/lib/detect';
import { DATASET_META_KEY, type FactDb } from './schema';

export interface DetectorInputs {
  /**
   * Identifies the stored dataset's content (version and content hash), or null when
   * nothing is stored. A detector compiled from other inputs is stale.
   */
  datasetKey: string | null;
  lexicons: Lexicon[];
  figures: FigureRef[];
}

/** What the detector is compiled from: the stored lexicons and figures, in one read. */
export async function readDetectorInputs(db: FactDb): Promise<DetectorInputs> {
  return db.transaction('r', db.meta, db.lexicon, db.figures, async () => {
    const meta = await db.meta.get(DATASET_META_KEY);
    const lexicons = await db.lexicon.toArray();
    const figures = (await db.figures.toArray()).map(({ series, value, asOf }) => ({
      series,
      value,
      asOf,
    }));
    return {
      datasetKey: meta ? `${meta.version}#${meta.hash}` : null,
      lexicons,
      figures,
    };
  });
}
