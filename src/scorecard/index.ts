export * from './evaluate.ts';
export * from './gates.ts';
export * from './rank.ts';
export * from './budgets.ts';
export * from './range.ts';
export * from './steps.ts';
export * from './compare.ts';
export * from './history.ts';
