/**
 * login/unknown-card-rejected, login/blocked-card-rejected, login/expired-card-rejected: a card the
 * library system does not know, a blocked card and an expired card are each refused with a visible
 * message that says what is wrong (a blocked or expired card told "wrong PIN" sends the patron to
 * retype a PIN that was right) and does not repeat the PIN. Inconclusive when the pre-flight could
 * not confirm the test patron; not applicable without one.
 */
import type { LoginAttempt, PatronRole } from '../../core/index.ts';
import type { Check, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { attemptsOf, loginStep, quoted, withFirstTries } from './attempts.ts';
import { classifyMessage, EXPECTED_KIND, type MessageKind } from './classify.ts';
import { preflightBlocks } from './preflight.ts';

type NegativeRole = 'unknownCard' | 'blocked' | 'expired';

const WHAT: Record<NegativeRole, { id: string; title: string; noun: string }> = {
  unknownCard: {
    id: 'login/unknown-card-rejected',
    title: 'An unknown card number is rejected with a clear message',
    noun: 'an unknown card',
  },
  blocked: {
    id: 'login/blocked-card-rejected',
    title: 'A blocked card is rejected with a message that says it is blocked',
    noun: 'a blocked card',
  },
  expired: {
    id: 'login/expired-card-rejected',
    title: 'An expired card is rejected with a message that says it has expired',
    noun: 'an expired card',
  },
};

const KIND_WORDS: Record<MessageKind, string> = {
  credentials: 'a wrong card number or PIN',
  blocked: 'a blocked card',
  expired: 'an expired card',
  unavailable: 'a library-system outage',
};

function negativeProblems(role: NegativeRole, a: LoginAttempt): string[] {
  const found: string[] = [];
  const noun = WHAT[role].noun;
  if (a.outcome === 'logged-in')
    return [`${noun[0]?.toUpperCase()}${noun.slice(1)} was accepted: the patron was logged in.`];
  if (a.outcome === 'no-response') return [`Nothing happened after logging in with ${noun}: no message appeared.`];
  if (a.outcome === 'error') return [`The login could not be tried with ${noun}${a.error ? `: ${a.error}` : ''}.`];
  if (!a.message?.trim()) return [`${noun[0]?.toUpperCase()}${noun.slice(1)} was refused without a visible message.`];
  const kind = classifyMessage(a.message);
  const expected = EXPECTED_KIND[role];
  if (kind === null) found.push(`The message for ${noun} does not say what is wrong.`);
  else if (kind !== expected) found.push(`The message for ${noun} speaks of ${KIND_WORDS[kind]} instead.`);
  if (a.echoesPin === true) found.push('The message repeats the PIN that was typed.');
  return found;
}

function negativeCheck(role: NegativeRole): Check<'login'> {
  const w = WHAT[role];
  return {
    meta: {
      id: w.id,
      suite: 'login',
      title: w.title,
      impact: 'serious',
      weight: IMPACT_WEIGHTS.serious,
      criteria: ['3.3.1', '3.3.3'],
      references: ['library-auth.md F3/F4 (blocked and expired cards)'],
      reads: [`login.attempts[role=${role}]`, 'login.preflight'],
    },
    evaluate({ data }) {
      const attempts = attemptsOf(data.attempts, role);
      if (attempts.length === 0)
        return { status: 'not-applicable', detail: `No attempt with ${w.noun} was made (no ${role} test patron).` };
      const blocked = preflightBlocks(data, [role as PatronRole]);
      if (blocked) return { status: 'inconclusive', detail: blocked };
      const findings: FindingInput[] = attempts.flatMap((a) =>
        negativeProblems(role, a).map((message) => ({
          message: `${message} Message: ${quoted(a.message)}.`,
          step: loginStep(role),
          url: a.url,
          ...(a.screenshot !== undefined ? { screenshot: a.screenshot } : {}),
        })),
      );
      if (findings.length === 0)
        return {
          score: 1,
          detail: withFirstTries(
            `${w.noun[0]?.toUpperCase()}${w.noun.slice(1)} was refused with the message ` +
              `${[...new Set(attempts.map((a) => quoted(a.message)))].join(', ')}.`,
            data.attempts,
            role,
          ),
        };
      return {
        score: 0,
        detail: withFirstTries(
          `${findings.length} problem${findings.length > 1 ? 's' : ''} with how ${w.noun} is handled.`,
          data.attempts,
          role,
        ),
        findings,
      };
    },
  };
}

export const unknownCardRejected = negativeCheck('unknownCard');
export const blockedCardRejected = negativeCheck('blocked');
export const expiredCardRejected = negativeCheck('expired');
