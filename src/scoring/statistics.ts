/**
 * Small statistics helpers over finite numbers. Performance runs are repeated and summarised by the
 * median with its spread (quartiles, IQR and min–max), never by a single run.
 * Quantiles use linear interpolation between order statistics (R type 7, numpy's default), as
 * simple-statistics does.
 */
import { quantileSorted } from 'simple-statistics';

/** Summary of a sample: the median with quartiles and range. */
export interface Spread {
  /** Number of values summarised. */
  readonly n: number;
  readonly min: number;
  /** First quartile (25th percentile). */
  readonly q1: number;
  readonly median: number;
  /** Third quartile (75th percentile). */
  readonly q3: number;
  readonly max: number;
  /** Interquartile range, q3 − q1. */
  readonly iqr: number;
}

function sortedFinite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** Median of the finite values; null when there are none. */
export function median(values: readonly number[]): number | null {
  const sorted = sortedFinite(values);
  return sorted.length === 0 ? null : quantileSorted(sorted, 0.5);
}

/** Arithmetic mean of the finite values; null when there are none. */
export function mean(values: readonly number[]): number | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  return finite.reduce((sum, v) => sum + v, 0) / finite.length;
}

/** Median, quartiles, IQR and range of the finite values; null when there are none. */
export function spread(values: readonly number[]): Spread | null {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return null;
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  return {
    n: sorted.length,
    min: sorted[0] as number,
    q1,
    median: quantileSorted(sorted, 0.5),
    q3,
    max: sorted[sorted.length - 1] as number,
    iqr: q3 - q1,
  };
}

/** Round half away from zero to `digits` decimals (deterministic; avoids -0). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Coefficient of variation: sample standard deviation (n − 1) over the mean, of the finite values.
 * A unitless spread that compares tools and metrics of different scales. Null for fewer than two
 * values or a zero mean.
 */
export function coefficientOfVariation(values: readonly number[]): number | null {
  const finite = values.filter((v) => Number.isFinite(v));
  const m = mean(finite);
  if (m === null || finite.length < 2 || m === 0) return null;
  const variance = finite.reduce((s, v) => s + (v - m) ** 2, 0) / (finite.length - 1);
  return Math.sqrt(variance) / Math.abs(m);
}
