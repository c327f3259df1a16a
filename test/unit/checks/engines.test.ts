/** The other rule engines' checks: one finding per element and criterion across engines, severity from the tables. */
import { describe, expect, it } from 'vitest';
import type { AccessibilityState, EngineRun } from '../../../src/core/index.ts';
import { evaluateEvidence } from '../../../src/checks/index.ts';
import { accessibilityEvidence, axeRule, check } from './helpers.ts';

const ibm = (results: EngineRun['results'], extra: Partial<EngineRun> = {}): EngineRun => ({
  engine: 'ibm-equal-access',
  version: '4.0.34',
  durationMs: 150,
  results,
  passes: [],
  ...extra,
});
const cs = (results: EngineRun['results'], extra: Partial<EngineRun> = {}): EngineRun => ({
  engine: 'htmlcs',
  version: '2.5.1',
  durationMs: 60,
  results,
  passes: [],
  ...extra,
});
const node = (selector: string, message = 'm') => ({ selector, html: `<${selector}>`, message });
const img = axeRule('image-alt', {
  impact: 'critical',
  tags: ['wcag2a', 'wcag111'],
  nodes: [{ target: ['img.cover'], html: '<img class="cover">', failureSummary: 'no alt' }],
});

function evidence(states: Array<Partial<AccessibilityState>>) {
  return accessibilityEvidence({
    axeVersion: '4.14.1',
    tags: ['wcag2a'],
    states: states.map((s, i) => ({
      step: `s${i}`,
      url: `http://127.0.0.1:4100/s${i}`,
      violations: [],
      incomplete: [],
      passes: [],
      inapplicable: [],
      ...s,
    })),
  });
}

describe('rule engines merged', () => {
  it('one element and criterion reported by axe-core and both engines is one finding under axe, listing all', () => {
    const ev = evidence([
      {
        violations: [img],
        engines: [
          ibm([{ rule: 'img_alt_valid', outcome: 'violation', nodes: [node('img.cover')], total: 1 }]),
          cs([{ rule: '1_1_1.H37', outcome: 'violation', nodes: [node('img.cover')], total: 1 }]),
        ],
      },
    ]);
    const axe = check(ev, 'accessibility/axe/image-alt');
    expect(axe.status).toBe('fail');
    expect(axe.findings).toHaveLength(1);
    expect(axe.findings[0]).toMatchObject({
      sources: ['axe-core', 'ibm-equal-access', 'htmlcs'],
      impact: 'critical',
    });
    expect(axe.findings[0]!.message).toContain('IBM Equal Access (img_alt_valid)');
    // Counted once: the engines' own rules have nothing left of their own.
    expect(check(ev, 'accessibility/ibm-equal-access/img_alt_valid')).toMatchObject({
      status: 'not-applicable',
      score: null,
    });
    expect(check(ev, 'accessibility/htmlcs/1_1_1.H37')).toMatchObject({ status: 'not-applicable', score: null });
  });

  it("a barrier only the other engines find fails the first engine's rule, with its declared impact", () => {
    const ev = evidence([
      {
        engines: [
          ibm([{ rule: 'text_contrast_sufficient', outcome: 'violation', nodes: [node('p.low')], total: 1 }]),
          cs([{ rule: '1_4_3.G18.Fail', outcome: 'violation', nodes: [node('p.low')], total: 1 }]),
        ],
      },
    ]);
    const r = check(ev, 'accessibility/ibm-equal-access/text_contrast_sufficient');
    expect(r).toMatchObject({ status: 'fail', criteria: ['1.4.3'] });
    expect(r.weight).toBeGreaterThan(0);
    expect(r.findings[0]).toMatchObject({ selector: 'p.low', sources: ['ibm-equal-access', 'htmlcs'] });
    // Severity is the owning rule's declared impact (IBM toolkit level), never the number of engines.
    const alone = check(
      evidence([
        {
          engines: [
            ibm([{ rule: 'text_contrast_sufficient', outcome: 'violation', nodes: [node('p.low')], total: 1 }]),
          ],
        },
      ]),
      'accessibility/ibm-equal-access/text_contrast_sufficient',
    );
    expect(alone.impact).toBe(r.impact);
    expect(check(ev, 'accessibility/htmlcs/1_4_3.G18.Fail').status).toBe('not-applicable');
  });

  it('needs review stays needs review, and a violation never hides inside a needs-review finding', () => {
    const ev = evidence([
      {
        incomplete: [
          axeRule('color-contrast', {
            nodes: [{ target: ['p.grey'], html: '<p class="grey">', failureSummary: 'bg image' }],
          }),
        ],
        engines: [
          ibm([{ rule: 'text_contrast_sufficient', outcome: 'review', nodes: [node('p.grey')], total: 1 }]),
          cs([{ rule: '1_4_3.G18.Fail', outcome: 'violation', nodes: [node('p.grey')], total: 1 }]),
        ],
      },
    ]);
    const axe = check(ev, 'accessibility/axe/color-contrast');
    expect(axe.status).toBe('needs-review');
    expect(axe.findings[0]!.sources).toEqual(['axe-core', 'ibm-equal-access']);
    expect(check(ev, 'accessibility/htmlcs/1_4_3.G18.Fail')).toMatchObject({ status: 'fail' });
    expect(
      check(
        evidence([
          { engines: [ibm([{ rule: 'text_contrast_sufficient', outcome: 'review', nodes: [node('p')], total: 1 }])] },
        ]),
        'accessibility/ibm-equal-access/text_contrast_sufficient',
      ).status,
    ).toBe('needs-review');
  });

  it('a rule listed REVIEW_ONLY (a false alarm on clean pages) is needs review, never a failure', () => {
    const skip = ibm([{ rule: 'skip_main_exists', outcome: 'violation', nodes: [node('body')], total: 1 }]);
    const r = check(evidence([{ engines: [skip] }]), 'accessibility/ibm-equal-access/skip_main_exists');
    expect(r).toMatchObject({ status: 'needs-review', score: null });
  });

  it('different criteria on one element stay apart', () => {
    const ev = evidence([
      {
        violations: [img],
        engines: [
          ibm([{ rule: 'text_contrast_sufficient', outcome: 'violation', nodes: [node('img.cover')], total: 1 }]),
        ],
      },
    ]);
    expect(check(ev, 'accessibility/ibm-equal-access/text_contrast_sufficient').status).toBe('fail');
    expect(check(ev, 'accessibility/axe/image-alt').findings[0]!.sources).toEqual(['axe-core']);
  });

  it('a failed engine run is a probe error: run check inconclusive with the error, its rules not passed', () => {
    const ev = evidence([
      { engines: [ibm([], { passes: ['img_alt_valid'] })] },
      { engines: [ibm([], { error: 'Execution context was destroyed' })] },
    ]);
    const run = check(ev, 'accessibility/engines/ibm-equal-access');
    expect(run).toMatchObject({ status: 'inconclusive', weight: 0 });
    expect(run.findings[0]).toMatchObject({ step: 's1', message: 'Execution context was destroyed' });
    expect(check(ev, 'accessibility/ibm-equal-access/img_alt_valid').status).toBe('inconclusive');
    const ok = check(
      evidence([{ engines: [ibm([], { passes: ['img_alt_valid'] })] }]),
      'accessibility/ibm-equal-access/img_alt_valid',
    );
    expect(ok).toMatchObject({ status: 'pass', score: 1 });
  });

  it('evidence without engine runs has no engine checks', () => {
    const ids = evaluateEvidence(evidence([{ violations: [img] }])).checks.map((c) => c.id);
    expect(ids.filter((id) => /^accessibility\/(ibm-equal-access|htmlcs|engines)\//.test(id))).toEqual([]);
  });
});
