/**
 * How login errors reach every patron:
 * - login/error-announced: each refusal message is exposed to assistive technology — role=alert or
 *   status, aria-live, or focus moved to it (WCAG 2.1 SC 4.1.3 Status Messages, AA);
 * - login/error-language: each message is in the language of the page showing it (WCAG 2.0 SC 3.1.1 /
 *   3.1.2): a Finnish page answering in English is not understood by every patron.
 * Messages of negative patrons only (wrong PIN, unknown card, blocked, expired). API logins have no
 * page: not applicable.
 */
import type { LoginAttempt } from '../../core/index.ts';
import { isBrowserFormStrategy } from '../../core/index.ts';
import type { Check, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { loginStep, quoted } from './attempts.ts';

function refusals(attempts: readonly LoginAttempt[]): LoginAttempt[] {
  return attempts.filter((a) => a.role !== 'valid' && a.outcome === 'rejected' && (a.message?.trim() ?? '') !== '');
}

const LANGUAGE_NAMES: Record<string, string> = { fi: 'Finnish', sv: 'Swedish', en: 'English' };

export const errorAnnounced: Check<'login'> = {
  meta: {
    id: 'login/error-announced',
    suite: 'login',
    title: 'Login errors are announced to screen-reader users',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: ['4.1.3', '3.3.1'],
    references: [],
    reads: ['login.attempts[role≠valid].announced', 'login.strategy'],
  },
  evaluate({ data }) {
    const all = refusals(data.attempts);
    const shown = all.filter((a) => a.announced !== undefined);
    // A message shown on a page whose announcement could not be read is not "announced".
    const unread = isBrowserFormStrategy(data.strategy) ? all.filter((a) => a.announced === undefined) : [];
    const silent = shown.filter((a) => a.announced === false);
    if (silent.length === 0 && unread.length > 0) {
      return {
        status: 'inconclusive',
        detail:
          `Whether the login error was announced could not be read for ` +
          `${unread.map((a) => `the ${a.role} patron`).join(', ')}.`,
      };
    }
    if (shown.length === 0) return { status: 'not-applicable', detail: 'No login error was shown on a page.' };
    if (silent.length === 0)
      return {
        score: 1,
        detail: `All ${shown.length} login error messages were announced (alert, live region or focus).`,
      };
    const findings: FindingInput[] = silent.map((a) => ({
      message:
        `The login error for the ${a.role} patron is shown but not announced (no role=alert/status, aria-live or ` +
        `focus): ${quoted(a.message)}.`,
      step: loginStep(a.role),
      url: a.url,
      ...(a.screenshot !== undefined ? { screenshot: a.screenshot } : {}),
    }));
    return {
      score: 0,
      detail: `${silent.length} of ${shown.length} login error messages were not announced.`,
      findings,
    };
  },
};

export const errorLanguage: Check<'login'> = {
  meta: {
    id: 'login/error-language',
    suite: 'login',
    title: 'Login errors are in the language of the page',
    impact: 'moderate',
    weight: IMPACT_WEIGHTS.moderate,
    criteria: ['3.1.1', '3.1.2'],
    references: ['FIELD.md: Finnish, Swedish and English'],
    reads: ['login.attempts[role≠valid].messageLanguage', 'login.attempts[role≠valid].pageLanguage'],
  },
  evaluate({ data }) {
    const comparable = refusals(data.attempts).filter(
      (a) => a.messageLanguage && a.pageLanguage && ['fi', 'sv', 'en'].includes(a.pageLanguage),
    );
    if (comparable.length === 0)
      return {
        status: 'not-applicable',
        detail: 'No login error with both a declared page language and a recognisable message language.',
      };
    const off = comparable.filter((a) => a.messageLanguage !== a.pageLanguage);
    if (off.length === 0)
      return { score: 1, detail: `All ${comparable.length} login errors were in the page's language.` };
    const findings: FindingInput[] = off.map((a) => ({
      message:
        `The page is ${LANGUAGE_NAMES[a.pageLanguage ?? ''] ?? a.pageLanguage} but the login error for the ` +
        `${a.role} patron is ${LANGUAGE_NAMES[a.messageLanguage ?? ''] ?? a.messageLanguage}: ` +
        `${quoted(a.message)}.`,
      step: loginStep(a.role),
      url: a.url,
    }));
    return {
      score: 0,
      detail: `${off.length} of ${comparable.length} login errors were in another language than the page.`,
      findings,
    };
  },
};
