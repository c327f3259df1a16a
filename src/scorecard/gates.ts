/**
 * Must-pass gates. A gate is either
 * - a **check gate** (`check:`): the named check must have status `pass`, or
 * - a **rule gate** (`noFailures:`): no scored check (weight > 0) of the suite (or suites) may fail
 *   with at least the given impact — optionally only checks whose id starts with `checks`, only
 *   checks testing a WCAG criterion (`criteria: any`, or the listed ones), and only failures seen at
 *   the given journey steps (the evidence is restricted to those steps before the checks run, so
 *   the verdict does not depend on how many findings a check keeps). A check's failure impact is its
 *   declared impact, so a failure is never missed because its findings were capped for display.
 *
 * Per device the gate holds, breaks, is skipped (not applicable there) or is undecided (inconclusive,
 * missing evidence, unreachable vendor, the steps were not examined, or a required device was not in
 * the run). Then, by scope:
 * - `every-device`: false when it breaks on any device; true when it holds on every device where it
 *   applies; otherwise null.
 * - `any-device`: true when it holds on at least one device; false when it breaks on every device
 *   where it applies; otherwise null.
 * Devices where it does not apply are left out; none left → the gate does not apply to the service
 * (`notApplicable`, `passed` null): e.g. a login gate for an open-access service. A gate that passed
 * or does not apply keeps a service eligible; a failed or undecided one does not. `devices:` narrows
 * the gate to the required devices.
 */
import type { CheckResult, CheckStatus, FailureRule, Gate, GateResult, Impact, SuiteResult } from '../core/index.ts';
import { IMPACTS, ruleSuites } from '../core/index.ts';

/** What one device says about a gate: for a check gate the check, for a rule gate the suite. */
export interface GateObservation {
  readonly device: string;
  /** Check gates: the check's result on this device; undefined when there is none. */
  readonly check?: CheckResult | undefined;
  /**
   * Rule gates: the result of each of the rule's suites on this device (restricted to the rule's steps); undefined when
   * there is none.
   */
  readonly suites?: readonly SuiteResult[] | undefined;
  /**
   * Rule gates with steps, when gathering was complete: whether any of the steps was examined on
   * this device (false makes the device undecided: the part of the journey was never seen).
   */
  readonly examined?: boolean;
}

type Verdict = 'pass' | 'fail' | 'skip' | 'undecided';

/** Whether a gate keeps a service eligible: it passed, or it does not apply to the service. */
export function gateHolds(gate: GateResult): boolean {
  return gate.passed === true || gate.notApplicable === true;
}

function checkVerdict(status: CheckStatus | undefined): Verdict {
  if (status === 'pass') return 'pass';
  if (status === 'fail') return 'fail';
  if (status === 'not-applicable') return 'skip';
  return 'undecided';
}

function atLeast(impact: Impact, min: Impact): boolean {
  return IMPACTS.indexOf(impact) >= IMPACTS.indexOf(min);
}

/**
 * The impact a failing check failed with: its declared impact (severity comes from the rule, and every
 * finding carries it), so no finding beyond the ones kept for display can be missed.
 */
export function failureImpact(check: CheckResult): Impact {
  return check.impact;
}

function testsCriteria(rule: FailureRule, check: CheckResult): boolean {
  if (rule.criteria === undefined) return true;
  if (rule.criteria === 'any') return check.criteria.length > 0;
  const wanted = rule.criteria;
  return check.criteria.some((sc) => wanted.includes(sc));
}

/** Failing scored checks that break a rule. */
function ruleFailures(rule: FailureRule, suites: readonly SuiteResult[]): Array<{ check: string; impact: Impact }> {
  return suites
    .flatMap((suite) => suite.checks)
    .filter(
      (c) =>
        c.status === 'fail' &&
        c.weight > 0 &&
        (rule.checks === undefined || c.id.startsWith(rule.checks)) &&
        testsCriteria(rule, c),
    )
    .map((c) => ({ check: c.id, impact: failureImpact(c) }))
    .filter((f) => atLeast(f.impact, rule.impact));
}

/**
 * A rule over several suites breaks on a failure in any of them; it holds only when every suite that
 * applies was scored; a suite that does not apply (e.g. login for an open-access service) is left
 * out, and when none applies the gate is skipped on the device.
 */
function ruleVerdict(rule: FailureRule, o: GateObservation): Verdict {
  const suites = o.suites;
  if (suites === undefined || suites.length === 0) return 'undecided';
  if (rule.steps !== undefined && o.examined === false) return 'undecided';
  const applicable = suites.filter((s) => s.status !== 'not-applicable');
  if (
    ruleFailures(
      rule,
      applicable.filter((s) => s.status === 'passed' || s.status === 'failed'),
    ).length > 0
  )
    return 'fail';
  if (applicable.length === 0) return 'skip';
  if (applicable.some((s) => s.status !== 'passed' && s.status !== 'failed')) return 'undecided';
  return 'pass';
}

/** The id recorded as a gate's `check`: the check id, or the rule's check prefix with `*`. */
function gateSubject(gate: Gate): string {
  if (gate.check !== undefined) return gate.check;
  const rule = gate.noFailures as FailureRule;
  return rule.checks !== undefined
    ? `${rule.checks}*`
    : ruleSuites(rule)
        .map((suite) => `${suite}/*`)
        .join(', ');
}

/** English title of a rule gate without a title of its own. */
export function ruleTitle(rule: FailureRule): string {
  const at = rule.steps ? ` at ${rule.steps.join(', ')}` : '';
  return (
    `No failing ${ruleSuites(rule).join(' or ')} check of ${rule.impact} ` +
    `impact${rule.impact === 'critical' ? '' : ' or worse'}${at}`
  );
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
  // Every required device skipped it: the gate does not apply (only when devices were observed at all).
  const notApplicable = verdicts.length > 0 && applicable.length === 0;
  if (applicable.length === 0) passed = null;
  else if (gate.scope === 'any-device') {
    passed = applicable.some((v) => v.verdict === 'pass')
      ? true
      : applicable.every((v) => v.verdict === 'fail')
        ? false
        : null;
  } else {
    passed = failedOn.length > 0 ? false : applicable.every((v) => v.verdict === 'pass') ? true : null;
  }
  const failures =
    rule === undefined
      ? []
      : observations.flatMap((o) =>
          o.suites && ruleVerdict(rule, o) === 'fail'
            ? ruleFailures(rule, o.suites).map((f) => ({ device: o.device, ...f }))
            : [],
        );
  return {
    id: gate.id,
    title,
    check: gateSubject(gate),
    passed,
    ...(notApplicable ? { notApplicable: true } : {}),
    failedOn,
    ...(undecidedOn.length > 0 && passed !== true ? { undecidedOn } : {}),
    ...(failures.length > 0 ? { failures } : {}),
  };
}
