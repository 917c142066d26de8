/**
 * The tags the block walk reads as blocks and the tags it never goes into, shared by the
 * walk (`blocks.ts`) and stage 1's code cut (`without-code.ts`), as local names (an HTML
 * element's `localName` is lower case; reading it allocates nothing, unlike upper-casing
 * its `tagName`).
 */
export const BLOCK_TAGS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figcaption',
  'blockquote',
  'dd',
  'td',
  'summary',
]);

/** Never read: code, controls, graphics, and the page's chrome around the article. */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'svg',
  'math',
  'nav',
  'footer',
  'form',
  'iframe',
  'object',
  'canvas',
]);

/** `BLOCK_TAGS` as a selector (for `closest`). */
export const BLOCK_SELECTOR = [...BLOCK_TAGS].join(',');
