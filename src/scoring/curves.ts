/**
 * Metric curves: how a measured value (e.g. Largest Contentful Paint in ms) becomes a 0–1 score.
 *
 * Like Lighthouse (shared/statistics.js `getLogNormalScore`), a metric is scored by the
 * complementary cumulative log-normal distribution fixed by two control points:
 * - `p10`: the value that scores 0.9 (Lighthouse's pass threshold, "good"),
 * - `median`: the value that scores 0.5 (the border of "poor").
 * Lower values are better; values ≤ 0 score 1.
 *
 * Scores are kept inside the band their value falls in (≤ p10 → [0.9, 1]; ≤ median → [0.5, 0.9);
 * above the median → [0, 0.5)), so that the approximation of the error function can never move a
 * value across a band boundary: "value above the median" and "score below 0.5" are the same thing.
 */
import { errorFunction } from 'simple-statistics';

/** Two control points of a log-normal curve, in the metric's unit. */
export interface ControlPoints {
  /** Value scoring 0.9. */
  readonly p10: number;
  /** Value scoring 0.5. Must be greater than p10. */
  readonly median: number;
}

/** Φ⁻¹(0.9): the standard normal quantile of the 90th percentile. */
const Z_90 = 1.2815515655446004;

/** Largest double below 0.5 and below 0.9; keep band clamps strict. */
const BELOW_HALF = 0.49999999999999994;
const BELOW_NINE_TENTHS = 0.8999999999999999;

function assertControlPoints({ p10, median }: ControlPoints): void {
  if (!(p10 > 0) || !(median > 0))
    throw new RangeError(`control points must be positive (p10 ${p10}, median ${median})`);
  if (!(p10 < median)) throw new RangeError(`p10 (${p10}) must be less than the median (${median})`);
}

/**
 * Score of `value` on the log-normal curve through (p10, 0.9) and (median, 0.5).
 * score = 1 − Φ(ln(value / median) / σ), with σ = ln(median / p10) / Φ⁻¹(0.9).
 */
export function logNormalScore(points: ControlPoints, value: number): number {
  assertControlPoints(points);
  if (Number.isNaN(value)) throw new RangeError('value must be a number');
  if (value <= 0) return 1;
  const sigma = Math.log(points.median / points.p10) / Z_90;
  const standardized = Math.log(value / points.median) / sigma;
  // 1 − Φ(z) = (1 − erf(z / √2)) / 2. erf is odd, so erf(0) = 0 exactly (the approximation is
  // off by ~1e-8 there): the median scores exactly 0.5.
  const erf = standardized === 0 ? 0 : errorFunction(standardized / Math.SQRT2);
  const raw = (1 - erf) / 2;
  if (value <= points.p10) return Math.min(1, Math.max(0.9, raw));
  if (value <= points.median) return Math.min(BELOW_NINE_TENTHS, Math.max(0.5, raw));
  return Math.min(BELOW_HALF, Math.max(0, raw));
}
