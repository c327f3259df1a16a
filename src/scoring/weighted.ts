/** Weighted means that never treat "not scored" as 0. */

export interface Weighted {
  /** A score, or null when not scored (excluded). */
  readonly score: number | null;
  /** Relative weight; items with weight 0 are reported elsewhere but excluded here. */
  readonly weight: number;
}

/**
 * Σ weight·score / Σ weight over items with a score and a positive weight.
 * Null when no item qualifies: "nothing could be scored" is not the same as 0.
 */
export function weightedMean(items: readonly Weighted[]): number | null {
  let total = 0;
  let weights = 0;
  for (const { score, weight } of items) {
    if (score === null || !Number.isFinite(score) || !(weight > 0)) continue;
    total += score * weight;
    weights += weight;
  }
  return weights > 0 ? total / weights : null;
}
