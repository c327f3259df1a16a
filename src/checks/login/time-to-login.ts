/**
 * login/time-to-login: how long the valid patron waits from pressing submit until logged in,
 * scored on a log-normal curve (median over attempts when there are several).
 *
 * Control points: the submit is one page load plus the library system's server-to-server round
 * trip (SIP2 or REST), so it is judged on the journey's navigation curve (STEP_CURVES.navigation in
 * src/checks/performance/journey.ts, the one owner of the step curves): p10 = 1000 ms — the 1 s
 * limit for the flow of thought (Nielsen 1993; Card et al. 1991; RAIL); median = 4000 ms — the Core
 * Web Vitals border of a "poor" page load, well before the 10 s limit of attention. A login slower
 * than 4 s fails on its own, whatever rivals were tested.
 *
 * A valid patron's login that did not complete (refused, no answer, form unusable) is a login that
 * took forever: the check fails with the attempt as a finding, never passes on the other attempts.
 */
import { logNormalScore } from '../../scoring/curves.ts';
import { median } from '../../scoring/statistics.ts';
import { STEP_CURVES } from '../performance/journey.ts';
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS, PASS_THRESHOLD } from '../types.ts';
import { attemptsOf, loginStep, quoted } from './attempts.ts';
import { preflightBlocks } from './preflight.ts';

export const TIME_TO_LOGIN_POINTS = STEP_CURVES.navigation.points;

export const timeToLogin: Check<'login'> = {
  meta: {
    id: 'login/time-to-login',
    suite: 'login',
    title: 'Logging in is quick',
    impact: 'moderate',
    weight: IMPACT_WEIGHTS.moderate,
    criteria: [],
    references: ['Nielsen, Response Times: The 3 Important Limits (1 s / 10 s)'],
    reads: ['login.attempts[role=valid].durationMs', 'login.preflight'],
    scoring: {
      points: TIME_TO_LOGIN_POINTS,
      source:
        `the navigation step curve (one page load and the library system's round trip): ` +
        `${STEP_CURVES.navigation.source}`,
    },
  },
  evaluate({ data }) {
    const blocked = preflightBlocks(data, ['valid']);
    if (blocked) return { status: 'inconclusive', detail: blocked };
    const attempts = attemptsOf(data.attempts, 'valid');
    if (attempts.length === 0)
      return {
        status: 'inconclusive',
        detail: 'No login attempt with the valid patron was recorded, so there is no login time to judge.',
      };
    const incomplete = attempts.filter((a) => a.outcome !== 'logged-in');
    if (incomplete.length > 0) {
      return {
        score: 0,
        value: null,
        unit: 'ms',
        detail:
          `The valid patron's login did not complete in ${incomplete.length} of ${attempts.length} ` +
          `attempt${attempts.length === 1 ? '' : 's'}: a login that never ends is not quick.`,
        findings: incomplete.map((a) => ({
          message:
            `The valid patron's login did not complete: outcome "${a.outcome}" after ${Math.round(a.durationMs)} ` +
            `ms, ${quoted(a.message)}${a.error ? ` (${a.error})` : ''}.`,
          step: loginStep('valid'),
          url: a.url,
          ...(a.screenshot !== undefined ? { screenshot: a.screenshot } : {}),
        })),
      };
    }
    const durations = attempts.map((a) => a.durationMs);
    const value = median(durations) as number;
    const score = logNormalScore(TIME_TO_LOGIN_POINTS, value);
    return {
      score,
      value,
      unit: 'ms',
      detail:
        `Login took ${Math.round(value)} ` +
        `ms${durations.length > 1 ? ` (median of ${durations.length} attempts)` : ''}; ${TIME_TO_LOGIN_POINTS.p10} ` +
        `ms scores 0.9 and ${TIME_TO_LOGIN_POINTS.median} ms, the limit, scores 0.5.`,
      ...(score < PASS_THRESHOLD
        ? {
            findings: [
              {
                message:
                  `Logging in took ${Math.round(value)} ms from pressing submit, above the ` +
                  `${TIME_TO_LOGIN_POINTS.median} ms limit for a page load.`,
                step: loginStep('valid'),
              },
            ],
          }
        : {}),
    };
  },
};
