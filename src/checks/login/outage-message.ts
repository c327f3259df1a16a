/**
 * login/outage-message: when the library system is down, the vendor must say so — not "wrong card
 * number or PIN", which sends patrons to retype correct details and risk a lockout (library-auth.md
 * F2; Palace separates "Error contacting authentication server" from invalid credentials). Decided
 * only when the pre-flight found the library system unreachable (an outage drill): the valid
 * patron's refusal message is classified. Otherwise not applicable.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { attemptsOf, loginStep, quoted } from './attempts.ts';
import { classifyMessage } from './classify.ts';

export const outageMessage: Check<'login'> = {
  meta: {
    id: 'login/outage-message',
    suite: 'login',
    title: 'A library-system outage is not reported as a wrong PIN',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: ['3.3.3'],
    references: ['library-auth.md F2 (ILS outage reported as bad credentials)'],
    reads: ['login.preflight.status', 'login.attempts[role=valid].message'],
  },
  evaluate({ data }) {
    if (data.preflight === undefined)
      return {
        status: 'not-applicable',
        detail:
          'No pre-flight was possible (no library system declared), so whether the library system was down is ' +
          'not known; the outage message is checked only during an outage the pre-flight saw.',
      };
    if (data.preflight.status !== 'unreachable')
      return {
        status: 'not-applicable',
        detail: 'The pre-flight reached the library system; the outage message is checked only while it is down.',
      };
    const valid = attemptsOf(data.attempts, 'valid');
    const refused = valid.filter((a) => a.outcome === 'rejected');
    // Nothing at all during an outage leaves the patron as lost as "wrong PIN" does.
    const silent = valid.filter((a) => a.outcome === 'no-response');
    if (silent.length > 0 && !refused.some((a) => classifyMessage(a.message) === 'credentials')) {
      return {
        score: 0,
        detail: 'During a library-system outage the vendor showed a valid patron no message at all.',
        findings: silent.map((a) => ({
          message:
            `Library system down, and nothing happened after submitting: no message said the service is ` +
            `unavailable (waited ${Math.round(a.durationMs)} ms).`,
          step: loginStep('valid'),
          url: a.url,
          ...(a.screenshot !== undefined ? { screenshot: a.screenshot } : {}),
        })),
      };
    }
    if (refused.length === 0) {
      const broken = valid.find((a) => a.outcome === 'error');
      if (broken)
        return {
          status: 'inconclusive',
          detail:
            `The login could not be tried during the outage${broken.error ? ` (${broken.error})` : ''}, so what ` +
            `the vendor says was not seen.`,
        };
      return { status: 'not-applicable', detail: 'The valid patron got no refusal message during the outage.' };
    }
    const misleading = refused.filter((a) => classifyMessage(a.message) === 'credentials');
    if (misleading.length === 0)
      return {
        score: 1,
        detail: `During the outage the vendor said ${[...new Set(refused.map((a) => quoted(a.message)))].join(', ')}.`,
      };
    return {
      score: 0,
      detail: 'During a library-system outage the vendor told a valid patron that the card number or PIN is wrong.',
      findings: misleading.map((a) => ({
        message: `Library system down, but the page said the card number or PIN is wrong: ${quoted(a.message)}.`,
        step: loginStep('valid'),
        url: a.url,
        ...(a.screenshot !== undefined ? { screenshot: a.screenshot } : {}),
      })),
    };
  },
};
