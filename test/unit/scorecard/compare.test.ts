/**
 * compareRuns: which changes between two runs are regressions by the profile's thresholds, and
 * which release changed what. Runs are built with evaluateRun from hand-made evidence.
 */
import { describe, expect, it } from 'vitest';
import type { Evidence, RunResult } from '../../../src/core/index.ts';
import { CompareResultSchema, DEFAULT_REGRESSION_THRESHOLDS, RegressionThresholdsSchema } from '../../../src/core/index.ts';
import { compareRuns, evaluateRun, performanceSamples } from '../../../src/scorecard/index.ts';
import { lhRun, loginEvidence, performanceEvidence, attempt } from '../checks/helpers.ts';
import { nothingComparable } from '../../../src/scorecard/compare.ts';
import { device, profile, runInput, service, targetEvidence, type TargetShape } from './helpers.ts';

const desktop = device('desktop-chromium');
const phone = device('phone-chromium', 'chromium', 'mobile');

function withRelease(evidence: Evidence[], version: string): Evidence[] {
  return evidence.map((e) => (e.suite === 'compatibility' ? { ...e, release: { version, source: 'meta' as const, url: 'http://127.0.0.1:4100/' } } : e));
}

function perf(serviceId: string, deviceId: string, lcps: number[]): Evidence {
  return performanceEvidence(
    { lighthouseVersion: '13.5.0', runsPerPage: lcps.length, pages: [{ step: 'landing', url: 'http://127.0.0.1:4100/', formFactor: 'desktop', runs: lcps.map((lcp) => lhRun({ lcp })) }] },
    { service: serviceId, device: deviceId },
  );
}

interface Side {
  shapes: Record<string, TargetShape>;
  release?: Record<string, string>;
  lcps?: Record<string, number[]>;
  override?: Evidence[];
}

function run(side: Side, runId: string): { result: RunResult; evidence: Evidence[] } {
  const ids = Object.keys(side.shapes);
  const evidence = ids.flatMap((id) => {
    let ev = targetEvidence(id, 'desktop-chromium', side.shapes[id]);
    if (side.lcps?.[id]) ev = [...ev.filter((e) => e.suite !== 'performance'), perf(id, 'desktop-chromium', side.lcps[id] as number[])];
    if (side.release?.[id]) ev = withRelease(ev, side.release[id] as string);
    return ev;
  });
  const all = [...evidence.filter((e) => !(side.override ?? []).some((o) => o.service === e.service && o.suite === e.suite)), ...(side.override ?? [])];
  const result = evaluateRun({ ...runInput(ids.map((id) => service(id)), [desktop], all), runId });
  return { result, evidence: all };
}

function compare(a: Side, b: Side, thresholds = DEFAULT_REGRESSION_THRESHOLDS) {
  const old = run(a, 'old');
  const now = run(b, 'new');
  const result = compareRuns({ old: old.result, new: now.result, oldSamples: performanceSamples(old.evidence), newSamples: performanceSamples(now.evidence), thresholds });
  expect(CompareResultSchema.parse(result)).toEqual(result);
  return result;
}

describe('compareRuns', () => {
  it('flags a new accessibility failure in a new release, and not the unchanged vendor', () => {
    const result = compare(
      { shapes: { kirjava: {}, kuunteli: { violations: 2 } }, release: { kirjava: '3.4.1', kuunteli: '2026.11' } },
      { shapes: { kirjava: { violations: 1 }, kuunteli: { violations: 2 } }, release: { kirjava: '3.5.0', kuunteli: '2026.11' } },
    );
    expect(result.regressed).toEqual(['kirjava']);
    const kirjava = result.services.find((s) => s.service === 'kirjava');
    expect(kirjava).toMatchObject({ oldRelease: '3.4.1', newRelease: '3.5.0', releaseChanged: true, status: 'regressed', regressed: true });
    expect(kirjava?.changes.find((c) => c.kind === 'new-failure')).toMatchObject({ regression: true, device: 'desktop-chromium', check: 'accessibility/axe/color-contrast', impact: 'serious' });
    expect(result.services.find((s) => s.service === 'kuunteli')).toMatchObject({ status: 'unchanged', regressed: false, releaseChanged: false, changes: [] });
    expect(result.sameConfiguration).toBe(true);
  });

  it('does not call a new failure below the minimum impact a regression, but shows it', () => {
    const th = RegressionThresholdsSchema.parse({ accessibility: { minImpact: 'critical' } });
    const result = compare({ shapes: { s: {} } }, { shapes: { s: { violations: 1 } } }, th);
    expect(result.regressed).toEqual([]);
    expect(result.services[0]).toMatchObject({ status: 'changed' });
    expect(result.services[0]?.changes.some((c) => c.kind === 'new-failure' && !c.regression)).toBe(true);
  });

  it('reports fixes and element counts, which are not regressions', () => {
    const result = compare({ shapes: { s: { violations: 2, consoleErrors: 1 } } }, { shapes: { s: { violations: 1 } } });
    const kinds = result.services[0]?.changes.map((c) => c.kind);
    expect(kinds).toContain('fixed');
    expect(result.services[0]?.changes.filter((c) => c.kind === 'fixed').map((c) => c.check)).toEqual(['accessibility/axe/image-alt', 'compatibility/console-errors']);
    expect(result.regressed).toEqual([]);
  });

  it('flags login broken on a device, and the must-pass gate it breaks', () => {
    const result = compare({ shapes: { s: {} } }, { shapes: { s: { login: 'rejected' } } });
    const changes = result.services[0]?.changes ?? [];
    expect(changes.find((c) => c.kind === 'login-broken')).toMatchObject({ regression: true, device: 'desktop-chromium' });
    expect(changes.find((c) => c.kind === 'gate-failed')).toMatchObject({ regression: true, check: 'valid-login' });
  });

  it('calls a slowdown significant only with enough runs whose quartile ranges are apart', () => {
    const slow = compare({ shapes: { s: {} }, lcps: { s: [1000, 1050, 1100] } }, { shapes: { s: {} }, lcps: { s: [2000, 2100, 2200] } });
    expect(slow.services[0]?.changes.find((c) => c.kind === 'slowdown')).toMatchObject({ regression: true, significant: true, metric: 'lcp', step: 'landing', before: 1050, after: 2100, unit: 'ms' });
    expect(slow.regressed).toEqual(['s']);

    const noisy = compare({ shapes: { s: {} }, lcps: { s: [1000, 1050, 2400] } }, { shapes: { s: {} }, lcps: { s: [900, 1500, 2500] } });
    expect(noisy.services[0]?.changes.find((c) => c.kind === 'slowdown')).toMatchObject({ regression: false, significant: false });

    const single = compare({ shapes: { s: {} }, lcps: { s: [1000] } }, { shapes: { s: {} }, lcps: { s: [3000] } });
    const change = single.services[0]?.changes.find((c) => c.kind === 'slowdown');
    expect(change).toMatchObject({ regression: false, significant: false });
    expect(change?.detail).toMatch(/too few runs/);

    const small = compare({ shapes: { s: {} }, lcps: { s: [1000, 1000, 1000] } }, { shapes: { s: {} }, lcps: { s: [1200, 1200, 1200] } });
    expect(small.services[0]?.changes.some((c) => c.kind === 'slowdown')).toBe(false);

    const faster = compare({ shapes: { s: {} }, lcps: { s: [2000, 2100, 2200] } }, { shapes: { s: {} }, lcps: { s: [1000, 1050, 1100] } });
    expect(faster.services[0]?.changes.find((c) => c.kind === 'speedup')).toMatchObject({ regression: false, significant: true });
  });

  it('does not compare a suite that was not gathered (an unreachable vendor is not a regression)', () => {
    const down = loginEvidence([attempt('valid', 'error')], { service: 's', status: 'unreachable', reason: 'connection refused' });
    const result = compare({ shapes: { s: {} } }, { shapes: { s: {} }, override: [down] });
    expect(result.regressed).toEqual([]);
    expect(result.services[0]?.changes.find((c) => c.kind === 'not-compared')).toMatchObject({ regression: false, check: 'login' });
    expect(result.services[0]?.changes.some((c) => c.kind === 'gate-failed')).toBe(false);
  });

  it('treats an overall drop as a regression only when the profile sets overallDrop', () => {
    const a = { shapes: { s: {} } };
    const b = { shapes: { s: { violations: 1, consoleErrors: 2 } } };
    const lenient = compare(a, b, RegressionThresholdsSchema.parse({ accessibility: { newFailures: false } }));
    expect(lenient.services[0]?.changes.find((c) => c.kind === 'score-drop')).toMatchObject({ regression: false });
    expect(lenient.regressed).toEqual([]);
    const strict = compare(a, b, RegressionThresholdsSchema.parse({ accessibility: { newFailures: false }, overallDrop: 1 }));
    expect(strict.services[0]?.changes.find((c) => c.kind === 'score-drop')).toMatchObject({ regression: true });
  });

  it('says when a service is only in one run and when the configurations differ', () => {
    const old = run({ shapes: { a: {}, b: {} } }, 'old');
    const now = run({ shapes: { a: {} } }, 'new');
    const result = compareRuns({ old: old.result, new: { ...now.result, fingerprint: 'sha256:other' } });
    expect(result.sameConfiguration).toBe(false);
    expect(result.services.find((s) => s.service === 'b')).toMatchObject({ status: 'not-compared', regressed: false });
    expect(result.thresholds).toEqual(DEFAULT_REGRESSION_THRESHOLDS);
  });

  it('says why nothing is comparable: no common service, no common device, no suite gathered in both', () => {
    const a = run({ shapes: { a: {} } }, 'old').result;
    const b = run({ shapes: { b: {} } }, 'new').result;
    expect(nothingComparable(a, b)).toBe('no service is in both runs');
    expect(nothingComparable(a, run({ shapes: { a: {} } }, 'new').result)).toBeUndefined();
    const elsewhere = { ...a, targets: a.targets.map((t) => ({ ...t, device: 'phone-chromium' })) };
    expect(nothingComparable(elsewhere, run({ shapes: { a: {} } }, 'new').result)).toMatch(/no device of a/);
    const down = { ...a, targets: a.targets.map((t) => ({ ...t, suites: Object.fromEntries(Object.entries(t.suites).map(([k, v]) => [k, { ...v, status: 'unreachable' }])) })) } as RunResult;
    expect(nothingComparable(down, run({ shapes: { a: {} } }, 'new').result)).toMatch(/no suite was gathered in both/);
  });

  it('takes the thresholds from the new run\'s profile', () => {
    const old = run({ shapes: { s: {} } }, 'old');
    const strictProfile = profile({ regressions: { accessibility: { minImpact: 'critical' } } });
    const now = evaluateRun({ ...runInput([service('s')], [desktop, phone], targetEvidence('s', 'desktop-chromium', { violations: 1 }), strictProfile), runId: 'new' });
    const result = compareRuns({ old: old.result, new: now });
    expect(result.thresholds.accessibility.minImpact).toBe('critical');
    expect(result.regressed).toEqual([]);
    expect(result.services[0]?.changes.find((c) => c.device === 'phone-chromium')).toMatchObject({ kind: 'not-compared' });
  });
});
