import type { LoginAttempt, PatronRole } from '../../core/index.ts';

/**
 * The attempts that decide a role's verdict, in the order they were made: every attempt with the
 * role's patron but a first try that a second replaced (the harness saw no answer to it and tried
 * once more: core RETRIED_OUTCOMES, `LoginAttempt.retry`).
 */
export function attemptsOf(attempts: readonly LoginAttempt[], role: PatronRole): LoginAttempt[] {
  const own = attempts.filter((a) => a.role === role);
  return own.filter((_, i) => own[i + 1]?.retry !== true);
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
  const own = attempts.filter((a) => a.role === role);
  const replaced = own.filter((_, i) => own[i + 1]?.retry === true);
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
