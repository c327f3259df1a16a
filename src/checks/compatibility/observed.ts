import type { CheckOutcome } from '../types.ts';

/**
 * The outcome of a check whose events the driver could not observe (WebDriver classic sees no
 * console, uncaught exceptions or network): not applicable — "not observable" is not "none seen".
 */
export function notObservable(what: string): CheckOutcome {
  return {
    status: 'not-applicable',
    detail: `Not observable on this device: its driver (WebDriver classic) does not report ${what}, so an empty list does not mean none occurred.`,
  };
}
