/**
 * login/third-party-cookies: a login that sits in a frame from another site must still work where
 * the browser blocks third-party cookies (Safari/WebKit ITP, Chromium's third-party-cookie blocking,
 * Firefox strict mode) — library-auth.md F10. Decided per device from what the gatherer measured:
 * whether this browser keeps a cross-site frame's cookies, and whether the valid patron got in.
 * Not applicable when the login is not in a cross-site frame or the browser allows such cookies
 * (the check is then decided on the devices that block them).
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { attemptsOf } from './attempts.ts';
import { preflightBlocks } from './preflight.ts';

export const thirdPartyCookies: Check<'login'> = {
  meta: {
    id: 'login/third-party-cookies',
    suite: 'login',
    title: 'Login works with third-party cookies blocked',
    impact: 'critical',
    weight: IMPACT_WEIGHTS.critical,
    criteria: [],
    references: [
      'library-auth.md F10 (third-party cookies in iframes)',
      'WebKit Intelligent Tracking Prevention; Storage Access API (privacycg/storage-access)',
    ],
    reads: ['login.crossSiteFrame', 'login.thirdPartyCookies', 'login.attempts[role=valid]', 'login.preflight'],
  },
  evaluate({ data }) {
    if (!data.crossSiteFrame)
      return { status: 'not-applicable', detail: 'The login form is not in a frame from another site.' };
    if (data.thirdPartyCookies === 'allowed')
      return {
        status: 'not-applicable',
        detail: 'This browser keeps third-party cookies; the check is decided on devices that block them.',
      };
    if (data.thirdPartyCookies !== 'blocked')
      return { status: 'inconclusive', detail: 'Could not tell whether this browser blocks third-party cookies.' };
    const blocked = preflightBlocks(data, ['valid']);
    if (blocked) return { status: 'inconclusive', detail: blocked };
    const valid = attemptsOf(data.attempts, 'valid');
    if (valid.length === 0)
      return { status: 'inconclusive', detail: 'No login attempt with the valid patron was recorded.' };
    if (valid.every((a) => a.outcome === 'logged-in'))
      return {
        score: 1,
        detail: 'The login in a third-party frame worked although this browser blocks third-party cookies.',
      };
    return {
      score: 0,
      detail:
        'This browser blocks third-party cookies, and the login in a third-party frame did not log the patron in.',
      findings: valid
        .filter((a) => a.outcome !== 'logged-in')
        .map((a) => ({
          message:
            `The login form sits in a frame from another site (${a.formOrigin ?? 'unknown origin'}); with ` +
            `third-party cookies blocked the valid patron was not logged in (outcome "${a.outcome}"). Use a ` +
            `top-level redirect, partitioned cookies (CHIPS) or the Storage Access API.`,
          step: 'login:valid',
          url: a.url,
          ...(a.screenshot !== undefined ? { screenshot: a.screenshot } : {}),
        })),
    };
  },
};
