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
    references: ['library-auth.md F2 (ILS outage reported as bad credentials)', 'WCAG 2.0 SC 3.3.3 Error Suggestion (AA)'],
    reads: ['login.preflight.status', 'login.attempts[role=valid].message'],
  },
  evaluate({ data }) {
    if (data.preflight?.status !== 'unreachable') return { status: 'not-applicable', detail: 'The library system was reachable; the outage message is checked only while it is down.' };
    const refused = attemptsOf(data.attempts, 'valid').filter((a) => a.outcome === 'rejected');
    if (refused.length === 0) return { status: 'not-applicable', detail: 'The valid patron got no refusal message during the outage.' };
    const misleading = refused.filter((a) => classifyMessage(a.message) === 'credentials');
    if (misleading.length === 0) return { score: 1, detail: `During the outage the vendor said ${[...new Set(refused.map((a) => quoted(a.message)))].join(', ')}.` };
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
