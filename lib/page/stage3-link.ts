import type { CardRecords } from '@/lib/cards/records';

/**
 * Where stage 3 leaves its card records, on the isolated world's global object (shared
 * by the extension's scripts in a frame, never seen by the page).
 */
export const STAGE3_KEY = '__contextCardsStage3';

/**
 * Stage 2's way to the card records. `records()`: the first call has the background
 * inject stage 3 (`load`) and takes what it left on the world; later calls get the same
 * records, and a load that fails is tried again on the next call (the next card opened).
 * `loaded()`: the records if stage 3 is there, without loading it.
 */
export function linkStage3(
  load: () => Promise<unknown>,
  world: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): { records(): Promise<CardRecords>; loaded(): CardRecords | null } {
  let linked: Promise<CardRecords> | null = null;
  const loaded = () => (world[STAGE3_KEY] as CardRecords | undefined) ?? null;
  return {
    loaded,
    records: () =>
      (linked ??= (async () => {
        const ready = loaded() ?? (await load(), loaded());
        if (!ready) throw new Error('stage 3 did not start');
        return ready;
      })().catch((error: unknown) => {
        linked = null;
        throw error;
      })),
  };
}
