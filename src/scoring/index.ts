export * from './curves.ts';
export * from './statistics.ts';
export * from './weighted.ts';
export * from './suite.ts';
export * from './mann-whitney.ts';
