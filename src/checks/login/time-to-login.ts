/**
 * login/time-to-login: how long the valid patron waits from pressing submit until logged in,
 * scored on a log-normal curve (median over attempts when there are several).
 *
 * Control points (harness policy, not Lighthouse): p10 = 1000 ms — Nielsen's 1 s limit for the
 * user's flow of thought to stay uninterrupted; median = 4000 ms — the point where a wait feels
 * broken to most users (and Lighthouse's mobile LCP "poor" border), well before the 10 s limit
 * of attention. A login through a library system adds a server-to-server round trip (SIP2 or REST)
 * to the vendor's own time, which these points allow for.
 */
import { logNormalScore } from '../../scoring/curves.ts';
import { median } from '../../scoring/statistics.ts';
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { attemptsOf } from './attempts.ts';
import { preflightBlocks } from './preflight.ts';

export const TIME_TO_LOGIN_POINTS = { p10: 1000, median: 4000 } as const;

export const timeToLogin: Check<'login'> = {
  meta: {
    id: 'login/time-to-login',
    suite: 'login',
    title: 'Logging in is quick',
    impact: 'moderate',
    weight: IMPACT_WEIGHTS.moderate,
    references: ['Nielsen, Response Times: The 3 Important Limits (1 s / 10 s)'],
    reads: ['login.attempts[role=valid].durationMs'],
    scoring: {
      points: TIME_TO_LOGIN_POINTS,
      source: 'Harness policy: 1 s (flow of thought) scores 0.9, 4 s scores 0.5',
    },
  },
  evaluate({ data }) {
    const blocked = preflightBlocks(data, ['valid']);
    if (blocked) return { status: 'inconclusive', detail: blocked };
    const durations = attemptsOf(data.attempts, 'valid')
      .filter((a) => a.outcome === 'logged-in')
      .map((a) => a.durationMs);
    const value = median(durations);
    if (value === null) {
      return { status: 'not-applicable', detail: 'The valid patron did not log in, so there is no login time to score.' };
    }
    return {
      score: logNormalScore(TIME_TO_LOGIN_POINTS, value),
      value,
      unit: 'ms',
      detail: `Login took ${Math.round(value)} ms${durations.length > 1 ? ` (median of ${durations.length} attempts)` : ''}; ${TIME_TO_LOGIN_POINTS.p10} ms scores 0.9 and ${TIME_TO_LOGIN_POINTS.median} ms scores 0.5.`,
    };
  },
};
