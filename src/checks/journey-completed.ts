/**
 * `<suite>/journey-completed`: every journey step walked while gathering the suite succeeded.
 * A step that failed (element missing, HTTP 500, search that returns nothing…) hides every later
 * state from testing, so each failed step is a finding and the check fails. Binary, impact serious.
 *
 * Weight policy: equal to the heaviest fixed check of its suite, so a broken journey costs as much
 * as the most severe single problem the suite can find (login 10 = valid-patron, accessibility 10 =
 * a critical axe rule, performance 30 = total-blocking-time, compatibility 7 = page errors).
 * Not applicable when the gatherer walked no steps.
 */
import type { Suite } from '../core/index.ts';
import type { Check } from './types.ts';

export const JOURNEY_COMPLETED_WEIGHTS = {
  login: 10,
  accessibility: 10,
  performance: 30,
  compatibility: 7,
} as const satisfies Record<Suite, number>;

export function journeyCompletedId(suite: Suite): string {
  return `${suite}/journey-completed`;
}

export function journeyCompleted<S extends Suite>(suite: S): Check<S> {
  return {
    meta: {
      id: journeyCompletedId(suite),
      suite,
      title: 'Every step of the patron journey could be completed',
      impact: 'serious',
      weight: JOURNEY_COMPLETED_WEIGHTS[suite],
      references: [],
      reads: ['steps'],
    },
    evaluate({ steps }) {
      if (steps.length === 0) return { status: 'not-applicable', detail: 'No journey steps were walked for this suite.' };
      const failed = steps.filter((s) => !s.ok);
      if (failed.length === 0) return { score: 1, detail: `All ${steps.length} steps completed.` };
      return {
        score: 0,
        detail: `${failed.length} of ${steps.length} steps failed: ${failed.map((s) => s.step).join(', ')}.`,
        findings: failed.map((s) => ({
          message: `Step "${s.step}" failed: ${s.error?.trim() || 'no reason recorded'}.`,
          step: s.step,
          url: s.url,
          ...(s.screenshot !== undefined ? { screenshot: s.screenshot } : {}),
        })),
      };
    },
  };
}
