/**
 * The tags the block walk reads as blocks and the tags it never goes into, shared by the
 * walk (`blocks.ts`) and stage 1's code cut (`without-code.ts`).
 */
export const BLOCK_TAGS = new Set([
  'P',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'FIGCAPTION',
  'BLOCKQUOTE',
  'DD',
  'TD',
  'SUMMARY',
]);

/** Never read: code, controls, graphics, and the page's chrome around the article. */
export const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'SVG',
  'MATH',
  'NAV',
  'FOOTER',
  'FORM',
  'IFRAME',
  'OBJECT',
  'CANVAS',
]);

/** `BLOCK_TAGS` as a selector (for `closest`). */
export const BLOCK_SELECTOR = [...BLOCK_TAGS].map((tag) => tag.toLowerCase()).join(',');
