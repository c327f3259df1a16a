/**
 * Budgets (profile `budgets:`): limits a committee or a contract sets beside the weights.
 * - A value budget names a check with a measured value (e.g. performance/largest-contentful-paint,
 *   in ms): the value must be at most `max` on every device where it was measured. `actual` is the
 *   worst device's value; `failedOn` the devices over budget.
 * - A score budget names a suite or `overall`: the service's score, compared in whole points as the
 *   scorecard shows it, must be at least `min`.
 * Not measured anywhere → passed null. Budgets never change eligibility or rank; `erh run --gate`
 * fails on them, and the scorecard shows them next to the gates.
 */
import type { Budget, BudgetResult, ScorecardEntry, TargetResult } from '../core/index.ts';
import { SUITES, localize } from '../core/index.ts';
import { findCheckMeta } from '../checks/registry.ts';
import { roundTo } from '../scoring/statistics.ts';
import { RANK_DIGITS } from './rank.ts';

function checkOn(target: TargetResult, id: string) {
  for (const suite of SUITES) {
    const found = target.suites[suite].checks.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

export function evaluateBudget(
  budget: Budget,
  entry: Pick<ScorecardEntry, 'overall' | 'suites'>,
  targets: readonly TargetResult[],
): BudgetResult {
  if ('check' in budget) {
    const measured = targets.flatMap((t) => {
      const c = checkOn(t, budget.check);
      return c && typeof c.value === 'number'
        ? [{ device: t.device, value: c.value, unit: c.unit, title: c.title }]
        : [];
    });
    const actual = measured.length === 0 ? null : Math.max(...measured.map((m) => m.value));
    const failedOn = measured.filter((m) => m.value > budget.max).map((m) => m.device);
    const unit = measured.find((m) => m.unit !== undefined)?.unit;
    return {
      id: budget.id,
      title:
        (budget.title !== undefined ? localize(budget.title, 'en') : undefined) ??
        findCheckMeta(budget.check)?.title ??
        measured[0]?.title ??
        budget.check,
      subject: budget.check,
      kind: 'value',
      limit: budget.max,
      ...(unit !== undefined ? { unit } : {}),
      actual,
      passed: actual === null ? null : failedOn.length === 0,
      failedOn,
    };
  }
  const actual = budget.score === 'overall' ? entry.overall : entry.suites[budget.score];
  return {
    id: budget.id,
    title: budget.title !== undefined ? localize(budget.title, 'en') : `${budget.score} score at least ${budget.min}`,
    subject: budget.score,
    kind: 'score',
    limit: budget.min,
    actual,
    passed: actual === null ? null : roundTo(actual, RANK_DIGITS) >= budget.min,
    failedOn: [],
  };
}
