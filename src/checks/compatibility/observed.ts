import type { StepEvidence } from '../../core/index.ts';
import type { CheckOutcome } from '../types.ts';

/**
 * The outcome of a check whose events the driver could not observe (WebDriver classic sees no
 * console, uncaught exceptions or network): not applicable — "not observable" is not "none seen".
 */
export function notObservable(what: string): CheckOutcome {
  return {
    status: 'not-applicable',
    detail:
      `Not observable on this device: its driver (WebDriver classic) does not report ${what}, so an empty list ` +
      `does not mean none occurred.`,
  };
}

/**
 * The outcome of a per-state check with no sample: not applicable when no journey step was walked;
 * inconclusive (with the failed step) when steps were walked but none reached a state to examine —
 * an unexamined page is not a page without the problem.
 */
export function nothingSampled(steps: readonly StepEvidence[], what: string): CheckOutcome {
  if (steps.length === 0)
    return {
      status: 'not-applicable',
      detail: `No page state was sampled (no journey step was walked), so ${what} could not be examined.`,
    };
  const failed = steps.find((s) => !s.ok);
  return {
    status: 'inconclusive',
    detail:
      `No page state was sampled, so ${what} could not be ` +
      'examined' +
      (failed
        ? `: the journey stopped at step "${failed.step}"${failed.error ? ` (${failed.error})` : ''}; ` +
          'see journey-completed'
        : '') +
      '.',
  };
}
