/**
 * The one normaliser: the only way a CheckOutcome becomes a CheckResult (after Lighthouse's
 * Audit.generateAuditResult, which throws on an invalid score). Invariants it owns:
 * - a scored outcome has a finite score in 0..1, and its status is derived from it: `pass` when
 *   score ≥ PASS_THRESHOLD, else `fail`. A score outside 0..1 or not a number is never clamped or
 *   guessed: the result is `error` with a typed cause (`score-out-of-range`, `score-not-finite`);
 * - a check that throws is `error` with cause `threw` and the message — a harness defect, never a
 *   vendor failure and never a silent `inconclusive`;
 * - an unscored outcome (needs-review, not-applicable, inconclusive) and an error have score null;
 * - id, suite, title, impact, weight, criteria and references come from the metadata, never the
 *   outcome;
 * - every finding carries the check's declared impact (severity comes from the rule, never from the
 *   evidence); findings are kept up to MAX_FINDINGS for display, and `findingsTotal` counts them all.
 */
import type { CheckErrorCause, CheckResult, Finding, Suite } from '../core/index.ts';
import { MAX_FINDINGS, PASS_THRESHOLD } from './types.ts';
import type { Check, CheckInput, CheckMeta, CheckOutcome } from './types.ts';
import { UndeclaredReadError, admit } from './inputs.ts';

function errorResult(meta: CheckMeta, cause: CheckErrorCause, message: string): CheckResult {
  return {
    ...base(meta),
    status: 'error',
    score: null,
    detail: `The check could not be evaluated (harness defect): ${message}`,
    error: { cause, message },
    findings: [],
    findingsTotal: 0,
  };
}

function base(
  meta: CheckMeta,
): Pick<CheckResult, 'id' | 'suite' | 'title' | 'weight' | 'impact' | 'criteria' | 'references'> {
  return {
    id: meta.id,
    suite: meta.suite,
    title: meta.title,
    weight: meta.weight,
    impact: meta.impact,
    criteria: [...meta.criteria],
    references: [...meta.references],
  };
}

export function toCheckResult(meta: CheckMeta, outcome: CheckOutcome): CheckResult {
  let score: number | null;
  let status: CheckResult['status'];
  if (outcome.status !== undefined) {
    score = null;
    status = outcome.status;
  } else if (typeof outcome.score !== 'number' || !Number.isFinite(outcome.score)) {
    return errorResult(
      meta,
      'score-not-finite',
      `the check returned the score ${String(outcome.score)}, not a number in 0–1.`,
    );
  } else if (outcome.score < 0 || outcome.score > 1) {
    return errorResult(meta, 'score-out-of-range', `the check returned the score ${outcome.score}, outside 0–1.`);
  } else {
    score = outcome.score;
    status = score >= PASS_THRESHOLD ? 'pass' : 'fail';
  }

  const all: Finding[] = (outcome.findings ?? []).map((f) => ({ ...f, impact: meta.impact }));
  const findings = all.slice(0, MAX_FINDINGS);
  let detail = outcome.detail;
  if (all.length > findings.length) {
    const note = `${all.length} findings; the first ${MAX_FINDINGS} are listed.`;
    detail = detail === undefined ? note : `${detail} ${note}`;
  }

  const value =
    outcome.value === undefined
      ? undefined
      : outcome.value !== null && Number.isFinite(outcome.value)
        ? outcome.value
        : null;
  return {
    ...base(meta),
    status,
    score,
    ...(value !== undefined ? { value } : {}),
    ...(outcome.unit !== undefined ? { unit: outcome.unit } : {}),
    ...(detail !== undefined ? { detail } : {}),
    findings,
    findingsTotal: all.length,
  };
}

/**
 * Run one check on its declared input (inputs.ts: the one boundary for declared evidence): a
 * declaration the evidence cannot meet or a read of undeclared evidence is an `error` result
 * (`undeclared-read`); required evidence that is absent is not applicable, with the check's reason;
 * a check that throws is an `error` result naming the error.
 */
export function runCheck<S extends Suite>(check: Check<S>, input: CheckInput<S>): CheckResult {
  const admitted = admit(check.meta, input);
  if (admitted.kind === 'invalid') return errorResult(check.meta, 'undeclared-read', admitted.message);
  if (admitted.kind === 'absent')
    return toCheckResult(check.meta, { status: 'not-applicable', detail: admitted.detail });
  let outcome: CheckOutcome;
  try {
    outcome = check.evaluate(admitted.input);
  } catch (error) {
    const cause = error instanceof UndeclaredReadError ? 'undeclared-read' : 'threw';
    return errorResult(check.meta, cause, error instanceof Error ? error.message : String(error));
  }
  return toCheckResult(check.meta, outcome);
}

/** The result of a check that could not run on this evidence (gathering was not complete). */
export function unscoredResult(
  meta: CheckMeta,
  status: 'inconclusive' | 'not-applicable',
  detail: string,
): CheckResult {
  return toCheckResult(meta, { status, detail });
}
