import type { Judgement } from '@/lib/page/handoff';
import type { BlockJudge } from '@/lib/page/slices';
import type { BlockVerdict } from './verdict';
import { MAX_CHECK_TITLE } from '@/lib/page/limits';
import { CheckPageResponse, DetectBlocksResponse } from './page-answers';
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

/**
 * The verdicts of stage 1's page check, if they are for `title` and the answer is a valid
 * one; null otherwise (no check, another title, a failed or malformed answer): stage 2
 * then asks `judgeInBackground` with its own blocks.
 */
export async function verdictsOfCheck(
  judgement: Judgement | null | undefined,
  title: string,
): Promise<(BlockVerdict | null)[] | null> {
  if (!judgement || judgement.title !== title) return null;
  try {
    const read = CheckPageResponse.safeParse(await judgement.answer);
    return read.success ? (read.data.verdicts ?? null) : null;
  } catch {
    return null;
  }
}
