export * from './codec.ts';
export * from './client.ts';
