import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { markStage2 } from '@/lib/page/handoff';
import { PageScriptContext } from '@/lib/page/script-context';
import { runGuarded } from '@/lib/page/guard';
import { startPageScan } from './scan';

/**
 * Stage 2, injected by the background into a frame whose stage 1 found topic words (never
 * listed in the manifest, never web-accessible): the engine, block extraction, painting
 * and the card UI. It runs in the content script's isolated world, once per document.
 */
export default defineUnlistedScript(() => {
  if (!markStage2(globalThis)) return;
  const ctx = new PageScriptContext('stage2');
  runGuarded('stage 2', () => startPageScan(ctx));
});
