/**
 * renderJUnit: RunResult → JUnit XML for CI dashboards. One <testsuite> per target
 * (`service@device`), one <testcase> per check (classname = target id, name = check id):
 * - fail → <failure> (type = the check's impact; text = its findings);
 * - error (the check itself broke: a harness defect) → <error> (type = its cause);
 * - needs-review, not-applicable, inconclusive → <skipped>;
 * - pass → an empty testcase.
 * A suite that was not scored gets one extra testcase named after the suite: <error> for
 * harness-error and missing (the harness did not do its job), <skipped> for unreachable, timeout,
 * inconclusive and not-applicable (recorded as such, not as vendor failures).
 * Vendor quality gating belongs to the CI step, not to this file's failures.
 */
import type { CheckResult, RunResult, SuiteResult, TargetResult } from '../core/index.ts';
import { SUITES } from '../core/index.ts';
import { escapeXml } from './escape.ts';

const SUITE_ERRORS = ['harness-error', 'missing'] as const;

interface Case {
  readonly name: string;
  readonly body: string;
  readonly kind: 'pass' | 'failure' | 'skipped' | 'error';
}

function attr(value: string | number): string {
  return `"${escapeXml(value).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')}"`;
}

function findingLines(check: CheckResult): string {
  return check.findings
    .map((f) => {
      const where = [f.step && `step ${f.step}`, f.url, f.selector].filter(Boolean).join(' | ');
      return `- [${f.impact}] ${f.message}${where ? ` (${where})` : ''}`;
    })
    .join('\n');
}

function checkCase(check: CheckResult): Case {
  const summary = `${check.title}${check.detail ? `: ${check.detail}` : ''}`;
  switch (check.status) {
    case 'fail': {
      const text = [check.detail ?? '', findingLines(check)].filter(Boolean).join('\n');
      return {
        name: check.id,
        kind: 'failure',
        body: `<failure message=${attr(summary)} type=${attr(check.impact)}>${escapeXml(text)}</failure>`,
      };
    }
    case 'error':
      return {
        name: check.id,
        kind: 'error',
        body: `<error message=${attr(summary)} type=${attr(check.error?.cause ?? 'error')}/>`,
      };
    case 'needs-review':
    case 'not-applicable':
    case 'inconclusive':
      return { name: check.id, kind: 'skipped', body: `<skipped message=${attr(`${check.status}: ${summary}`)}/>` };
    case 'pass':
      return { name: check.id, kind: 'pass', body: '' };
  }
}

function suiteCase(name: string, suite: SuiteResult): Case | undefined {
  if (suite.status === 'passed' || suite.status === 'failed') return undefined;
  const message = `${suite.status}${suite.reason ? `: ${suite.reason}` : ''}`;
  return (SUITE_ERRORS as readonly string[]).includes(suite.status)
    ? { name, kind: 'error', body: `<error message=${attr(message)} type=${attr(suite.status)}/>` }
    : { name, kind: 'skipped', body: `<skipped message=${attr(message)}/>` };
}

function targetCases(target: TargetResult): Case[] {
  return SUITES.flatMap((s) => {
    const suite = target.suites[s];
    const extra = suiteCase(s, suite);
    return [...(extra ? [extra] : []), ...suite.checks.map(checkCase)];
  });
}

function counts(cases: readonly Case[]): string {
  const n = (kind: Case['kind']) => cases.filter((c) => c.kind === kind).length;
  return `tests="${cases.length}" failures="${n('failure')}" errors="${n('error')}" skipped="${n('skipped')}"`;
}

export function renderJUnit(result: RunResult): string {
  const all: Case[] = [];
  const suites = result.targets.map((target) => {
    const cases = targetCases(target);
    all.push(...cases);
    const body = cases
      .map((c) =>
        c.body === ''
          ? `    <testcase classname=${attr(target.id)} name=${attr(c.name)}/>`
          : `    <testcase classname=${attr(target.id)} name=${attr(c.name)}>\n      ${c.body}\n    </testcase>`,
      )
      .join('\n');
    return [
      `  <testsuite name=${attr(target.id)} ${counts(cases)} timestamp=${attr(result.startedAt)}>`,
      `    <properties><property name="service" value=${attr(target.service)}/><property name="device" ` +
        `value=${attr(target.device)}/></properties>`,
      ...(body ? [body] : []),
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name=${attr(`erh ${result.runId}`)} ${counts(all)}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
