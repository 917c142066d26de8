import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendRequest } from '@/lib/messages';
import { extractBlocks } from '@/lib/page/blocks';

/** Scans the page once and reports the result for the toolbar badge. */
export async function startPageScan(ctx: ContentScriptContext): Promise<void> {
  if (!ctx.isValid) return;
  const blocks = extractBlocks(document);
  await sendRequest({ type: 'report-annotations', count: blocks.length });
}
