import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PageScriptContext } from '@/lib/page/script-context';
import { runGuarded } from '@/lib/page/guard';
import { startPageScan } from './scan';

/**
 * Stage 2, injected by the background into a frame whose stage 1 found topic words (never
 * listed in the manifest, never web-accessible): the engine, block extraction, painting
 * and the card UI. It runs in the content script's isolated world, once per document.
 */
export default defineUnlistedScript(() => {
  const marker = '__contextCardsStage2';
  const world = globalThis as unknown as Record<string, unknown>;
  if (world[marker]) return;
  world[marker] = true;
  const ctx = new PageScriptContext('stage2');
  runGuarded('stage 2', () => startPageScan(ctx));
});
