/**
 * Evidence seen at some journey steps only, for gates that speak about one part of the journey
 * ("no critical accessibility failure in the login form" = the `login-error` state). The checks then
 * run on the restricted evidence as on any other, so a verdict never depends on how many findings a
 * check keeps. Login evidence has no steps (the login form is one state): it is kept whole.
 */
import type { Evidence } from '../core/index.ts';

/** Steps (journey steps and states such as `login-error`) a record examined. */
function examinedSteps(evidence: Evidence): string[] {
  const steps = new Set<string>(evidence.steps.map((s) => s.step));
  switch (evidence.suite) {
    case 'accessibility':
      for (const s of evidence.accessibility?.states ?? []) steps.add(s.step);
      break;
    case 'performance':
      for (const p of evidence.performance?.pages ?? []) steps.add(p.step);
      break;
    case 'compatibility':
      for (const o of evidence.compatibility?.overflow ?? []) steps.add(o.step);
      break;
    case 'login':
      if ((evidence.login?.attempts.length ?? 0) > 0) steps.add('login');
      break;
  }
  return [...steps];
}

/** Whether a record examined any of the steps (login evidence: whether any attempt was made). */
export function examinedAny(evidence: Evidence, steps: readonly string[]): boolean {
  if (evidence.suite === 'login') return (evidence.login?.attempts.length ?? 0) > 0;
  const seen = examinedSteps(evidence);
  return steps.some((s) => seen.includes(s));
}

/** The record with everything outside the steps removed. */
export function restrictToSteps(evidence: Evidence, steps: readonly string[]): Evidence {
  const keep = (step: string) => steps.includes(step);
  const base = { ...evidence, steps: evidence.steps.filter((s) => keep(s.step)) };
  switch (evidence.suite) {
    case 'login':
      return { ...evidence };
    case 'accessibility':
      return evidence.accessibility === undefined
        ? { ...base, suite: 'accessibility' }
        : {
            ...base,
            suite: 'accessibility',
            accessibility: {
              ...evidence.accessibility,
              states: evidence.accessibility.states.filter((s) => keep(s.step)),
            },
          };
    case 'performance':
      return evidence.performance === undefined
        ? { ...base, suite: 'performance' }
        : {
            ...base,
            suite: 'performance',
            performance: { ...evidence.performance, pages: evidence.performance.pages.filter((p) => keep(p.step)) },
          };
    case 'compatibility': {
      const c = evidence.compatibility;
      return c === undefined
        ? { ...base, suite: 'compatibility' }
        : {
            ...base,
            suite: 'compatibility',
            compatibility: {
              ...c,
              console: c.console.filter((e) => keep(e.step)),
              pageErrors: c.pageErrors.filter((e) => keep(e.step)),
              failedRequests: c.failedRequests.filter((e) => keep(e.step)),
              overflow: c.overflow.filter((e) => keep(e.step)),
            },
          };
    }
    case 'content':
      // Publications, statement and ACR belong to no journey step: kept whole.
      return { ...evidence };
  }
}
