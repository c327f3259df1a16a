import { describe, expect, it } from 'vitest';
import type { AccessibilityState } from '../../../src/core/index.ts';
import { CheckResultSchema, criterionReferences } from '../../../src/core/index.ts';
import { criteriaFromTags, evaluateEvidence, isScoredRule, referencesFromTags } from '../../../src/checks/index.ts';
import { accessibilityEvidence, axeRule, check } from './helpers.ts';

function state(step: string, parts: Partial<AccessibilityState> = {}): AccessibilityState {
  return {
    step,
    url: `http://127.0.0.1:4100/${step}`,
    violations: [],
    incomplete: [],
    passes: [],
    inapplicable: [],
    screenshot: `evidence/kirjava@desktop-chromium/${step}.png`,
    ...parts,
  };
}

function evidence(...states: AccessibilityState[]) {
  return accessibilityEvidence({ axeVersion: '4.14.1', tags: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'], states });
}

describe('accessibility/axe/<rule-id>', () => {
  it('creates one check per rule seen in any state, sorted by id; inapplicable rules are not reported', () => {
    const { checks } = evaluateEvidence(
      evidence(
        state('landing', { violations: [axeRule('color-contrast')], passes: ['image-alt'], inapplicable: ['video-caption'] }),
        state('search', { incomplete: [axeRule('aria-valid-attr-value', { impact: 'critical' })], passes: ['image-alt', 'document-title'] }),
      ),
    );
    // The beyond-axe checks (fixed) come first; they are tested in beyond-axe.test.ts.
    expect(checks.map((c) => c.id).filter((id) => id.startsWith('accessibility/axe/') || id === 'accessibility/journey-completed')).toEqual([
      'accessibility/journey-completed',
      'accessibility/axe/aria-valid-attr-value',
      'accessibility/axe/color-contrast',
      'accessibility/axe/document-title',
      'accessibility/axe/image-alt',
    ]);
    for (const c of checks) expect(CheckResultSchema.parse(c)).toEqual(c);
  });

  it('fails when violated in any state, with a finding per node', () => {
    const rule = axeRule('color-contrast', {
      nodes: [
        { target: ['#main', 'p.low'], html: '<p class="low">Lainaa</p>', failureSummary: 'Fix any: contrast 2.1:1' },
        { target: ['iframe#reader', 'span'], html: '<span>x</span>', impact: 'moderate' },
      ],
    });
    const result = check(evidence(state('landing', { passes: ['color-contrast'] }), state('item', { violations: [rule] })), 'accessibility/axe/color-contrast');
    expect(result).toMatchObject({ status: 'fail', score: 0, impact: 'serious', weight: 7, title: 'Help for color-contrast' });
    expect(result.criteria).toEqual(['1.4.3']);
    expect(result.references).toEqual([]);
    expect(result.findings).toEqual([
      {
        message: 'Fix any: contrast 2.1:1',
        impact: 'serious',
        step: 'item',
        url: 'http://127.0.0.1:4100/item',
        selector: '#main >>> p.low',
        html: '<p class="low">Lainaa</p>',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast',
        screenshot: 'evidence/kirjava@desktop-chromium/item.png',
        sources: ['axe-core'],
      },
      {
        // axe reported this node as moderate; severity comes from the rule's declared table (serious), never from the evidence.
        message: 'Help for color-contrast',
        impact: 'serious',
        step: 'item',
        url: 'http://127.0.0.1:4100/item',
        selector: 'iframe#reader >>> span',
        html: '<span>x</span>',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast',
        screenshot: 'evidence/kirjava@desktop-chromium/item.png',
        sources: ['axe-core'],
      },
    ]);
  });

  it('takes impact and weight from the rule table, whatever impact axe reported in the evidence', () => {
    const result = check(
      evidence(
        state('landing', { violations: [axeRule('image-alt', { impact: 'minor', tags: ['wcag2a', 'wcag111'] })] }),
        state('item', { violations: [axeRule('image-alt', { impact: 'moderate', tags: ['wcag2a', 'wcag111'] })] }),
      ),
      'accessibility/axe/image-alt',
    );
    expect(result.impact).toBe('critical');
    expect(result.findings.map((f) => f.impact)).toEqual(['critical', 'critical']);
    expect(result.weight).toBe(10);
    const lowered = check(evidence(state('landing', { violations: [axeRule('color-contrast', { impact: 'critical' })] })), 'accessibility/axe/color-contrast');
    expect(lowered.impact).toBe('serious');
  });

  it('needs review (score null) when only incomplete', () => {
    const result = check(evidence(state('landing', { incomplete: [axeRule('color-contrast')] })), 'accessibility/axe/color-contrast');
    expect(result).toMatchObject({ status: 'needs-review', score: null, weight: 7 });
    expect(result.findings).toHaveLength(1);
  });

  it('keeps what axe could not decide at one step when the same rule failed at another (issue 16.4)', () => {
    const result = check(
      evidence(state('landing', { violations: [axeRule('color-contrast')] }), state('item', { incomplete: [axeRule('color-contrast')] })),
      'accessibility/axe/color-contrast',
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => [f.step, f.needsReview ?? false])).toEqual([['landing', false], ['item', true]]);
    expect(result.detail).toMatch(/1 more element to review in item/);
  });

  it('passes when only passes, with the impact and help text from the rule table', () => {
    const result = check(evidence(state('landing', { passes: ['image-alt'] })), 'accessibility/axe/image-alt');
    expect(result).toMatchObject({ status: 'pass', score: 1, impact: 'critical', weight: 10, title: 'Images must have alternative text' });
    expect(result.criteria).toContain('1.1.1');
  });

  it('reports best-practice rules with weight 0', () => {
    const result = check(
      evidence(state('landing', { violations: [axeRule('region', { impact: 'moderate', tags: ['cat.keyboard', 'best-practice'] })] })),
      'accessibility/axe/region',
    );
    expect(result).toMatchObject({ status: 'fail', weight: 0, references: ['axe-core best practice'] });
    const suite = evaluateEvidence(evidence(state('landing', { violations: [axeRule('region', { tags: ['best-practice'] })], passes: ['image-alt'] })));
    expect(suite.checks.find((c) => c.id === 'accessibility/axe/region')?.weight).toBe(0);
  });

  it('does not score rules unknown to the rule table, whether violated or passed', () => {
    expect(check(evidence(state('a', { passes: ['made-up-rule'] })), 'accessibility/axe/made-up-rule').weight).toBe(0);
    expect(check(evidence(state('a', { violations: [axeRule('made-up-rule')] })), 'accessibility/axe/made-up-rule').weight).toBe(0);
  });
});

describe('axe tags → references', () => {
  it('maps tags to typed success criteria; their version, level and EN 301 549 clause come from the one criteria table', () => {
    expect(criteriaFromTags(['cat.color', 'wcag2aa', 'wcag143', 'EN-301-549', 'EN-9.1.4.3'])).toEqual(['1.4.3']);
    expect(criterionReferences(criteriaFromTags(['wcag21aa', 'wcag1410', 'EN-9.1.4.10']))).toEqual(['WCAG 2.1 SC 1.4.10 Reflow (AA)', 'EN 301 549 9.1.4.10']);
    expect(criterionReferences(criteriaFromTags(['wcag22aa', 'wcag258']))).toEqual(['WCAG 2.2 SC 2.5.8 Target Size (Minimum) (AA)', 'EN 301 549 V4 draft 9.2.5.8']);
    // One WCAG version per criterion: 1.4.3 is a WCAG 2.0 criterion whichever level tag a rule carries.
    expect(criterionReferences(criteriaFromTags(['wcag21aa', 'wcag143']))[0]).toBe('WCAG 2.0 SC 1.4.3 Contrast (Minimum) (AA)');
    expect(criteriaFromTags(['wcag999', 'best-practice'])).toEqual([]);
    expect(referencesFromTags(['best-practice'])).toEqual(['axe-core best practice']);
    expect(referencesFromTags(['wcag2a', 'wcag111', 'best-practice'])).toEqual([]);
  });

  it('scores A/AA rules only', () => {
    expect(isScoredRule(['wcag2aa', 'wcag143'])).toBe(true);
    expect(isScoredRule(['wcag2aaa', 'wcag146'])).toBe(false);
    expect(isScoredRule(['best-practice'])).toBe(false);
    expect(isScoredRule(['wcag2a', 'experimental'])).toBe(false);
  });
});
