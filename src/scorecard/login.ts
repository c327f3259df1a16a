/**
 * The login verdict of a target for the scorecard (issue 3): the valid patron's check decides it;
 * the pre-flight's reason explains an inconclusive one; every attempt keeps its message, time and
 * screens. Pure: evidence in, summary out.
 */
import type { Evidence, LoginSummary, SuiteResult } from '../core/index.ts';

export function loginSummary(evidence: Evidence | undefined, suite: SuiteResult): LoginSummary | undefined {
  if (evidence?.suite !== 'login') return undefined;
  const data = evidence.login;
  const valid = suite.checks.find((c) => c.id === 'login/valid-patron');
  const verdict: LoginSummary['verdict'] = valid
    ? valid.status
    : suite.status === 'passed'
      ? 'pass'
      : suite.status === 'failed'
        ? 'fail'
        : suite.status;
  const reason =
    verdict === 'pass' || verdict === 'fail' ? undefined : (valid?.detail ?? suite.reason ?? evidence.reason);
  return {
    strategy: data?.strategy ?? 'unknown',
    verdict,
    ...(reason ? { reason } : {}),
    ...(data?.preflight ? { preflight: data.preflight.status } : {}),
    attempts: (data?.attempts ?? []).map((a) => ({
      role: a.role,
      outcome: a.outcome,
      durationMs: a.durationMs,
      ...(a.message ? { message: a.message } : {}),
      ...(a.screenshot ? { screenshot: a.screenshot } : {}),
      ...(a.formScreenshot ? { formScreenshot: a.formScreenshot } : {}),
      ...(a.retry ? { retry: a.retry } : {}),
    })),
    ...(data?.session ? { logout: data.session.logout } : {}),
    ...(data?.session?.screenshot ? { logoutScreenshot: data.session.screenshot } : {}),
    ...(data?.thirdPartyCookies ? { thirdPartyCookies: data.thirdPartyCookies } : {}),
  };
}
