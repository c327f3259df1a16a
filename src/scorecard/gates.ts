/**
 * Must-pass gates. A gate names a check that must have status `pass`:
 * - scope `every-device`: false when the check fails (or needs review → undecided, see below) on
 *   any device; true when it passes on every device where it applies; otherwise null.
 * - scope `any-device`: true when it passes on at least one device; false when it fails on every
 *   device where it applies; otherwise null.
 * Devices where the check is not-applicable are left out. A check that is inconclusive, needs
 * review, or absent (missing evidence, unreachable vendor) makes the gate undecided (null) unless
 * the rule above already decided it. Only `passed === true` counts towards eligibility.
 */
import type { CheckResult, CheckStatus, Gate, GateResult } from '../core/index.ts';

/** Status of the gate's check on one device; undefined when the device has no such check result. */
export interface GateObservation {
  readonly device: string;
  readonly check: CheckResult | undefined;
}

type Verdict = 'pass' | 'fail' | 'skip' | 'undecided';

function verdict(status: CheckStatus | undefined): Verdict {
  if (status === 'pass') return 'pass';
  if (status === 'fail') return 'fail';
  if (status === 'not-applicable') return 'skip';
  return 'undecided';
}

export function evaluateGate(gate: Gate, title: string, observations: readonly GateObservation[]): GateResult {
  const verdicts = observations.map((o) => ({ device: o.device, verdict: verdict(o.check?.status) }));
  const failedOn = verdicts.filter((v) => v.verdict === 'fail').map((v) => v.device);
  const applicable = verdicts.filter((v) => v.verdict !== 'skip');
  let passed: boolean | null;
  if (applicable.length === 0) passed = null;
  else if (gate.scope === 'any-device') {
    passed = applicable.some((v) => v.verdict === 'pass') ? true : applicable.every((v) => v.verdict === 'fail') ? false : null;
  } else {
    passed = failedOn.length > 0 ? false : applicable.every((v) => v.verdict === 'pass') ? true : null;
  }
  return { id: gate.id, title, check: gate.check, passed, failedOn };
}
