/**
 * Suite scoring: from a suite's check results (and how gathering went) to its SuiteResult.
 *
 * - score: weighted mean of the check scores × 100, rounded to one decimal; checks with a null
 *   score (needs-review, not-applicable, inconclusive) or weight 0 are left out and the remaining
 *   weights renormalised. No scorable check → null.
 * - status, when gathering was complete:
 *   0. `harness-error` with score null if any scored check (weight > 0) is in `error` (the check
 *      broke): the suite has no score rather than a mean renormalised over the checks that worked;
 *   1. `failed` if any scored check (weight > 0) has status fail;
 *   2. `passed` if the suite has a score;
 *   3. `inconclusive` if any check is inconclusive or needs review (nothing could be scored);
 *   4. `not-applicable` otherwise (nothing applied).
 * - when gathering was not complete, the gather status is the suite status (same word) with score
 *   null; no evidence at all → `missing`.
 */
import type { CheckResult, GatherStatus, SuiteResult, SuiteStatus } from '../core/index.ts';
import { roundTo } from './statistics.ts';
import { weightedMean } from './weighted.ts';

/** Decimals kept in suite, service and overall scores (0–100). */
export const SCORE_DIGITS = 1;

/** How gathering of one (target, suite) went, as far as scoring needs to know. */
export interface GatherOutcome {
  readonly status: GatherStatus;
  readonly reason?: string;
}

const SUITE_STATUS_OF_GATHER = {
  complete: 'passed',
  unreachable: 'unreachable',
  timeout: 'timeout',
  inconclusive: 'inconclusive',
  'not-applicable': 'not-applicable',
  'harness-error': 'harness-error',
} as const satisfies Record<GatherStatus, SuiteStatus>;

/** Weighted mean of check scores on the 0–100 scale, or null when nothing was scorable. */
function suiteScore(checks: readonly CheckResult[]): number | null {
  const mean = weightedMean(checks);
  return mean === null ? null : roundTo(mean * 100, SCORE_DIGITS);
}

function statusOfChecks(checks: readonly CheckResult[], score: number | null): SuiteStatus {
  if (checks.some((c) => c.weight > 0 && c.status === 'fail')) return 'failed';
  if (score !== null) return 'passed';
  if (checks.some((c) => c.status === 'inconclusive' || c.status === 'needs-review')) return 'inconclusive';
  return 'not-applicable';
}

/** The SuiteResult of one target's suite; `gather` undefined means no evidence was found. */
export function scoreSuite(gather: GatherOutcome | undefined, checks: readonly CheckResult[]): SuiteResult {
  if (gather === undefined) {
    return { score: null, status: 'missing', reason: 'No evidence was found for this suite.', checks: [...checks] };
  }
  if (gather.status !== 'complete') {
    return {
      score: null,
      status: SUITE_STATUS_OF_GATHER[gather.status],
      ...(gather.reason !== undefined ? { reason: gather.reason } : {}),
      checks: [...checks],
    };
  }
  const broken = checks.filter((c) => c.weight > 0 && c.status === 'error');
  if (broken.length > 0) {
    const why = broken.map((c) => `${c.id} (${c.error?.cause ?? 'error'}: ${c.error?.message ?? ''})`).join('; ');
    return {
      score: null,
      status: 'harness-error',
      reason:
        `Not scored: ${broken.length === 1 ? 'a check' : `${broken.length} checks`} ` +
        `could not be evaluated: ${why}`,
      checks: [...checks],
    };
  }
  const score = suiteScore(checks);
  const status = statusOfChecks(checks, score);
  const failing = checks.filter((c) => c.weight > 0 && c.status === 'fail').map((c) => c.id);
  const reason =
    status === 'failed'
      ? `Failed checks: ${failing.join(', ')}.`
      : status === 'inconclusive'
        ? 'No check could be scored.'
        : status === 'not-applicable'
          ? 'No check applied.'
          : undefined;
  return { score, status, ...(reason !== undefined ? { reason } : {}), checks: [...checks] };
}
