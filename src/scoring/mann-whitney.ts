/**
 * Mann-Whitney U test (Wilcoxon rank-sum) between two independent samples, e.g. the journey step
 * timings of vendor A and vendor B on one device. Non-parametric: it assumes no distribution of
 * timings (they are skewed and have outliers), only that runs are independent.
 *
 * No maintained npm statistics package in reach gives its p-value (simple-statistics has the rank
 * sum `wilcoxonRankSum` only), so it is implemented here and checked in a unit test against SciPy's
 * `scipy.stats.mannwhitneyu` on published examples.
 *
 * - **Exact** p-value (the permutation distribution of U, counted by the classic recurrence) when
 *   there are no ties and nX + nY ≤ 40.
 * - Otherwise the **normal approximation** with tie correction and continuity correction, as SciPy's
 *   `method="asymptotic"`.
 *
 * Two-sided by default. With n = 3 per side the smallest possible two-sided p is 0.1, with 4 it is
 * 0.029 and with 5 it is 0.0079: fewer than 4 runs per vendor can never show a difference at 0.05.
 */
import { errorFunction } from 'simple-statistics';

export const MANN_WHITNEY_ALTERNATIVES = ['two-sided', 'less', 'greater'] as const;
export type MannWhitneyAlternative = (typeof MANN_WHITNEY_ALTERNATIVES)[number];

export interface MannWhitneyResult {
  /** U of the first sample: pairs (x, y) with x > y, plus half the ties. */
  readonly uX: number;
  /** U of the second sample: nX·nY − uX. */
  readonly uY: number;
  readonly nX: number;
  readonly nY: number;
  /** p-value for the alternative asked. */
  readonly p: number;
  readonly method: 'exact' | 'asymptotic';
  /**
   * Common-language effect size: the probability that a value of X is smaller than a value of Y
   * (ties count half) = uY / (nX·nY). 1: every X below every Y; 0.5: no tendency.
   */
  readonly probabilityXBelowY: number;
}

/** Counts of arrangements with each U for sample sizes m and n (no ties): index u → count. */
function uDistribution(m: number, n: number): number[] {
  // f(m, n, u) = f(m − 1, n, u − n) + f(m, n − 1, u); f(0, n, 0) = f(m, 0, 0) = 1.
  let prev: number[][] = []; // prev[j] = distribution for (i − 1, j)
  for (let i = 0; i <= m; i++) {
    const row: number[][] = [];
    for (let j = 0; j <= n; j++) {
      if (i === 0 || j === 0) {
        row.push([1]);
        continue;
      }
      const a = prev[j] as number[]; // (i − 1, j), shifted by j
      const b = row[j - 1] as number[]; // (i, j − 1)
      const out = new Array<number>(i * j + 1).fill(0);
      for (let u = 0; u < a.length; u++) out[u + j] = (out[u + j] ?? 0) + (a[u] as number);
      for (let u = 0; u < b.length; u++) out[u] = (out[u] ?? 0) + (b[u] as number);
      row.push(out);
    }
    prev = row;
  }
  return prev[n] as number[];
}

/** Standard normal survival function 1 − Φ(z). */
function normalSf(z: number): number {
  return (1 - errorFunction(z / Math.SQRT2)) / 2;
}

/** Ranks (1-based, ties get their mean rank) of the values, and the tie groups' sizes. */
function rank(values: readonly number[]): { ranks: number[]; ties: number[] } {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length).fill(0);
  const ties: number[] = [];
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && (order[end + 1] as { v: number }).v === (order[start] as { v: number }).v) end++;
    const r = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[(order[k] as { i: number }).i] = r;
    if (end > start) ties.push(end - start + 1);
    start = end + 1;
  }
  return { ranks, ties };
}

/**
 * Mann-Whitney U test of x against y. `less`: x tends to be smaller than y (e.g. vendor X faster).
 * Non-finite values are left out; null when either sample is then empty. `method` forces the exact
 * distribution (only honoured without ties) or the normal approximation; `auto` chooses as above.
 */
export function mannWhitneyU(
  xs: readonly number[],
  ys: readonly number[],
  alternative: MannWhitneyAlternative = 'two-sided',
  method: 'auto' | 'exact' | 'asymptotic' = 'auto',
): MannWhitneyResult | null {
  const x = xs.filter((v) => Number.isFinite(v));
  const y = ys.filter((v) => Number.isFinite(v));
  const nX = x.length;
  const nY = y.length;
  if (nX === 0 || nY === 0) return null;
  const { ranks, ties } = rank([...x, ...y]);
  const rankSumX = ranks.slice(0, nX).reduce((s, r) => s + r, 0);
  const uX = rankSumX - (nX * (nX + 1)) / 2;
  const uY = nX * nY - uX;
  const probabilityXBelowY = uY / (nX * nY);
  let p: number;
  let used: MannWhitneyResult['method'];
  const exact = method === 'exact' ? ties.length === 0 : method === 'auto' && ties.length === 0 && nX + nY <= 40;
  if (exact) {
    used = 'exact';
    const dist = uDistribution(nX, nY);
    const total = dist.reduce((s, c) => s + c, 0);
    const cdf = (u: number) => dist.slice(0, Math.floor(u) + 1).reduce((s, c) => s + c, 0) / total; // P(U ≤ u)
    const sf = (u: number) => 1 - cdf(Math.ceil(u) - 1); // P(U ≥ u)
    if (alternative === 'greater') p = sf(uX);
    else if (alternative === 'less') p = cdf(uX);
    else p = Math.min(1, 2 * Math.min(cdf(uX), sf(uX)));
  } else {
    used = 'asymptotic';
    const n = nX + nY;
    const mu = (nX * nY) / 2;
    const tieTerm = ties.reduce((s, t) => s + t ** 3 - t, 0) / (n * (n - 1));
    const sigma = Math.sqrt(((nX * nY) / 12) * (n + 1 - tieTerm));
    if (sigma === 0) p = 1;
    else if (alternative === 'greater') p = normalSf((uX - mu - 0.5) / sigma);
    else if (alternative === 'less') p = normalSf((uY - mu - 0.5) / sigma);
    else p = Math.min(1, 2 * normalSf((Math.max(uX, uY) - mu - 0.5) / sigma));
  }
  return { uX, uY, nX, nY, p: Math.min(1, Math.max(0, p)), method: used, probabilityXBelowY };
}
