/**
 * Pre-flight verdicts for login checks: when the library system could not be asked, or a test
 * patron is not what its role says, a login check cannot blame the vendor — it is inconclusive
 * with the reason (reference: library-auth.md §5.4, rule 2). Pure.
 */
import type { LoginEvidence, PatronRole } from '../../core/index.ts';
import { budgetSentence } from './attempts.ts';

/** Why a check over these roles is inconclusive, or undefined when the pre-flight allows a verdict. */
export function preflightBlocks(data: LoginEvidence, roles: readonly PatronRole[]): string | undefined {
  const pre = data.preflight;
  if (!pre) return undefined;
  if (pre.status === 'unreachable') {
    return (
      `Inconclusive: the library system could not be asked before the login was tested ` +
      `(${pre.reason ?? 'unreachable'}), so a failed login may not be the vendor's fault.`
    );
  }
  const unasked = pre.patrons.find((p) => roles.includes(p.role) && p.withheld);
  if (unasked?.withheld)
    return (
      `Inconclusive: the library system was not asked about the ${unasked.role} test patron before the login was ` +
      `tested. ${budgetSentence(unasked.withheld)}.`
    );
  const wrong = pre.patrons.filter((p) => roles.includes(p.role) && !p.matches);
  if (wrong.length > 0) {
    return (
      `Inconclusive: the library system says ` +
      `${wrong.map((p) => `the ${p.role} test patron is ${p.standing}`).join(' and ')}, not what the role says; ` +
      `fix the test patron first.`
    );
  }
  return undefined;
}
