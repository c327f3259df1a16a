import type { LoginAttempt, PatronRole } from '../../core/index.ts';

/** Attempts made with test patrons of one role, in the order they were made. */
export function attemptsOf(attempts: readonly LoginAttempt[], role: PatronRole): LoginAttempt[] {
  return attempts.filter((a) => a.role === role);
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
