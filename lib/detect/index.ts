/**
 * The detection engine: pure TypeScript, no DOM, no `browser.*`. The caller passes the
 * validated lexicons and (optionally) figures; nothing here imports bundled data.
 *
 *   const det = compileDetector(lexicons, figures);      // once per dataset version
 *   const json = det.json;                               // plain JSON, for storage/messages
 *   const again = hydrateDetector(json);                 // cheap
 *   if (prefilter(det, pageText)) detectBlocks(det, blocks, { title, lang });
 *
 * Content scripts can load the small pre-filter alone and the detector only when it passes:
 *
 *   const pfJson = compilePrefilter(det);                 // a few KB, with the detector
 *   const pf = prefilterFromJSON(pfJson);                 // on every page: cheap
 *   if (runPrefilter(pf, pageText)) { ...load the detector, detectBlocks(...) }
 */
export { compileDetector, hydrateDetector, detectorFromJSON } from './hydrate';
export {
  compileLexicons,
  isSafePattern,
  patternWords,
  PatternError,
  GROUPS,
  type CompiledDetector,
  type SerializedDetector,
  type FigureRef,
  type Group,
  type Term,
} from './compile';
export { findHits, findHitsInto, hitAt, newHitBuffer, type Hit, type HitBuffer } from './match';
export {
  prefilter,
  prefilterMask,
  prefilterFromJSON,
  runPrefilter,
  runPrefilterMask,
  prefilterPasses,
  adoptPrefilter,
  type Prefilter,
} from './prefilter';
export { compilePrefilter } from './prefilter-compile';
export type { PrefilterJSON } from './prefilter-format';
export { readNumbers, type NumberMatch } from './numbers';
export { detectLanguage } from './language';
export {
  detectBlocks,
  sentenceAround,
  MAX_PAGE_ANNOTATIONS,
  WINDOW,
  type Annotation,
  type BlockResult,
  type DetectOptions,
  type Explanation,
  type FigureNote,
  type MatchedTerm,
  type Rule,
} from './detect';
export { detectPassage, splitPassage, type PassageBlock, type PassageResult } from './passage';
export { normalizeWithMap, foldWord, type NormalizedText } from './normalize';
