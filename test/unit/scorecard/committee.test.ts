/**
 * What a committee decides with, beyond weights: rule gates (no failure of an impact at some steps),
 * required devices, budgets, the overall score's range under run-to-run variation, releases and
 * Lighthouse reports carried into the result.
 */
import { describe, expect, it } from 'vitest';
import type { Evidence, RunResult } from '../../../src/core/index.ts';
import { ProfileSchema, RunResultSchema } from '../../../src/core/index.ts';
import { evaluateRun } from '../../../src/scorecard/index.ts';
import { accessibilityEvidence, axeRule, lhRun, performanceEvidence } from '../checks/helpers.ts';
import { device, profile, runInput, service, targetEvidence } from './helpers.ts';

const desktop = device('desktop-chromium');
const phone = device('phone-chromium', 'chromium', 'mobile');

const LOGIN_FORM_GATE = { id: 'login-form', noFailures: { suite: 'accessibility', impact: 'critical', steps: ['login-error'] } };

/** Accessibility evidence with a landing state and a login-error state, each with the given violations. */
function a11y(serviceId: string, deviceId: string, states: { landing?: string[]; loginError?: string[] | null }): Evidence {
  const rule = (id: string) =>
    axeRule(id, {
      impact: id === 'label' || id === 'button-name' ? 'critical' : 'serious',
      tags: id === 'label' ? ['wcag2a', 'wcag412', 'EN-9.4.1.2'] : id === 'button-name' ? ['wcag2a', 'wcag412'] : ['wcag2aa', 'wcag143'],
      nodes: [{ target: [`#${id}`], html: `<x id="${id}">`, failureSummary: `Fix ${id}`, impact: id === 'label' || id === 'button-name' ? 'critical' : 'serious' }],
    });
  const all = ['label', 'color-contrast', 'button-name'];
  const state = (step: string, violations: string[]) => ({
    step,
    url: `http://127.0.0.1:4100/${serviceId}/${step}`,
    violations: violations.map(rule),
    incomplete: [],
    passes: all.filter((r) => !violations.includes(r)),
    inapplicable: [],
  });
  return accessibilityEvidence(
    {
      axeVersion: '4.14.1',
      tags: ['wcag2a', 'wcag2aa'],
      states: [state('landing', states.landing ?? []), ...(states.loginError === null ? [] : [state('login-error', states.loginError ?? [])])],
    },
    { service: serviceId, device: deviceId },
  );
}

function withA11y(serviceId: string, deviceId: string, states: Parameters<typeof a11y>[2]): Evidence[] {
  return [...targetEvidence(serviceId, deviceId).filter((e) => e.suite !== 'accessibility'), a11y(serviceId, deviceId, states)];
}

function gateOf(result: RunResult, serviceId: string, gateId: string) {
  return result.scorecard.find((e) => e.service === serviceId)?.gates.find((g) => g.id === gateId);
}

describe('rule gates: no failing check of an impact, at some steps', () => {
  const p = profile({ gates: [LOGIN_FORM_GATE] });

  it('fails on a critical failure at the step, naming the device and the check', () => {
    const result = evaluateRun(runInput([service('s')], [desktop], withA11y('s', 'desktop-chromium', { loginError: ['label'] }), p));
    expect(gateOf(result, 's', 'login-form')).toMatchObject({
      passed: false,
      check: 'accessibility/*',
      failedOn: ['desktop-chromium'],
      failures: [{ device: 'desktop-chromium', check: 'accessibility/axe/label', impact: 'critical' }],
    });
    expect(result.ranking).toEqual([]);
    expect(RunResultSchema.parse(result)).toEqual(result);
  });

  it('ignores failures at other steps and failures below the impact', () => {
    const result = evaluateRun(
      runInput([service('s')], [desktop], withA11y('s', 'desktop-chromium', { landing: ['label', 'button-name'], loginError: ['color-contrast'] }), p),
    );
    expect(gateOf(result, 's', 'login-form')).toMatchObject({ passed: true, failedOn: [] });
    // The service's own accessibility suite still counts the landing page's failures.
    expect(result.targets[0]?.suites.accessibility.status).toBe('failed');
    expect(result.ranking).toEqual(['s']);
  });

  it('counts serious failures too when the rule says serious', () => {
    const serious = profile({ gates: [{ ...LOGIN_FORM_GATE, noFailures: { ...LOGIN_FORM_GATE.noFailures, impact: 'serious' } }] });
    const result = evaluateRun(runInput([service('s')], [desktop], withA11y('s', 'desktop-chromium', { loginError: ['color-contrast'] }), serious));
    expect(gateOf(result, 's', 'login-form')?.passed).toBe(false);
  });

  it('is undecided, never passed, when the step was not examined on a device', () => {
    const evidence = [...withA11y('s', 'desktop-chromium', {}), ...withA11y('s', 'phone-chromium', { loginError: null })];
    const result = evaluateRun(runInput([service('s')], [desktop, phone], evidence, p));
    expect(gateOf(result, 's', 'login-form')).toMatchObject({ passed: null, undecidedOn: ['phone-chromium'] });
    expect(result.scorecard[0]?.eligible).toBe(false);
  });

  it('without steps, looks at every failing check of the suite (here: a check prefix)', () => {
    const anywhere = profile({ gates: [{ id: 'no-critical', noFailures: { suite: 'accessibility', checks: 'accessibility/axe/' } }] });
    const result = evaluateRun(runInput([service('s')], [desktop], withA11y('s', 'desktop-chromium', { landing: ['button-name'] }), anywhere));
    expect(gateOf(result, 's', 'no-critical')).toMatchObject({ passed: false, title: 'No failing accessibility check of critical impact', check: 'accessibility/axe/*' });
  });
});

describe('required devices', () => {
  it('narrows a gate to the required devices, and a required device missing from the run leaves it undecided', () => {
    const evidence = [...targetEvidence('s', 'desktop-chromium'), ...targetEvidence('s', 'phone-chromium', { login: 'rejected' })];
    const deskOnly = profile({ gates: [{ id: 'valid-login', check: 'login/valid-patron', devices: ['desktop-chromium'] }] });
    expect(evaluateRun(runInput([service('s')], [desktop, phone], evidence, deskOnly)).scorecard[0]?.gates[0]).toMatchObject({ passed: true });
    const tablet = profile({ gates: [{ id: 'valid-login', check: 'login/valid-patron', devices: ['desktop-chromium', 'tablet'] }] });
    expect(evaluateRun(runInput([service('s')], [desktop, phone], evidence, tablet)).scorecard[0]?.gates[0]).toMatchObject({ passed: null, undecidedOn: ['tablet'] });
  });
});

describe('profile validation', () => {
  it('needs exactly one of check and noFailures in a gate, and accepts texts per language', () => {
    const base = { id: 'p', name: { fi: 'Hankinta', sv: 'Upphandling' }, weights: { login: 1, accessibility: 1, performance: 1, compatibility: 1 } };
    expect(ProfileSchema.safeParse({ ...base, gates: [{ id: 'g' }] }).success).toBe(false);
    expect(ProfileSchema.safeParse({ ...base, gates: [{ id: 'g', check: 'login/valid-patron', noFailures: { suite: 'login' } }] }).success).toBe(false);
    const ok = ProfileSchema.parse({ ...base, gates: [{ id: 'g', title: { fi: 'Portti' }, noFailures: { suite: 'login' } }] });
    expect(ok.gates[0]?.noFailures).toEqual({ suite: 'login', impact: 'critical' });
    expect(ProfileSchema.safeParse({ ...base, name: {} }).success).toBe(false);
  });
});

describe('budgets', () => {
  const budgets = [
    { id: 'lcp', check: 'performance/largest-contentful-paint', max: 2500 },
    { id: 'a11y', score: 'accessibility', min: 80 },
    { id: 'overall', title: { en: 'Overall at least 99', fi: 'Yhteensä vähintään 99' }, score: 'overall', min: 99 },
  ];

  it('checks the worst device value against a maximum and scores against a minimum, without touching the rank', () => {
    const evidence = [...targetEvidence('s', 'desktop-chromium', { lcp: 1800 }), ...targetEvidence('s', 'phone-chromium', { lcp: 3100, violations: 1 })];
    const result = evaluateRun(runInput([service('s')], [desktop, phone], evidence, profile({ budgets })));
    const entry = result.scorecard[0];
    expect(entry?.budgets).toEqual([
      { id: 'lcp', title: 'Largest Contentful Paint is fast', subject: 'performance/largest-contentful-paint', kind: 'value', limit: 2500, unit: 'ms', actual: 3100, passed: false, failedOn: ['phone-chromium'] },
      { id: 'a11y', title: 'accessibility score at least 80', subject: 'accessibility', kind: 'score', limit: 80, actual: entry?.suites.accessibility, passed: true, failedOn: [] },
      { id: 'overall', title: 'Overall at least 99', subject: 'overall', kind: 'score', limit: 99, actual: entry?.overall, passed: false, failedOn: [] },
    ]);
    expect(entry?.eligible).toBe(true);
    expect(entry?.rank).toBe(1);
  });

  it('leaves an unmeasured value budget undecided', () => {
    const evidence = targetEvidence('s', 'desktop-chromium').filter((e) => e.suite !== 'performance');
    const result = evaluateRun(runInput([service('s')], [desktop], evidence, profile({ budgets })));
    expect(result.scorecard[0]?.budgets?.[0]).toMatchObject({ actual: null, passed: null });
  });
});

describe('score ranges, releases and reports', () => {
  function perf(serviceId: string, lcps: number[]): Evidence {
    return performanceEvidence(
      {
        lighthouseVersion: '13.5.0',
        runsPerPage: lcps.length,
        pages: [{ step: 'landing', url: 'http://127.0.0.1:4100/', formFactor: 'desktop', runs: lcps.map((lcp, i) => ({ ...lhRun({ lcp }, 0.9), ...(i === 1 ? { report: `evidence/${serviceId}@desktop-chromium/lighthouse-landing.html` } : {}) })) }],
      },
      { service: serviceId, device: 'desktop-chromium' },
    );
  }

  it('gives the overall score a range from the quartiles of repeated runs, a point for a single run', () => {
    const spread = [...targetEvidence('s', 'desktop-chromium').filter((e) => e.suite !== 'performance'), perf('s', [1500, 2400, 3300, 1900, 2800])];
    const single = [...targetEvidence('t', 'desktop-chromium').filter((e) => e.suite !== 'performance'), perf('t', [2400])];
    const result = evaluateRun(runInput([service('s'), service('t')], [desktop], [...spread, ...single]));
    const [s, t] = result.scorecard;
    expect(s?.overallRange?.low).toBeLessThan(s?.overall as number);
    expect(s?.overallRange?.high).toBeGreaterThan(s?.overall as number);
    expect(t?.overallRange).toEqual({ low: t?.overall, high: t?.overall });
  });

  it('carries the release read per device, the service release, the Lighthouse reports and the target overall', () => {
    const evidence: Evidence[] = ['desktop-chromium', 'phone-chromium'].flatMap((d, i) =>
      targetEvidence('s', d)
        .filter((e) => !(e.suite === 'performance' && i === 0))
        .map((e): Evidence => (e.suite === 'compatibility' ? { ...e, release: { version: i === 0 ? '2.1' : '2.2', source: 'header', url: 'http://127.0.0.1:4100/s/' } } : e)),
    );
    evidence.push(perf('s', [1000, 1100, 1200]));
    const result = evaluateRun(runInput([service('s')], [desktop, phone], evidence));
    expect(result.services[0]?.release).toBe('2.1 / 2.2');
    expect(result.targets.map((tg) => tg.release?.version)).toEqual(['2.1', '2.2']);
    expect(result.targets[0]?.lighthouseReports).toEqual([{ step: 'landing', url: 'http://127.0.0.1:4100/', file: 'evidence/s@desktop-chromium/lighthouse-landing.html' }]);
    expect(result.targets[0]?.overall).toBeGreaterThan(0);
    expect(RunResultSchema.parse(result)).toEqual(result);
  });
});
