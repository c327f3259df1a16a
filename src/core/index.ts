export * from './ids.ts';
export * from './config.ts';
export * from './evidence.ts';
export * from './result.ts';
export * from './compare.ts';
export * from './criteria.ts';
