/**
 * How much of a page the block walk reads, and how much of it one page check carries
 * (stage 1 to the background), apart from the walk so that the message schema can bound
 * the check without bundling the walk.
 */

/** The most blocks one walk reads. */
export const MAX_BLOCKS = 5000;
/** A block's text is cut at this many code units. */
export const MAX_BLOCK_CHARS = 20_000;

/** The most text (code units, over all blocks) one check carries; a bigger page skips it. */
export const MAX_CHECK_CHARS = 2_000_000;
/** The longest title a check carries (a page with a longer one skips the check). */
export const MAX_CHECK_TITLE = 4096;
