/**
 * `<suite>/journey-completed`: every journey step walked while gathering the suite succeeded.
 * A step that failed (element missing, HTTP 500, search that returns nothing…) hides every later
 * state from testing, so each failed step is a finding and the check fails. Binary, impact serious.
 *
 * Weight policy: equal to the heaviest fixed check of its suite, so a broken journey costs as much
 * as the most severe single problem the suite can find (login 10 = valid-patron, accessibility 10 =
 * a critical axe rule, performance 30 = total-blocking-time, compatibility 7 = page errors).
 * A step that loaded only after the harness repeated a navigation the vendor answered with a 5xx
 * (`steps[].retries`) also fails the check: the patron saw the server error.
 * Not applicable when the gatherer walked no steps.
 */
import type { Suite } from '../core/index.ts';
import type { Check } from './types.ts';

export const JOURNEY_COMPLETED_WEIGHTS = {
  login: 10,
  accessibility: 10,
  performance: 30,
  compatibility: 7,
  // The content suite does not list this check: a download step it could not reach leaves its publication
  // unreachable (content/publications-reachable says so).
  content: 0,
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
      criteria: [],
      references: [],
      reads: ['steps'],
    },
    evaluate({ steps }) {
      if (steps.length === 0)
        return { status: 'not-applicable', detail: 'No journey steps were walked for this suite.' };
      const failed = steps.filter((s) => !s.ok);
      // A navigation the vendor answered with a 5xx is a server error the patron saw, even when the
      // harness's repeat of it then loaded: the step did not complete as asked.
      const retried = steps.filter((s) => s.ok && (s.retries?.length ?? 0) > 0);
      if (failed.length === 0 && retried.length === 0)
        return { score: 1, detail: `All ${steps.length} steps completed.` };
      const parts = [
        failed.length > 0
          ? `${failed.length} of ${steps.length} steps failed: ${failed.map((s) => s.step).join(', ')}`
          : undefined,
        retried.length > 0
          ? `${retried.length} step${retried.length === 1 ? '' : 's'} loaded only after the harness repeated a ` +
            `navigation the vendor answered with a server error: ${retried.map((s) => s.step).join(', ')}`
          : undefined,
      ].filter((x): x is string => x !== undefined);
      const where = (s: (typeof steps)[number]) => ({
        step: s.step,
        url: s.url,
        ...(s.screenshot !== undefined ? { screenshot: s.screenshot } : {}),
      });
      return {
        score: 0,
        detail: `${parts.join('; ')}.`,
        findings: [
          ...failed.map((s) => ({
            message: `Step "${s.step}" failed: ${s.error?.trim() || 'no reason recorded'}.`,
            ...where(s),
          })),
          ...retried.map((s) => ({
            message:
              `Step "${s.step}" answered ` +
              `${(s.retries ?? []).map((r) => `HTTP ${r.status} at ${r.url}`).join(', ')}; it loaded only when the ` +
              `harness repeated the navigation (${s.retries?.length} time${s.retries?.length === 1 ? '' : 's'}). A ` +
              `patron sees the server error.`,
            ...where(s),
          })),
        ],
      };
    },
  };
}
