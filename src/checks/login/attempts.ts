import {
  RETRIED_OUTCOMES,
  type BudgetUsed,
  type LoginAttempt,
  type LoginEvidence,
  type PatronRole,
} from '../../core/index.ts';

/** Why a PIN known to be wrong was not sent, in words: the card's failed-login budget, and when it frees. */
export function budgetSentence(b: BudgetUsed): string {
  return (
    `${b.used} failed login${b.used === 1 ? ' was' : 's were'} already counted for this card within ` +
    `${b.perMinutes} minutes (the budget is ${b.attempts}), so that the library system does not lock the card; ` +
    `the next may be sent at ${b.nextAt}`
  );
}

/**
 * Why a role's verdict is inconclusive because a try was withheld by the card's failed-login budget
 * (LoginEvidence.withheld): no try was made, or the second try of one that got no answer was not; else
 * undefined.
 */
export function withheldBlocks(data: LoginEvidence, role: PatronRole): string | undefined {
  const withheld = (data.withheld ?? []).filter((w) => w.role === role);
  const first = withheld.find((w) => w.retry !== true);
  if (first) return `Inconclusive: not tried. ${budgetSentence(first.budget)}.`;
  const again = withheld.find((w) => w.retry === true);
  const last = attemptsOf(data.attempts, role).at(-1);
  if (again && last && RETRIED_OUTCOMES.has(last.outcome))
    return (
      `Inconclusive: the try ended ${firstTryEnded(last)}, and it was not tried again. ` +
      `${budgetSentence(again.budget)}.`
    );
  return undefined;
}

/**
 * A role's attempts in the order they were made, split into those that decide its verdict and the
 * first tries a second replaced (the harness saw no answer to them and tried once more: core
 * RETRIED_OUTCOMES, `LoginAttempt.retry`).
 */
function triesOf(
  attempts: readonly LoginAttempt[],
  role: PatronRole,
): { deciding: LoginAttempt[]; replaced: LoginAttempt[] } {
  const own = attempts.filter((a) => a.role === role);
  const replaced = (i: number): boolean => own[i + 1]?.retry === true;
  return { deciding: own.filter((_, i) => !replaced(i)), replaced: own.filter((_, i) => replaced(i)) };
}

/** The attempts that decide a role's verdict: every attempt with the role's patron but a replaced first try. */
export function attemptsOf(attempts: readonly LoginAttempt[], role: PatronRole): LoginAttempt[] {
  return triesOf(attempts, role).deciding;
}

/** How a first try that was tried again ended, in words: "with no response after 10.0 s". */
function firstTryEnded(a: LoginAttempt): string {
  if (a.outcome === 'error') return `in an error${a.error ? ` (${a.error})` : ''}`;
  return `with no response after ${(a.durationMs / 1000).toFixed(1)} s`;
}

/**
 * `detail` with a sentence on the role's first tries that were tried again, so that a verdict says it
 * rests on a second try; `detail` unchanged when every attempt was decided the first time.
 */
export function withFirstTries(detail: string, attempts: readonly LoginAttempt[], role: PatronRole): string {
  const { replaced } = triesOf(attempts, role);
  if (replaced.length === 0) return detail;
  return `${detail} The first try ended ${replaced.map(firstTryEnded).join('; ')}; this is the second try.`;
}

/** Synthetic step id of a login attempt, as gatherers name it. */
export function loginStep(role: PatronRole): string {
  return `login:${role}`;
}

/** `"text"` quoted for a finding message, or a note that there was none. */
export function quoted(message: string | undefined): string {
  const text = message?.trim();
  return text ? `"${text}"` : 'no visible message';
}
