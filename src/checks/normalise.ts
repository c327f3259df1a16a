/**
 * The one normaliser: the only way a CheckOutcome becomes a CheckResult (after Lighthouse's
 * Audit.generateAuditResult). Invariants it owns:
 * - a scored outcome has a finite score clamped to 0..1, and its status is derived from it:
 *   `pass` when score ≥ PASS_THRESHOLD, else `fail`;
 * - an unscored outcome (needs-review, not-applicable, inconclusive) has score null;
 * - id, suite, title, impact, weight and references come from the metadata, never the outcome;
 * - findings take the check's impact unless they carry their own, and are capped at MAX_FINDINGS
 *   (the total is stated in `detail`);
 * - a check that throws is a harness defect, recorded as `inconclusive` with the error, never as a
 *   vendor failure.
 */
import type { CheckResult, Finding, Suite } from '../core/index.ts';
import { MAX_FINDINGS, PASS_THRESHOLD } from './types.ts';
import type { Check, CheckInput, CheckMeta, CheckOutcome } from './types.ts';

function clamp01(score: number): number {
  return Math.min(1, Math.max(0, score));
}

export function toCheckResult(meta: CheckMeta, outcome: CheckOutcome): CheckResult {
  let score: number | null;
  let status: CheckResult['status'];
  let detail = outcome.detail;
  if (outcome.status !== undefined) {
    score = null;
    status = outcome.status;
  } else if (typeof outcome.score === 'number' && Number.isFinite(outcome.score)) {
    score = clamp01(outcome.score);
    status = score >= PASS_THRESHOLD ? 'pass' : 'fail';
  } else {
    score = null;
    status = 'inconclusive';
    detail = `Check produced no valid score (${String(outcome.score)}); this is a harness defect.`;
  }

  const all: Finding[] = (outcome.findings ?? []).map((f) => ({ ...f, impact: f.impact ?? meta.impact }));
  const findings = all.slice(0, MAX_FINDINGS);
  if (all.length > findings.length) {
    const note = `${all.length} findings; the first ${MAX_FINDINGS} are listed.`;
    detail = detail === undefined ? note : `${detail} ${note}`;
  }

  const value = outcome.value === undefined ? undefined : outcome.value !== null && Number.isFinite(outcome.value) ? outcome.value : null;
  return {
    id: meta.id,
    suite: meta.suite,
    title: meta.title,
    status,
    score,
    weight: meta.weight,
    impact: meta.impact,
    references: [...meta.references],
    ...(value !== undefined ? { value } : {}),
    ...(outcome.unit !== undefined ? { unit: outcome.unit } : {}),
    ...(detail !== undefined ? { detail } : {}),
    findings,
  };
}

/** Run one check on its input; errors become an inconclusive result naming the error. */
export function runCheck<S extends Suite>(check: Check<S>, input: CheckInput<S>): CheckResult {
  let outcome: CheckOutcome;
  try {
    outcome = check.evaluate(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = { status: 'inconclusive', detail: `The check could not evaluate the evidence (harness defect): ${message}` };
  }
  return toCheckResult(check.meta, outcome);
}

/** The result of a check that could not run on this evidence (gathering was not complete). */
export function unscoredResult(meta: CheckMeta, status: 'inconclusive' | 'not-applicable', detail: string): CheckResult {
  return toCheckResult(meta, { status, detail });
}
