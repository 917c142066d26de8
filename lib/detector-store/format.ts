/** Compiler format of the published detector; a content script ignores what it cannot read. */
export const DETECTOR_FORMAT = 7;
