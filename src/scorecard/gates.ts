/**
 * Must-pass gates. A gate is either
 * - a **check gate** (`check:`): the named check must have status `pass`, or
 * - a **rule gate** (`noFailures:`): no scored check (weight > 0) of the suite may fail with at least
 *   the given impact — optionally only checks whose id starts with `checks`, and only failures seen
 *   at the given journey steps (the evidence is restricted to those steps before the checks run, so
 *   the verdict does not depend on how many findings a check keeps).
 *
 * Per device the gate holds, breaks, is skipped (not applicable there) or is undecided (inconclusive,
 * missing evidence, unreachable vendor, the steps were not examined, or a required device was not in
 * the run). Then, by scope:
 * - `every-device`: false when it breaks on any device; true when it holds on every device where it
 *   applies; otherwise null.
 * - `any-device`: true when it holds on at least one device; false when it breaks on every device
 *   where it applies; otherwise null.
 * Devices where it does not apply are left out; none left → null. Only `passed === true` counts
 * towards eligibility. `devices:` narrows the gate to the required devices.
 */
import type { CheckResult, CheckStatus, FailureRule, Gate, GateResult, Impact, SuiteResult } from '../core/index.ts';
import { IMPACTS } from '../core/index.ts';

/** What one device says about a gate: for a check gate the check, for a rule gate the suite. */
export interface GateObservation {
  readonly device: string;
  /** Check gates: the check's result on this device; undefined when there is none. */
  readonly check?: CheckResult | undefined;
  /** Rule gates: the suite's result on this device (restricted to the rule's steps); undefined when there is none. */
  readonly suite?: SuiteResult | undefined;
  /**
   * Rule gates with steps, when gathering was complete: whether any of the steps was examined on
   * this device (false makes the device undecided: the part of the journey was never seen).
   */
  readonly examined?: boolean;
}

type Verdict = 'pass' | 'fail' | 'skip' | 'undecided';

function checkVerdict(status: CheckStatus | undefined): Verdict {
  if (status === 'pass') return 'pass';
  if (status === 'fail') return 'fail';
  if (status === 'not-applicable') return 'skip';
  return 'undecided';
}

function atLeast(impact: Impact, min: Impact): boolean {
  return IMPACTS.indexOf(impact) >= IMPACTS.indexOf(min);
}

/** The impact a failing check failed with: the highest of its findings, or the check's own. */
export function failureImpact(check: CheckResult): Impact {
  let best = check.findings.length > 0 ? -1 : IMPACTS.indexOf(check.impact);
  for (const f of check.findings) best = Math.max(best, IMPACTS.indexOf(f.impact));
  return IMPACTS[best] ?? check.impact;
}

/** Failing scored checks that break a rule. */
export function ruleFailures(rule: FailureRule, suite: SuiteResult): Array<{ check: string; impact: Impact }> {
  return suite.checks
    .filter((c) => c.status === 'fail' && c.weight > 0 && (rule.checks === undefined || c.id.startsWith(rule.checks)))
    .map((c) => ({ check: c.id, impact: failureImpact(c) }))
    .filter((f) => atLeast(f.impact, rule.impact));
}

function ruleVerdict(rule: FailureRule, o: GateObservation): Verdict {
  const suite = o.suite;
  if (suite === undefined) return 'undecided';
  if (rule.steps !== undefined && o.examined === false) return 'undecided';
  if (suite.status === 'not-applicable') return 'skip';
  if (suite.status !== 'passed' && suite.status !== 'failed') return 'undecided';
  return ruleFailures(rule, suite).length > 0 ? 'fail' : 'pass';
}

/** The id recorded as a gate's `check`: the check id, or the rule's check prefix with `*`. */
export function gateSubject(gate: Gate): string {
  if (gate.check !== undefined) return gate.check;
  const rule = gate.noFailures as FailureRule;
  return `${rule.checks ?? `${rule.suite}/`}*`;
}

/** English title of a rule gate without a title of its own. */
export function ruleTitle(rule: FailureRule): string {
  const at = rule.steps ? ` at ${rule.steps.join(', ')}` : '';
  return `No failing ${rule.suite} check of ${rule.impact} impact${rule.impact === 'critical' ? '' : ' or worse'}${at}`;
}

export function evaluateGate(gate: Gate, title: string, observations: readonly GateObservation[]): GateResult {
  const rule = gate.noFailures;
  const verdicts = observations.map((o) => ({
    device: o.device,
    verdict: rule === undefined ? checkVerdict(o.check?.status) : ruleVerdict(rule, o),
  }));
  const failedOn = verdicts.filter((v) => v.verdict === 'fail').map((v) => v.device);
  const undecidedOn = verdicts.filter((v) => v.verdict === 'undecided').map((v) => v.device);
  const applicable = verdicts.filter((v) => v.verdict !== 'skip');
  let passed: boolean | null;
  if (applicable.length === 0) passed = null;
  else if (gate.scope === 'any-device') {
    passed = applicable.some((v) => v.verdict === 'pass') ? true : applicable.every((v) => v.verdict === 'fail') ? false : null;
  } else {
    passed = failedOn.length > 0 ? false : applicable.every((v) => v.verdict === 'pass') ? true : null;
  }
  const failures =
    rule === undefined
      ? []
      : observations.flatMap((o) => (o.suite && ruleVerdict(rule, o) === 'fail' ? ruleFailures(rule, o.suite).map((f) => ({ device: o.device, ...f })) : []));
  return {
    id: gate.id,
    title,
    check: gateSubject(gate),
    passed,
    failedOn,
    ...(undecidedOn.length > 0 && passed !== true ? { undecidedOn } : {}),
    ...(failures.length > 0 ? { failures } : {}),
  };
}
