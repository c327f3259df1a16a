/**
 * Which evidence a resumed run (`erh run --resume`) gathers again — the one owner of that rule, used
 * by the Playwright fixture (suites/harness.ts) to decide and by the CLI (src/cli/orchestrate.ts) to
 * count what is kept.
 */
import type { Evidence } from '../core/evidence.ts';

/**
 * Evidence a resumed run gathers again: a harness error, a device that could not be started (which
 * is what an interrupted run records for the cells it was starting when it was stopped), or probes
 * cut short by the harness's own teardown.
 */
export function regather(e: Evidence): boolean {
  if (e.status === 'harness-error') return true;
  if (e.status === 'not-applicable' && e.deviceUnavailable === true) return true;
  return closedUnderProbes(e) !== undefined;
}

/** A probe error that says the browser, its context or the page went away under it (Playwright, WebDriver). */
const CLOSED_UNDER_PROBE = new RegExp(
  [
    'Target page, context or browser has been closed',
    'Browser has been closed',
    'Target closed',
    'browser has disconnected',
    'invalid session id',
    'no such window',
  ].join('|'),
  'i',
);

/**
 * Evidence marked complete whose probes failed because the browser, its context or the page was
 * closed under them — the harness's own teardown (a timed-out test, a stopped worker), never the
 * vendor's doing: it is not complete, so it is recorded as a harness error and a resumed run
 * gathers it again. Returns the first such error.
 */
export function closedUnderProbes(e: Evidence): string | undefined {
  if (e.status !== 'complete' || e.suite !== 'accessibility') return undefined;
  for (const state of e.accessibility?.states ?? []) {
    const hit = state.probes?.errors.find((x) => CLOSED_UNDER_PROBE.test(x.message));
    if (hit) return `${state.step}: probe ${hit.probe} failed because the browser went away under it (${hit.message})`;
  }
  return undefined;
}
