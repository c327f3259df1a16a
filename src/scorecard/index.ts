export * from './evaluate.ts';
export * from './gates.ts';
export * from './rank.ts';
