import type { LoginAttempt, PatronRole } from '../../core/index.ts';

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
