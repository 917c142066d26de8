export * from './primitives';
export * from './lexicon';
export * from './schema';
