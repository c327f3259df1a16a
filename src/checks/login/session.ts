/**
 * After the valid patron has logged in:
 * - login/session-survives-reload: reloading the page keeps the patron logged in;
 * - login/logout-ends-session: after logging out, a page that needs login asks for it again. Libraries
 *   lend shared computers: a logout that leaves the session alive lets the next patron into the
 *   previous one's loans (OWASP ASVS 5.0 V7.4.1 session termination; library-auth.md F15).
 */
import type { LoginEvidence } from '../../core/index.ts';
import type { Check, CheckOutcome } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { preflightBlocks } from './preflight.ts';
import { attemptsOf } from './attempts.ts';

/**
 * No session was examined. Not applicable when the login has no browser session (an API login);
 * inconclusive, with why, when it has one but the valid patron never got in (login/valid-patron
 * reports that failure): nothing was tested, which is not "the session is fine".
 */
function noSession(data: LoginEvidence, what: 'reload' | 'log out of'): CheckOutcome {
  const valid = attemptsOf(data.attempts, 'valid');
  if (data.strategy === 'password-grant')
    return { status: 'not-applicable', detail: `An API login has no browser session to ${what}.` };
  const failed = valid.find((a) => a.outcome !== 'logged-in');
  if (valid.length === 0 || failed) {
    return {
      status: 'inconclusive',
      detail:
        `There was no session to ${what}: ` +
        (failed
          ? `the valid patron's login ended "${failed.outcome}" (see login/valid-patron).`
          : 'no attempt with the valid patron was recorded.'),
    };
  }
  return {
    status: 'inconclusive',
    detail: `The valid patron logged in, but the session after it was not examined, so there was nothing to ${what}.`,
  };
}

export const sessionSurvivesReload: Check<'login'> = {
  meta: {
    id: 'login/session-survives-reload',
    suite: 'login',
    title: 'The session survives a page reload',
    impact: 'moderate',
    weight: IMPACT_WEIGHTS.moderate,
    criteria: ['2.2.1'],
    references: ['library-auth.md F14 (session timeout and persistence)'],
    reads: ['login.session.survivesReload', 'login.preflight', 'login.attempts[role=valid]', 'login.strategy'],
  },
  evaluate({ data }) {
    const blocked = preflightBlocks(data, ['valid']);
    if (blocked) return { status: 'inconclusive', detail: blocked };
    const s = data.session;
    if (!s || s.survivesReload === null) return noSession(data, 'reload');
    if (s.survivesReload) return { score: 1, detail: 'After a reload the patron was still logged in.' };
    return {
      score: 0,
      detail: 'After a reload the patron was no longer logged in.',
      findings: [{ message: 'Reloading the page logged the patron out.', step: 'login:valid' }],
    };
  },
};

export const logoutEndsSession: Check<'login'> = {
  meta: {
    id: 'login/logout-ends-session',
    suite: 'login',
    title: 'Logging out really ends the session',
    impact: 'critical',
    weight: IMPACT_WEIGHTS.critical,
    criteria: [],
    references: ['OWASP ASVS 5.0 V7.4.1 (session termination on logout)', 'library-auth.md F15 (logout)'],
    reads: ['login.session.logout', 'login.preflight', 'login.attempts[role=valid]', 'login.strategy'],
  },
  evaluate({ data }) {
    const blocked = preflightBlocks(data, ['valid']);
    if (blocked) return { status: 'inconclusive', detail: blocked };
    const s = data.session;
    if (s?.logout === 'not-tested')
      return { status: 'not-applicable', detail: s.detail ?? 'No logout control is declared (login.logout).' };
    if (!s) return noSession(data, 'log out of');
    if (s.logout === 'ended')
      return { score: 1, detail: s.detail ?? 'After logging out, the protected page asked for login again.' };
    if (s.logout === 'error')
      return {
        score: 0,
        detail: `Logging out failed: ${s.detail ?? 'the logout control could not be used'}.`,
        findings: [{ message: `The declared logout could not be used: ${s.detail ?? ''}`, step: 'login:logout' }],
      };
    return {
      score: 0,
      detail: s.detail ?? 'After logging out, the patron was still logged in.',
      findings: [
        {
          message:
            `Logout leaves the session alive: ` +
            `${s.detail ?? 'the protected page still showed the logged-in state'}`,
          step: 'login:logout',
          ...(s.screenshot ? { screenshot: s.screenshot } : {}),
        },
      ],
    };
  },
};
