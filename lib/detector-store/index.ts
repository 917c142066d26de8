export * from './items';
export * from './publish';
export * from './load';
