import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import {
  PREFILTER_KEY,
  loadPublishedPrefilter,
  readPublishedPrefilter,
} from '@/lib/detector-store/load-prefilter';
import type { Prefilter } from '@/lib/detect/prefilter';
import { sendStage1Request } from '@/lib/messages/stage1-client';
import { whenFrameWorthReading } from '@/lib/page/frame-gate';
import { forgetArticle, leaveArticle, leaveJudgement, stage2Running } from '@/lib/page/handoff';
import { readArticle } from '@/lib/page/page-check';
import { runGuarded } from '@/lib/page/guard';
import { watchLocation } from '@/lib/page/location-watch';
import { watchStorageKey } from '@/lib/page/raw-storage';
import { scriptLifetime, type ScriptLifetime } from '@/lib/page/script-lifetime';
import { watchForTopic, type TopicWatch } from '@/lib/page/stage1';
import { readStage1Inputs } from '@/lib/page/stage1-inputs';
import { SETTINGS_STORAGE_KEY, SITE_GATE_STORAGE_KEY } from '@/lib/settings/keys';

/**
 * Stage 1, on every http(s) page: the pre-filter and nothing else. Off-topic pages pay
 * one storage read and one pass over the article's text, and send no message. When
 * topic words appear (now, in text added later, or after a single-page-app navigation),
 * the background injects stage 2 (`entrypoints/stage2`) into this frame.
 *
 * In every frame, but a frame only does anything when it has the top frame's origin and
 * is big enough and holds some text (see `lib/page/frame-gate.ts`); each such frame gets
 * its own stage 2, with its own highlights, markers and cards. Frames of about:blank and
 * srcdoc documents are not matched (ad slots are written into them).
 *
 * An unlisted script that the manifest lists as its content script (`manifest.config.ts`),
 * not a WXT content script: WXT's wrapper would give it WXT's context, which costs a page
 * that needs no reading several milliseconds (see `lib/page/script-lifetime.ts`).
 */
export default defineUnlistedScript(() => {
  const ctx = scriptLifetime(() => browser.runtime?.id);
  runGuarded('stage 1', async () => {
    if (await whenFrameWorthReading(window, document, { signal: ctx.signal }))
      await startStage1(ctx);
  });
});

/**
 * Where stage 1 stands, on the isolated world's global object (the page cannot see it):
 * browser tests read it over DevTools to know that an off-topic page was checked.
 */
interface Stage1State {
  state: 'loading' | 'site-off' | 'no-prefilter' | 'watching' | 'checking' | 'passed';
  /** Checks the background has answered (see `lib/page/page-check.ts`). */
  checks: number;
}

async function startStage1(ctx: ScriptLifetime): Promise<void> {
  const status: Stage1State = { state: 'loading', checks: 0 };
  (globalThis as unknown as { __contextCardsStage1: Stage1State }).__contextCardsStage1 = status;
  // One storage read: the pre-filter, and whether to work here at all.
  const inputs = await readStage1Inputs(location.hostname);
  if (!ctx.isValid) return;
  // Turned off, or this site excluded: nothing runs until the reader turns it back on (in
  // the settings, or the background's copy of them, whichever changes first).
  if (!inputs.active) {
    status.state = 'site-off';
    // Watching goes on until a read says "on": the copy may still be the old one when the
    // settings change, and its own change must not fall between two watches.
    let stopped = false;
    const recheck = () =>
      runGuarded('stage 1', async () => {
        const next = await readStage1Inputs(location.hostname);
        if (!next.active || stopped || !ctx.isValid) return;
        stop();
        await startStage1(ctx);
      });
    const stops = [
      watchStorageKey('sync', SETTINGS_STORAGE_KEY, recheck),
      watchStorageKey('local', SITE_GATE_STORAGE_KEY, recheck),
    ];
    const stop = () => {
      stopped = true;
      stops.forEach((stopWatching) => stopWatching());
    };
    ctx.onInvalidated(stop);
    return;
  }
  const loaded = await loadPublishedPrefilter(
    () => sendStage1Request({ type: 'ensure-detector' }),
    inputs.prefilter,
  );
  if (!ctx.isValid) return;
  let watch: TopicWatch | null = null;
  const start = (prefilter: Prefilter) => {
    status.state = 'watching';
    const started = watchForTopic(document, {
      prefilter,
      signal: ctx.signal,
      onTopic: async (article) => {
        status.state = 'checking';
        // Stage 2 carries on this walk of the article's blocks, if the page stays as it is.
        leaveArticle(globalThis, article.root, article.walker);
        const check = await readArticle(document, article.walker, { signal: ctx.signal });
        if (!ctx.isValid) return false;
        // The background judges the page and injects stage 2 when a block is relevant (a
        // page too big to send gets stage 2 without a check).
        const answer = sendStage1Request(
          check ? { type: 'check-page', ...check } : { type: 'load-stage-2' },
        );
        // Its verdicts are for stage 2, which validates them (stage 1 never reads them).
        if (check) leaveJudgement(globalThis, { title: check.title, answer });
        try {
          await answer;
        } finally {
          status.checks++;
          status.state = stage2Running(globalThis) ? 'passed' : 'watching';
        }
        const loaded = status.state === 'passed';
        if (loaded) stopPublished();
        else forgetArticle(globalThis);
        return loaded;
      },
    });
    watch = started;
    watchLocation(window, () => started.recheck(), { signal: ctx.signal });
  };
  // A new dataset (an update, an import) publishes a new pre-filter: a page that has not
  // passed yet is checked again with it (stage 2, once loaded, follows on its own).
  const stopPublished = watchStorageKey('local', PREFILTER_KEY, () => {
    if (watch?.passed) return;
    runGuarded('stage 1', async () => {
      const next = await readPublishedPrefilter();
      if (!next || !ctx.isValid || watch?.passed) return;
      if (watch) watch.setPrefilter(next.prefilter);
      else start(next.prefilter);
    });
  });
  ctx.onInvalidated(stopPublished);
  if (loaded) start(loaded.prefilter);
  else status.state = 'no-prefilter';
}
