export * from './schema';
export * from './cards';
export * from './seed';
export * from './queries';
export * from './user';
export * from './service';
export * from './handlers';
export * from './detector-inputs';
