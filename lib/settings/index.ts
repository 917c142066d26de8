export * from './hosts';
export * from './schema';
export * from './items';
export * from './transfer';
