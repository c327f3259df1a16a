/**
 * login/valid-patron: the valid test patron logs in. Every attempt made with the valid patron must
 * end `logged-in`. Binary; critical, and usually a must-pass gate in profiles: a service a patron
 * cannot log into is not usable at all.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { attemptsOf, loginStep, quoted, withFirstTries } from './attempts.ts';
import { preflightBlocks } from './preflight.ts';

export const validPatron: Check<'login'> = {
  meta: {
    id: 'login/valid-patron',
    suite: 'login',
    title: 'A valid library card and PIN log the patron in',
    impact: 'critical',
    weight: IMPACT_WEIGHTS.critical,
    criteria: [],
    references: ['FIELD.md: login through library-system authentication is the first gate of every procurement'],
    reads: ['login.attempts[role=valid]', 'login.preflight'],
  },
  evaluate({ data }) {
    const blocked = preflightBlocks(data, ['valid']);
    if (blocked) return { status: 'inconclusive', detail: blocked };
    const attempts = attemptsOf(data.attempts, 'valid');
    if (attempts.length === 0) {
      return { status: 'inconclusive', detail: 'No login attempt with the valid patron was recorded.' };
    }
    const failed = attempts.filter((a) => a.outcome !== 'logged-in');
    if (failed.length === 0) {
      return {
        score: 1,
        detail: withFirstTries(
          `The valid patron logged in (${attempts.length} attempt${attempts.length > 1 ? 's' : ''}).`,
          data.attempts,
          'valid',
        ),
      };
    }
    return {
      score: 0,
      detail: withFirstTries(
        `The valid patron was not logged in on ${failed.length} of ${attempts.length} attempts.`,
        data.attempts,
        'valid',
      ),
      findings: failed.map((a) => ({
        message:
          `Valid patron was not logged in: outcome "${a.outcome}", ` +
          `${quoted(a.message)}${a.error ? ` (${a.error})` : ''}.`,
        step: loginStep('valid'),
        url: a.url,
        ...(a.screenshot !== undefined ? { screenshot: a.screenshot } : {}),
      })),
    };
  },
};
