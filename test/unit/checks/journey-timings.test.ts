import { describe, expect, it } from 'vitest';
import type { TimingPhase, TimingsEvidence } from '../../../src/core/index.ts';
import { evaluateRun } from '../../../src/scorecard/index.ts';
import { renderScorecardHtml } from '../../../src/render/html.ts';
import { check, performanceEvidence } from './helpers.ts';
import { journeyTimings, STEP_CURVES, STEP_KINDS } from '../../../src/checks/performance/journey.ts';
import { device, profile, runInput, service } from '../scorecard/helpers.ts';

const page = (bytes = 50_000, origins = ['http://127.0.0.1:4100']) => ({
  navigated: true, ttfb: 20, domContentLoaded: 80, load: 120, lcp: 150, cls: 0, requests: 3, transferBytes: bytes, origins,
});

function walk(search: number, extra: Partial<Record<string, number>> = {}): { phases: TimingPhase[] } {
  return {
    phases: [
      { id: 'landing', kind: 'step', ok: true, durationMs: extra.landing ?? 300, page: page(extra.bytes) },
      { id: 'search', kind: 'step', ok: true, durationMs: search, page: page() },
      { id: 'login', kind: 'login', ok: true, durationMs: extra.login ?? 900 },
      { id: 'play', kind: 'play', ok: true, durationMs: extra.play ?? 200 },
    ],
  };
}

function timings(runs: Array<{ phases: TimingPhase[] }>, origins: TimingsEvidence['origins'] = []): TimingsEvidence {
  return {
    runsRequested: runs.length,
    network: { id: 'cable', latencyMs: 40, downloadKbps: 10240, uploadKbps: 10240, applied: true },
    runs,
    origins,
    trackerList: 'third-party-web 0.30.0',
  };
}

const evidence = (t: TimingsEvidence, extra: { service?: string; device?: string } = {}) =>
  performanceEvidence({ runsPerPage: 3, pages: [], lighthouseSkipped: 'Lighthouse needs Chromium', timings: t }, extra);

describe('journey timing checks', () => {
  it('scores each phase\'s median on the curve of its kind of step and reports the slowest', () => {
    const r = check(evidence(timings([walk(900), walk(1000), walk(1100), walk(5000), walk(950)])), 'performance/journey-timings');
    expect(r.status).toBe('pass');
    expect(r.value).toBe(1000); // search's median; login 900 < 1000
    expect(r.detail).toContain('search (navigation): median 1000 ms, IQR 950–1100 ms, 5 runs');
    expect(r.detail).toContain('network cable applied');
  });

  it('fails with a finding when a phase median is in the poor band, and counts failed runs', () => {
    const runs = [walk(9000, { landing: 9000, login: 9000, play: 5000 }), walk(8000, { landing: 8000, login: 8000, play: 4000 })];
    runs.push({ phases: [{ id: 'landing', kind: 'step', ok: false, durationMs: 10000, error: 'HTTP 500' }] });
    const r = check(evidence(timings(runs)), 'performance/journey-timings');
    expect(r.status).toBe('fail');
    expect(r.findings.map((f) => f.step)).toEqual(expect.arrayContaining(['search', 'play', 'landing']));
    expect(r.findings.some((f) => f.message.includes('failed in 1 of 3 runs'))).toBe(true);
  });

  it('page weight uses Lighthouse\'s total-byte-weight points (4000 KiB border)', () => {
    expect(check(evidence(timings([walk(500)])), 'performance/page-weight').status).toBe('pass');
    const heavy = check(evidence(timings([walk(500, { bytes: 6_000_000 })])), 'performance/page-weight');
    expect(heavy.status).toBe('fail');
    expect(heavy.value).toBe(6_000_000);
  });

  it('no-trackers fails on a known tracker origin and lists other sites', () => {
    const clean = check(evidence(timings([walk(500)], [{ origin: 'http://127.0.0.1:4100', firstParty: true, steps: ['landing'], requestsPerWalk: 3 }])), 'performance/no-trackers');
    expect(clean.status).toBe('pass');
    const tracked = check(
      evidence(timings([walk(500)], [{ origin: 'https://www.google-analytics.com', firstParty: false, steps: ['reader'], requestsPerWalk: 2, tracker: { entity: 'Google Analytics', categories: ['analytics'] } }])),
      'performance/no-trackers',
    );
    expect(tracked.status).toBe('fail');
    expect(tracked.findings[0]?.message).toContain('Google Analytics');
    expect(tracked.findings[0]?.step).toBe('reader');
  });

  it('is not applicable without timings (older evidence)', () => {
    expect(check(performanceEvidence({ runsPerPage: 3, pages: [] }), 'performance/journey-timings').status).toBe('not-applicable');
  });
});

describe('step curves: slow is judged on its own (issue 14 part 9)', () => {
  const inPage = { ...page(), navigated: false };
  const one = (phases: TimingPhase[], n = 5) => evidence(timings(Array.from({ length: n }, () => ({ phases }))));

  it('each kind of step has sourced control points, and the check cites them', () => {
    expect(STEP_CURVES.navigation.points).toEqual({ p10: 1000, median: 4000 });
    expect(STEP_CURVES.interaction.points).toEqual({ p10: 100, median: 1000 });
    expect(STEP_CURVES.login.points).toEqual({ p10: 2000, median: 8000 });
    expect(STEP_CURVES.play.points).toEqual({ p10: 1000, median: 2000 });
    for (const k of STEP_KINDS) expect(STEP_CURVES[k].source.length, k).toBeGreaterThan(40);
    expect(journeyTimings.meta.scoring?.source).toMatch(/Nielsen.*Card.*RAIL/s);
    expect(journeyTimings.meta.scoring?.source).toContain('Krishnan & Sitaraman');
  });

  it('a step slower than its curve\'s limit fails on its own in a run of one service (no rival to compare with)', () => {
    const phases: TimingPhase[] = [
      { id: 'landing', kind: 'step', ok: true, durationMs: 400, page: page() },
      { id: 'search', kind: 'step', ok: true, durationMs: 4600, page: page() },
      { id: 'item', kind: 'step', ok: true, durationMs: 300, page: page() },
    ];
    const result = evaluateRun(runInput([service('alpha')], [device('desktop-chromium')], [evidence(timings(Array.from({ length: 5 }, () => ({ phases }))), { service: 'alpha' })], profile()));
    expect(result.timings?.comparisons ?? []).toEqual([]);
    const perf = result.targets[0]?.suites.performance;
    const jt = perf?.checks.find((c) => c.id === 'performance/journey-timings');
    expect(jt?.status).toBe('fail');
    expect(jt?.findings.map((f) => f.step)).toEqual(['search']);
    expect(jt?.findings[0]?.message).toContain('above 4000 ms, the limit for a navigation step');
    expect(perf?.status).toBe('failed');
  });

  it('the same 1.2 s passes as a page load but fails as an answer inside the page (1 s limit)', () => {
    const nav = check(one([{ id: 'search', kind: 'step', ok: true, durationMs: 1200, page: page() }]), 'performance/journey-timings');
    expect(nav.status).toBe('pass');
    expect(nav.score).toBeGreaterThan(0.8);
    const inside = check(one([{ id: 'search', kind: 'step', ok: true, durationMs: 1200, page: inPage }]), 'performance/journey-timings');
    expect(inside.status).toBe('fail');
    expect(inside.findings[0]?.message).toContain('above 1000 ms, the limit for an interaction step');
  });

  it('play: 2.5 s to start fails (viewers abandon past 2 s); 0.8 s scores at least 0.9', () => {
    expect(check(one([{ id: 'play', kind: 'play', ok: true, durationMs: 2500 }]), 'performance/journey-timings').status).toBe('fail');
    expect(check(one([{ id: 'play', kind: 'play', ok: true, durationMs: 800 }]), 'performance/journey-timings').score).toBeGreaterThanOrEqual(0.9);
  });

  it('loses points between the control points: one slow step lowers the check to that step\'s score', () => {
    const r = check(one([{ id: 'landing', kind: 'step', ok: true, durationMs: 2700, page: page() }, { id: 'search', kind: 'step', ok: true, durationMs: 300, page: page() }]), 'performance/journey-timings');
    expect(r.status).toBe('pass');
    expect(r.score).toBeLessThan(0.7);
    expect(r.score).toBeGreaterThan(0.6);
  });

  it('a step that logs in is judged without its login (the login has its own curve)', () => {
    const r = check(one([
      { id: 'login', kind: 'login', ok: true, durationMs: 3000 },
      { id: 'reader', kind: 'step', ok: true, durationMs: 3600, page: page() },
    ]), 'performance/journey-timings');
    expect(r.detail).toContain('reader (navigation): median 600 ms');
    expect(r.status).toBe('pass');
  });
});

describe('timings between vendors', () => {
  const fast = [101, 98, 110, 95, 104];
  const slow = [1302, 1280, 1350, 1299, 1311];
  const services = [service('alpha'), service('beta')];
  const devices = [device('desktop-chromium'), device('desktop-firefox', 'firefox')];
  const ev = (s: string, d: string, searches: number[]) => evidence(timings(searches.map((x) => walk(x))), { service: s, device: d });

  it('says "faster" only when the two-sided Mann-Whitney U test is significant at the profile\'s level', () => {
    const result = evaluateRun(runInput(services, devices, [
      ev('alpha', 'desktop-chromium', fast), ev('beta', 'desktop-chromium', slow),
      ev('alpha', 'desktop-firefox', fast.slice(0, 3)), ev('beta', 'desktop-firefox', slow.slice(0, 3)),
    ], profile()));
    const t = result.timings;
    expect(t?.alpha).toBe(0.05);
    const chromium = t?.comparisons.find((c) => c.device === 'desktop-chromium' && c.phase === 'search');
    expect(chromium).toMatchObject({ faster: 'alpha', slower: 'beta', significant: true, method: 'exact', nFaster: 5, nSlower: 5 });
    expect(chromium?.p).toBeCloseTo(2 / 252, 6);
    // Three runs per side can never reach p < 0.05 (smallest two-sided p = 0.1).
    const firefox = t?.comparisons.find((c) => c.device === 'desktop-firefox' && c.phase === 'search');
    expect(firefox).toMatchObject({ faster: 'alpha', slower: 'beta', significant: false });
    expect(firefox?.p).toBeCloseTo(0.1, 6);
    // Identical landing timings: no difference claimed.
    expect(t?.comparisons.find((c) => c.device === 'desktop-chromium' && c.phase === 'landing')?.significant).toBe(false);
    const row = t?.rows.find((r) => r.device === 'desktop-chromium' && r.phase === 'search');
    expect(row?.cells.find((c) => c.service === 'beta')).toMatchObject({ n: 5, failed: 0, median: 1302, q1: 1299, q3: 1311 });
  });

  it('the scorecard says "faster" only for significant differences, in fi, sv and en, with medians and IQR', () => {
    const result = evaluateRun(runInput(services, devices, [
      ev('alpha', 'desktop-chromium', fast), ev('beta', 'desktop-chromium', slow),
    ], profile()));
    const en = renderScorecardHtml(result, { lang: 'en' });
    expect(en).toContain('Journey timings between services');
    expect(en).toContain('alpha is faster than beta at search (median 101 ms vs 1,302 ms; p = 0.008).');
    expect(en).toContain('alpha and beta do not differ significantly at landing');
    expect(en).toContain('(1,299 ms–1,311 ms)');
    expect(en).toMatch(/walked 5 times per device[^<]*network profile &quot;unthrottled&quot;/);
    expect(renderScorecardHtml(result, { lang: 'fi' })).toContain('on nopeampi kuin');
    expect(renderScorecardHtml(result, { lang: 'sv' })).toContain('är snabbare än');
  });

  it('has no timings section when no evidence carries timings', () => {
    expect(evaluateRun(runInput(services, devices, [], profile())).timings).toBeUndefined();
  });
});
