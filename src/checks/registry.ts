/**
 * Which checks each suite runs, and the entry point that evaluates one Evidence record.
 * Adding a check = writing it and listing it here (see docs/adding-a-check.md).
 */
import type { CheckResult, Evidence, Suite } from '../core/index.ts';
import { SUITES } from '../core/index.ts';
import type { GatherOutcome } from '../scoring/suite.ts';
import { axeRules } from './accessibility/axe.ts';
import { engineRules } from './accessibility/engines.ts';
import { KEYBOARD_CHECKS } from './accessibility/keyboard.ts';
import { dialogFocus } from './accessibility/overlay.ts';
import { MEDIA_CHECKS } from './accessibility/media.ts';
import { STRUCTURE_CHECKS } from './accessibility/page-structure.ts';
import { CONTENT_CHECKS } from './accessibility/content.ts';
import { PRESENTATION_CHECKS } from './accessibility/presentation.ts';
import { consoleErrors } from './compatibility/console-errors.ts';
import { failedRequests } from './compatibility/failed-requests.ts';
import { horizontalOverflow } from './compatibility/horizontal-overflow.ts';
import { pageErrors } from './compatibility/page-errors.ts';
import { mediaPlayback } from './compatibility/media-playback.ts';
import { readerPaging } from './compatibility/reader-paging.ts';
import { thirdPartyFrames } from './compatibility/third-party-frames.ts';
import { touchTargetSpacing } from './compatibility/touch-target-spacing.ts';
import { viewportMeta } from './compatibility/viewport-meta.ts';
import { webFeatures } from './compatibility/web-features.ts';
import { CONTENT_SUITE_CHECKS } from './content/index.ts';
import { journeyCompleted } from './journey-completed.ts';
import { timeToLogin } from './login/time-to-login.ts';
import { validPatron } from './login/valid-patron.ts';
import { wrongPinRejected } from './login/wrong-pin-rejected.ts';
import { blockedCardRejected, expiredCardRejected, unknownCardRejected } from './login/negative-patrons.ts';
import { errorAnnounced, errorLanguage } from './login/error-messages.ts';
import { loginFormAccessible } from './login/form-accessible.ts';
import { logoutEndsSession, sessionSurvivesReload } from './login/session.ts';
import { thirdPartyCookies } from './login/third-party-cookies.ts';
import { outageMessage } from './login/outage-message.ts';
import { runCheck, unscoredResult } from './normalise.ts';
import { lighthousePerformance, metricChecks, renderBlocking } from './performance/metrics.ts';
import { JOURNEY_CHECKS } from './performance/journey.ts';
import { responsiveness } from './performance/responsiveness.ts';
import type { CheckInput, CheckMeta, SuiteChecks, SuiteData } from './types.ts';

/**
 * The checks of every suite. `evaluateEvidence` takes another table only to prove the pipeline's handling of broken
 * checks in tests.
 */
export type SuiteCheckTable = { readonly [S in Suite]: SuiteChecks<S> };

export const SUITE_CHECKS: SuiteCheckTable = {
  login: {
    suite: 'login',
    checks: [
      validPatron,
      wrongPinRejected,
      unknownCardRejected,
      blockedCardRejected,
      expiredCardRejected,
      errorAnnounced,
      errorLanguage,
      loginFormAccessible,
      sessionSurvivesReload,
      logoutEndsSession,
      thirdPartyCookies,
      outageMessage,
      timeToLogin,
      journeyCompleted('login'),
    ],
    families: [],
  },
  accessibility: {
    suite: 'accessibility',
    checks: [
      ...KEYBOARD_CHECKS,
      dialogFocus,
      ...PRESENTATION_CHECKS,
      ...STRUCTURE_CHECKS,
      ...MEDIA_CHECKS,
      ...CONTENT_CHECKS,
      journeyCompleted('accessibility'),
    ],
    families: [axeRules, engineRules],
  },
  performance: {
    suite: 'performance',
    checks: [
      lighthousePerformance,
      ...metricChecks,
      renderBlocking,
      ...JOURNEY_CHECKS,
      responsiveness,
      journeyCompleted('performance'),
    ],
    families: [],
  },
  compatibility: {
    suite: 'compatibility',
    checks: [
      consoleErrors,
      pageErrors,
      failedRequests,
      horizontalOverflow,
      viewportMeta,
      touchTargetSpacing,
      mediaPlayback,
      readerPaging,
      webFeatures,
      thirdPartyFrames,
      journeyCompleted('compatibility'),
    ],
    families: [],
  },
  content: { suite: 'content', checks: CONTENT_SUITE_CHECKS, families: [] },
};

/** Metadata of every fixed check, in suite order (families such as axe rules are not listed). */
export function fixedCheckMetas(): CheckMeta[] {
  return SUITES.flatMap((suite) => SUITE_CHECKS[suite].checks.map((c) => c.meta as CheckMeta));
}

/** Fixed check metadata by id. */
export function findCheckMeta(id: string): CheckMeta | undefined {
  return fixedCheckMetas().find((m) => m.id === id);
}

/** The checks of one suite, evaluated; how gathering went, as scoring needs it. */
export interface EvaluatedEvidence {
  readonly gather: GatherOutcome;
  readonly checks: CheckResult[];
}

function runSuite<S extends Suite>(suite: SuiteChecks<S>, input: CheckInput<S>): CheckResult[] {
  const fixed = suite.checks.map((check) => runCheck(check, input));
  const generated = suite.families.flatMap((family) => family.checks(input).map((check) => runCheck(check, input)));
  return [...fixed, ...generated];
}

function payloadOf(evidence: Evidence): SuiteData[Suite] | undefined {
  switch (evidence.suite) {
    case 'login':
      return evidence.login;
    case 'accessibility':
      return evidence.accessibility;
    case 'performance':
      return evidence.performance;
    case 'compatibility':
      return evidence.compatibility;
    case 'content':
      return evidence.content;
  }
}

function notRun(
  table: SuiteCheckTable,
  suite: Suite,
  status: 'inconclusive' | 'not-applicable',
  detail: string,
): CheckResult[] {
  return table[suite].checks.map((check) => unscoredResult(check.meta as CheckMeta, status, detail));
}

/**
 * Evaluate one Evidence record. When gathering was not complete, the suite's fixed checks are
 * reported unscored (not-applicable for a not-applicable suite, inconclusive otherwise) and never
 * fail: an unreachable vendor or a library-system outage is recorded as such, not as a failure.
 */
export function evaluateEvidence(evidence: Evidence, table: SuiteCheckTable = SUITE_CHECKS): EvaluatedEvidence {
  const { suite, status } = evidence;
  if (status !== 'complete') {
    const why = evidence.reason ?? `Gathering ended with status ${status}.`;
    const gather: GatherOutcome = { status, ...(evidence.reason !== undefined ? { reason: evidence.reason } : {}) };
    return {
      gather,
      checks: notRun(table, suite, status === 'not-applicable' ? 'not-applicable' : 'inconclusive', why),
    };
  }
  const data = payloadOf(evidence);
  if (data === undefined) {
    const reason = `The evidence is marked complete but holds no ${suite} data.`;
    return { gather: { status: 'harness-error', reason }, checks: notRun(table, suite, 'inconclusive', reason) };
  }
  const steps = evidence.steps;
  switch (evidence.suite) {
    case 'login':
      return { gather: { status }, checks: runSuite(table.login, { data: data as SuiteData['login'], steps }) };
    case 'accessibility':
      return {
        gather: { status },
        checks: runSuite(table.accessibility, { data: data as SuiteData['accessibility'], steps }),
      };
    case 'performance':
      return {
        gather: { status },
        checks: runSuite(table.performance, { data: data as SuiteData['performance'], steps }),
      };
    case 'compatibility':
      return {
        gather: { status },
        checks: runSuite(table.compatibility, { data: data as SuiteData['compatibility'], steps }),
      };
    case 'content':
      return { gather: { status }, checks: runSuite(table.content, { data: data as SuiteData['content'], steps }) };
  }
}
