/**
 * How the performance checks put a measured spread into words (one owner, used by the Lighthouse
 * metric checks and the journey-timing checks): "median 1200 ms, IQR 1100–1300 ms, 5 runs", with
 * the range when asked.
 */
import type { Spread } from '../../scoring/statistics.ts';

/** A metric value as text: whole milliseconds, or three decimals for unitless metrics. */
export function num(value: number, unit: string | undefined): string {
  return unit === 'ms' ? String(Math.round(value)) : String(Number(value.toFixed(3)));
}

/** A value with its unit (none for unitless metrics such as CLS). */
export function format(value: number, unit: string | undefined): string {
  return unit ? `${num(value, unit)} ${unit}` : num(value, unit);
}

/** "N run(s)". */
export function runs(n: number): string {
  return `${n} run${n === 1 ? '' : 's'}`;
}

/** Median, interquartile range, optionally the range, and the number of runs. */
export function describeSpread(s: Spread, unit: string | undefined, options: { readonly range: boolean }): string {
  const n = (v: number) => num(v, unit);
  const range = options.range ? `, range ${n(s.min)}–${format(s.max, unit)}` : '';
  return `median ${format(s.median, unit)}, IQR ${n(s.q1)}–${format(s.q3, unit)}${range}, ${runs(s.n)}`;
}
