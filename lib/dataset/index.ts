export * from './primitives';
export * from './lexicon';
export * from './schema';
export * from './crossref';
export * from './validate';
export * from './claimreview';
export * from './bundled';
