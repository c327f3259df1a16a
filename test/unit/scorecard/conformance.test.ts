import { describe, expect, it } from 'vitest';
import type { CheckResult, TargetResult, WcagSc } from '../../../src/core/index.ts';
import { CheckResultSchema, TargetResultSchema, WCAG_CRITERIA } from '../../../src/core/index.ts';
import { conformanceTable } from '../../../src/scorecard/conformance.ts';
import { conformanceParts } from '../../../src/render/conformance.ts';

function result(id: string, status: CheckResult['status'], criteria: WcagSc[], findings = 0): CheckResult {
  return CheckResultSchema.parse({
    id,
    suite: id.split('/')[0],
    title: `Title of ${id}`,
    status,
    score: status === 'pass' ? 1 : status === 'fail' ? 0 : null,
    weight: 3,
    impact: 'serious',
    criteria,
    references: [],
    findings: Array.from({ length: Math.min(findings, 50) }, () => ({ message: 'x', impact: 'serious' })),
    findingsTotal: findings,
  });
}

function target(service: string, device: string, accessibility: CheckResult[], compatibility: CheckResult[] = []): TargetResult {
  const suite = (checks: CheckResult[]) => ({ score: null, status: 'passed', checks });
  return TargetResultSchema.parse({
    id: `${service}@${device}`,
    service,
    device,
    suites: { login: suite([]), accessibility: suite(accessibility), performance: suite([]), compatibility: suite(compatibility), content: suite([]) },
  });
}

describe('conformance table', () => {
  it('reads the typed criteria of every check, counting all findings (not only those kept for display)', () => {
    const table = conformanceTable('v', [target('v', 'd', [result('accessibility/axe/label', 'fail', ['1.3.1', '4.1.2'], 120)])]);
    expect(table.rows.find((r) => r.criterion.sc === '1.3.1')?.evidence).toEqual([
      { check: 'accessibility/axe/label', title: 'Title of accessibility/axe/label', device: 'd', status: 'fail', findings: 120 },
    ]);
    expect(table.rows.find((r) => r.criterion.sc === '4.1.2')?.verdict).toBe('fails');
  });

  it('a check that could not be evaluated leaves its criteria needing review, never passing', () => {
    const broken = CheckResultSchema.parse({ ...result('accessibility/reflow', 'error', ['1.4.10']), error: { cause: 'threw', message: 'x' } });
    const table = conformanceTable('v', [target('v', 'd', [broken, result('compatibility/horizontal-overflow', 'pass', ['1.4.10'])])]);
    expect(table.rows.find((r) => r.criterion.sc === '1.4.10')?.verdict).toBe('needs-review');
  });

  it('one row per WCAG 2.2 A/AA criterion; fails beat needs-review beat passes; uncovered criteria are not testable automatically', () => {
    const targets = [
      target('kuunteli', 'desktop', [
        result('accessibility/no-keyboard-trap', 'fail', ['2.1.2'], 1),
        result('accessibility/reflow', 'pass', ['1.4.10']),
        result('accessibility/motion', 'needs-review', ['2.2.2']),
        result('accessibility/captions', 'not-applicable', ['1.2.2']),
      ]),
      target('kuunteli', 'phone', [result('accessibility/reflow', 'pass', ['1.4.10'])], [
        result('compatibility/horizontal-overflow', 'fail', ['1.4.10'], 2),
      ]),
      target('kirjava', 'desktop', [result('accessibility/no-keyboard-trap', 'pass', ['2.1.2'])]),
    ];
    const table = conformanceTable('kuunteli', targets);
    expect(table.devices).toEqual(['desktop', 'phone']);
    expect(table.rows.map((r) => r.criterion.sc)).toEqual(WCAG_CRITERIA.map((c) => c.sc));
    const row = (sc: string) => table.rows.find((r) => r.criterion.sc === sc)!;
    expect(row('2.1.2')).toMatchObject({ verdict: 'fails', evidence: [{ check: 'accessibility/no-keyboard-trap', device: 'desktop', status: 'fail', findings: 1 }] });
    expect(row('1.4.10').verdict).toBe('fails');
    expect(row('1.4.10').evidence.map((e) => `${e.check}@${e.device}:${e.status}`)).toEqual([
      'compatibility/horizontal-overflow@phone:fail',
      'accessibility/reflow@desktop:pass',
      'accessibility/reflow@phone:pass',
    ]);
    expect(row('2.2.2').verdict).toBe('needs-review');
    expect(row('1.2.2').verdict).toBe('not-applicable');
    expect(row('1.1.1')).toMatchObject({ verdict: 'not-tested', evidence: [] });
    expect(table.counts).toEqual({ fails: 2, 'needs-review': 1, passes: 0, 'not-applicable': 1, 'not-tested': WCAG_CRITERIA.length - 4 });
    expect(conformanceTable('kirjava', targets).rows.find((r) => r.criterion.sc === '2.1.2')?.verdict).toBe('passes');
  });

  it('renders the table per language, grouping each check’s results by status, escaping vendor-derived text', () => {
    const t = conformanceTable('k<b>', [target('k<b>', 'dev"ice', [result('accessibility/no-keyboard-trap', 'fail', ['2.1.2'], 1)])]);
    const parts = (lang: 'fi' | 'sv' | 'en') => {
      const p = conformanceParts(t, lang, (id) => `Device ${id}`);
      return `${p.heading} ${p.counts.toString()} ${p.head.toString()} ${p.body.toString()}`;
    };
    const en = parts('en');
    expect(en).toContain('<th scope="row">2.1.2 No Keyboard Trap</th><td>A</td><td>9.2.1.2</td><td>Fails</td>');
    expect(en).toContain('<code>accessibility/no-keyboard-trap</code> — fail: Device dev&quot;ice');
    expect(en).toContain('9.2.5.8 (V4 draft)');
    expect(en).not.toContain('k<b>');
    expect(parts('fi')).toContain('Ei läpäise');
    expect(parts('fi')).toContain('hylätty: Device dev&quot;ice');
    expect(parts('sv')).toContain('Kan inte testas automatiskt');
  });
});
