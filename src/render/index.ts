export * from './escape.ts';
export * from './format.ts';
export * from './i18n.ts';
export * from './html.ts';
export * from './junit.ts';
export { renderChart, renderHeatMap, renderSparkline } from './chart.ts';
export * from './compare-html.ts';
