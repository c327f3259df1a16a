import { describe, expect, it } from 'vitest';
import type { PerformancePage } from '../../../src/core/index.ts';
import { evaluateEvidence, METRICS } from '../../../src/checks/index.ts';
import { check, lhRun, performanceEvidence } from './helpers.ts';

function page(step: string, formFactor: PerformancePage['formFactor'], runs: PerformancePage['runs']): PerformancePage {
  return { step, url: `http://127.0.0.1:4100/${step}`, formFactor, runs };
}
function evidence(...pages: PerformancePage[]) {
  return performanceEvidence({ lighthouseVersion: '13.5.0', runsPerPage: 3, pages });
}

describe('performance metric checks', () => {
  it('uses Lighthouse control points for mobile and desktop', () => {
    const lcp = METRICS.find((m) => m.name === 'largest-contentful-paint');
    expect(lcp?.points).toEqual({ mobile: { p10: 2500, median: 4000 }, desktop: { p10: 1200, median: 2400 } });
    const mobile = check(evidence(page('landing', 'mobile', [lhRun({ lcp: 2500 })])), 'performance/largest-contentful-paint');
    expect(mobile.score).toBeCloseTo(0.9, 5);
    const desktop = check(evidence(page('landing', 'desktop', [lhRun({ lcp: 2400 })])), 'performance/largest-contentful-paint');
    expect(desktop.score).toBe(0.5);
  });

  it('scores the median of the runs and records the spread', () => {
    const result = check(
      evidence(page('landing', 'mobile', [lhRun({ lcp: 9000 }), lhRun({ lcp: 2000 }), lhRun({ lcp: 3000 })])),
      'performance/largest-contentful-paint',
    );
    expect(result.value).toBe(3000);
    expect(result.unit).toBe('ms');
    expect(result.detail).toContain('median 3000 ms, IQR 2500–6000 ms, range 2000–9000 ms, 3 runs');
    expect(result.status).toBe('pass');
  });

  it('takes the worst page\'s score and median: one page in the poor band fails the check on its own (a good page does not average it away)', () => {
    const result = check(
      evidence(page('landing', 'mobile', [lhRun({ tbt: 100 })]), page('search', 'mobile', [lhRun({ tbt: 2000 })])),
      'performance/total-blocking-time',
    );
    expect(result.value).toBe(2000);
    expect(result.status).toBe('fail');
    expect(result.score).toBeLessThan(0.1);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ step: 'search', impact: 'serious' });
    const bad = check(evidence(page('search', 'mobile', [lhRun({ tbt: 2000 })])), 'performance/total-blocking-time');
    expect(bad.status).toBe('fail');
  });

  it('treats CLS as unitless', () => {
    const result = check(evidence(page('landing', 'desktop', [lhRun({ cls: 0.3 })])), 'performance/cumulative-layout-shift');
    expect(result).toMatchObject({ status: 'fail', value: 0.3 });
    expect(result.unit).toBeUndefined();
  });

  it('is inconclusive when no run produced the metric', () => {
    const run = { ...lhRun({ lcp: null }), runtimeError: 'NO_LCP' };
    const result = check(evidence(page('landing', 'mobile', [run])), 'performance/largest-contentful-paint');
    expect(result).toMatchObject({ status: 'inconclusive', score: null });
    expect(result.detail).toContain('NO_LCP');
  });

  it('weighs metrics like Lighthouse and reports the category score with weight 0', () => {
    const { checks } = evaluateEvidence(evidence(page('landing', 'mobile', [lhRun({}, 0.6), lhRun({}, 0.9), lhRun({}, 0.7)])));
    expect(Object.fromEntries(checks.map((c) => [c.id, c.weight]))).toEqual({
      'performance/lighthouse-performance': 0,
      'performance/first-contentful-paint': 10,
      'performance/largest-contentful-paint': 25,
      'performance/total-blocking-time': 30,
      'performance/cumulative-layout-shift': 25,
      'performance/render-blocking': 0,
      'performance/journey-timings': 25,
      'performance/page-weight': 3,
      'performance/no-trackers': 7,
      'performance/responsiveness': 10,
      'performance/journey-completed': 30,
    });
    const category = checks.find((c) => c.id === 'performance/lighthouse-performance');
    expect(category?.score).toBeCloseTo(0.7, 10);
  });

  it('takes the worst page\'s median category score', () => {
    const result = check(
      evidence(page('a', 'mobile', [lhRun({}, 0.3), lhRun({}, 0.4), lhRun({}, 0.6)]), page('b', 'mobile', [lhRun({}, 1)])),
      'performance/lighthouse-performance',
    );
    expect(result.score).toBeCloseTo(0.4, 10);
    expect(result.value).toBeCloseTo(40, 10);
    expect(result.status).toBe('fail');
  });

  it('makes every check not applicable when the suite is not applicable on the device', () => {
    const { gather, checks } = evaluateEvidence(performanceEvidence(undefined, { status: 'not-applicable', reason: 'Lighthouse needs Chromium' }));
    expect(gather.status).toBe('not-applicable');
    expect(checks.every((c) => c.status === 'not-applicable' && c.score === null)).toBe(true);
  });
});

describe('performance/render-blocking', () => {
  const blocked = (ms: number | null) => ({ ...lhRun({}), renderBlocking: ms === null ? [] : [{ url: 'http://127.0.0.1:4714/js/x.js', wastedMs: ms, totalBytes: 80 }] });

  it('fails a page whose blocking requests hold the first paint back by 300 ms or more (median of the runs), naming them', () => {
    const result = check(evidence(page('landing', 'mobile', [blocked(650), blocked(90), blocked(700)])), 'performance/render-blocking');
    expect(result).toMatchObject({ status: 'fail', value: 650, unit: 'ms', weight: 0 });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.message).toContain('http://127.0.0.1:4714/js/x.js');
    expect(result.findings[0]?.message).toContain('650 ms');
  });

  it('passes pages with nothing blocking or a short block, and says how long each page was held back', () => {
    const result = check(evidence(page('landing', 'desktop', [blocked(null), blocked(null)]), page('reader', 'desktop', [blocked(80), blocked(60)])), 'performance/render-blocking');
    expect(result.status).toBe('pass');
    expect(result.findings).toHaveLength(0);
    expect(result.detail).toContain('landing (desktop): nothing blocks the first paint (2 runs)');
    expect(result.detail).toContain('reader (desktop): first paint held back by 1 request, median 70 ms');
  });

  it('is inconclusive on evidence from before render-blocking requests were recorded', () => {
    expect(check(evidence(page('landing', 'mobile', [lhRun({})])), 'performance/render-blocking').status).toBe('inconclusive');
  });
});
