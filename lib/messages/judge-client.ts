import type { BlockJudge } from '@/lib/page/slices';
import { MAX_CHECK_TITLE } from '@/lib/page/limits';
import { DetectBlocksResponse } from './page-answers';
import { sendPageRequest } from './page-client';

/**
 * Stage 2's judge: the background's engine, asked with `detect-blocks`. Its answer is
 * validated with the page protocol's `zod/mini` schemas (`BlockVerdict`) before anything
 * of it is painted. A title longer than a request carries is cut: only its words give
 * context, and no real page has one that long.
 */
export const judgeInBackground: BlockJudge = async (windows, title) =>
  (
    await sendPageRequest(
      { type: 'detect-blocks', title: title.slice(0, MAX_CHECK_TITLE), windows },
      DetectBlocksResponse,
    )
  ).verdicts;
