/**
 * How much of a score difference is measurement noise. Accessibility, login and compatibility checks
 * are deterministic for a given page; performance is not, so every page is measured several times
 * (profile `runs.lighthouse`) and scored at the median. Re-scoring the same evidence with every
 * metric at its lower quartile (faster: optimistic) and at its upper quartile (slower: pessimistic)
 * gives the range within which the performance suite — and so the overall score — moves with
 * ordinary run-to-run variation. Two services whose ranges overlap are not clearly different.
 * With one run per page the range is a single point: the spread is unknown, not zero, and the
 * scorecard says so.
 */
import type { EvidenceOf, LighthouseRun } from '../core/index.ts';
import { spread } from '../scoring/statistics.ts';

const METRIC_KEYS = ['fcp', 'lcp', 'tbt', 'cls', 'si', 'ttfb'] as const;

/** Performance evidence with each page's runs replaced by one run at a quartile of every metric. */
export function performanceAtQuartile(
  evidence: EvidenceOf<'performance'>,
  quartile: 'q1' | 'q3',
): EvidenceOf<'performance'> {
  if (evidence.performance === undefined) return evidence;
  const pages = evidence.performance.pages.map((page) => {
    if (page.runs.length === 0) return page;
    const metrics = Object.fromEntries(
      METRIC_KEYS.map((key) => {
        const s = spread(page.runs.flatMap((r) => (r.metrics[key] === null ? [] : [r.metrics[key] as number])));
        return [key, s === null ? null : s[quartile]];
      }),
    ) as LighthouseRun['metrics'];
    // Lighthouse's own category score is higher-is-better: the optimistic side takes its upper quartile.
    const scores = spread(page.runs.flatMap((r) => (r.score === null ? [] : [r.score])));
    const score = scores === null ? null : quartile === 'q1' ? scores.q3 : scores.q1;
    const errors = page.runs.flatMap((r) => (r.runtimeError ? [r.runtimeError] : []));
    const run: LighthouseRun = {
      score,
      metrics,
      durationMs: 0,
      ...(errors[0] !== undefined ? { runtimeError: errors[0] } : {}),
    };
    return { ...page, runs: [run] };
  });
  return { ...evidence, performance: { ...evidence.performance, pages } };
}
