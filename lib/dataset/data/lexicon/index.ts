import en from './en.json';

/** Raw lexicon files, one per language; validated with the rest of the dataset. */
export const lexiconFiles: unknown[] = [en];
