/**
 * login/wrong-pin-rejected: a wrong PIN is refused with a message the patron can see, and the
 * message does not repeat the PIN. Every attempt with the wrongPin patron must end `rejected` with a
 * non-empty visible message and `echoesPin` not true. Not applicable when the service has no
 * wrongPin test patron; inconclusive when the card's failed-login budget kept the harness from trying
 * (LoginEvidence.withheld). Serious: an unclear or missing error leaves patrons locked out without
 * knowing why (WCAG 3.3.1 Error Identification asks that input errors be identified in text).
 */
import type { Check, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import type { LoginAttempt } from '../../core/index.ts';
import { attemptsOf, loginStep, quoted, withFirstTries, withheldBlocks } from './attempts.ts';
import { preflightBlocks } from './preflight.ts';

function problems(a: LoginAttempt): string[] {
  const found: string[] = [];
  if (a.outcome === 'logged-in') found.push('A wrong PIN was accepted: the patron was logged in.');
  else if (a.outcome === 'no-response')
    found.push('Nothing happened after submitting a wrong PIN: no error message appeared.');
  else if (a.outcome === 'error') found.push(`The login form could not be used${a.error ? `: ${a.error}` : ''}.`);
  else if (!a.message?.trim()) found.push('A wrong PIN was rejected without a visible error message.');
  if (a.echoesPin === true) found.push('The error message repeats the PIN that was typed.');
  return found;
}

export const wrongPinRejected: Check<'login'> = {
  meta: {
    id: 'login/wrong-pin-rejected',
    suite: 'login',
    title: 'A wrong PIN is rejected with a clear message that does not repeat the PIN',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: ['3.3.1'],
    references: [],
    reads: ['login.attempts[role=wrongPin]', 'login.withheld', 'login.preflight'],
  },
  evaluate({ data }) {
    const attempts = attemptsOf(data.attempts, 'wrongPin');
    const withheld = withheldBlocks(data, 'wrongPin');
    if (withheld) return { status: 'inconclusive', detail: withheld };
    if (attempts.length === 0) {
      return { status: 'not-applicable', detail: 'No attempt with a wrong PIN was made (no wrongPin test patron).' };
    }
    const blocked = preflightBlocks(data, ['wrongPin']);
    if (blocked) return { status: 'inconclusive', detail: blocked };
    const findings: FindingInput[] = attempts.flatMap((a) =>
      problems(a).map((message) => ({
        message: `${message} Message: ${quoted(a.message)}.`,
        step: loginStep('wrongPin'),
        url: a.url,
        ...(a.screenshot !== undefined ? { screenshot: a.screenshot } : {}),
      })),
    );
    if (findings.length === 0) {
      const messages = [...new Set(attempts.map((a) => quoted(a.message)))].join(', ');
      return {
        score: 1,
        detail: withFirstTries(`A wrong PIN was rejected with the message ${messages}.`, data.attempts, 'wrongPin'),
      };
    }
    return {
      score: 0,
      detail: withFirstTries(
        `${findings.length} problem${findings.length > 1 ? 's' : ''} with how a wrong PIN is handled.`,
        data.attempts,
        'wrongPin',
      ),
      findings,
    };
  },
};
