import { describe, expect, it } from 'vitest';
import { RunResultSchema } from '../../../src/core/index.ts';
import { evaluateRun } from '../../../src/scorecard/index.ts';
import { loginEvidence, attempt } from '../checks/helpers.ts';
import { device, profile, runInput, service, targetEvidence } from './helpers.ts';

const desktop = device('desktop-chromium');
const phone = device('phone-webkit', 'webkit', 'mobile');

describe('evaluateRun', () => {
  it('produces a RunResult that validates, with every target and every suite', () => {
    const services = [service('kirjava'), service('aaniteos')];
    const evidence = [...targetEvidence('kirjava', 'desktop-chromium'), ...targetEvidence('aaniteos', 'desktop-chromium', { violations: 2 })];
    const result = evaluateRun(runInput(services, [desktop, phone], evidence));
    expect(RunResultSchema.parse(result)).toEqual(result);
    expect(result.targets.map((t) => t.id)).toEqual([
      'kirjava@desktop-chromium',
      'kirjava@phone-webkit',
      'aaniteos@desktop-chromium',
      'aaniteos@phone-webkit',
    ]);
    const phoneTarget = result.targets[1];
    expect(phoneTarget?.suites.login.status).toBe('missing');
    // No evidence is a lost cell on every engine (was: performance "not applicable" on WebKit, a
    // stale copy of the matrix's Lighthouse rule that hid a lost cell).
    expect(phoneTarget?.suites.performance.status).toBe('missing');
    expect(result.devices[0]).toMatchObject({ id: 'desktop-chromium', browserVersion: '131.0' });
    expect(result.devices[1]?.browserVersion).toBeUndefined();
  });

  it('ranks eligible services by overall score, best first', () => {
    const services = [service('a'), service('b'), service('c')];
    const evidence = [
      ...targetEvidence('a', 'desktop-chromium', { violations: 3 }),
      ...targetEvidence('b', 'desktop-chromium'),
      ...targetEvidence('c', 'desktop-chromium', { violations: 1, consoleErrors: 1 }),
    ];
    const result = evaluateRun(runInput(services, [desktop], evidence));
    expect(result.ranking).toEqual(['b', 'c', 'a']);
    expect(result.scorecard.map((e) => [e.service, e.rank])).toEqual([
      ['a', 3],
      ['c', 2],
      ['b', 1],
    ].sort());
    const b = result.scorecard.find((e) => e.service === 'b');
    expect(b).toMatchObject({ eligible: true, suites: { accessibility: 100, compatibility: 100 } });
    const suites = b?.suites as Record<string, number>;
    expect(suites.login).toBeGreaterThan(95);
    expect(suites.performance).toBeGreaterThan(95);
    expect(b?.overall).toBeCloseTo((30 * suites.login! + 40 * 100 + 15 * suites.performance! + 15 * 100) / 100, 1);
  });

  it('shares a rank between equal rounded scores and skips the next', () => {
    const services = [service('z'), service('y'), service('x')];
    const evidence = [
      ...targetEvidence('z', 'desktop-chromium'),
      ...targetEvidence('y', 'desktop-chromium'),
      ...targetEvidence('x', 'desktop-chromium', { violations: 5 }),
    ];
    const result = evaluateRun(runInput(services, [desktop], evidence));
    expect(result.ranking).toEqual(['y', 'z', 'x']);
    expect(Object.fromEntries(result.scorecard.map((e) => [e.service, e.rank]))).toEqual({ z: 1, y: 1, x: 3 });
  });

  it('excludes a service failing a gate from the ranking', () => {
    const services = [service('good'), service('broken')];
    const evidence = [...targetEvidence('good', 'desktop-chromium', { violations: 4 }), ...targetEvidence('broken', 'desktop-chromium', { login: 'rejected' })];
    const result = evaluateRun(runInput(services, [desktop], evidence));
    const broken = result.scorecard.find((e) => e.service === 'broken');
    expect(broken).toMatchObject({ eligible: false, rank: null });
    expect(broken?.gates).toEqual([
      { id: 'valid-login', title: 'A valid library card and PIN log the patron in', check: 'login/valid-patron', passed: false, failedOn: ['desktop-chromium'] },
    ]);
    expect(broken?.overall).not.toBeNull();
    expect(result.ranking).toEqual(['good']);
  });

  it('leaves a gate undecided (not eligible) when evidence is missing or inconclusive', () => {
    const services = [service('gone'), service('down')];
    const evidence = [
      ...targetEvidence('gone', 'desktop-chromium').filter((e) => e.suite !== 'login'),
      loginEvidence([attempt('valid', 'error')], { service: 'down', status: 'inconclusive', reason: 'SIP2 server offline' }),
    ];
    const result = evaluateRun(runInput(services, [desktop], evidence));
    for (const entry of result.scorecard) {
      expect(entry.gates[0]?.passed).toBeNull();
      expect(entry.eligible).toBe(false);
      expect(entry.rank).toBeNull();
    }
    expect(result.targets.find((t) => t.service === 'gone')?.suites.login.status).toBe('missing');
    const down = result.targets.find((t) => t.service === 'down');
    expect(down?.suites.login).toMatchObject({ status: 'inconclusive', score: null, reason: 'SIP2 server offline' });
    expect(down?.suites.login.checks.every((c) => c.status === 'inconclusive')).toBe(true);
    expect(result.ranking).toEqual([]);
  });

  it('applies gate scope: every-device versus any-device', () => {
    const phoneChromium = device('phone-chromium', 'chromium', 'mobile');
    const evidence = [...targetEvidence('s', 'desktop-chromium'), ...targetEvidence('s', 'phone-chromium', { login: 'rejected' })];
    const every = evaluateRun(runInput([service('s')], [desktop, phoneChromium], evidence));
    expect(every.scorecard[0]?.gates[0]).toMatchObject({ passed: false, failedOn: ['phone-chromium'] });
    const anyProfile = profile({ gates: [{ id: 'valid-login', check: 'login/valid-patron', scope: 'any-device', title: 'Login works' }] });
    const any = evaluateRun(runInput([service('s')], [desktop, phoneChromium], evidence, anyProfile));
    expect(any.scorecard[0]?.gates[0]).toMatchObject({ passed: true, title: 'Login works', failedOn: ['phone-chromium'] });
    expect(any.scorecard[0]?.eligible).toBe(true);
  });

  it('averages suites over devices and weights the overall by the profile, renormalising over scored suites', () => {
    const phoneChromium = device('phone-chromium', 'chromium', 'mobile');
    const evidence = [
      ...targetEvidence('s', 'desktop-chromium'),
      ...targetEvidence('s', 'phone-chromium', { consoleErrors: 1 }).filter((e) => e.suite !== 'performance'),
    ];
    const result = evaluateRun(
      runInput([service('s')], [desktop, phoneChromium], evidence, profile({ weights: { login: 0, accessibility: 0, performance: 1, compatibility: 3 } })),
    );
    const entry = result.scorecard[0];
    const compatibilityPhone = result.targets[1]?.suites.compatibility.score as number;
    expect(entry?.suites.compatibility).toBeCloseTo((100 + compatibilityPhone) / 2, 1);
    expect(entry?.suites.performance).toBe(result.targets[0]?.suites.performance.score);
    // The phone's performance cell has no evidence at all: lost by the harness, so counted as its error (exit 3) and
    // the weighted overall is not computed over what is left.
    expect(result.targets[1]?.suites.performance.status).toBe('missing');
    expect(result.harnessErrors).toEqual([
      expect.objectContaining({ target: 's@phone-chromium', suite: 'performance', cause: 'lost', weighted: true }),
    ]);
    expect(entry?.overall).toBeNull();
    const whole = evaluateRun(
      runInput([service('s')], [desktop, phoneChromium], [...evidence, ...targetEvidence('s', 'phone-chromium').filter((e) => e.suite === 'performance')], profile({ weights: { login: 0, accessibility: 0, performance: 1, compatibility: 3 } })),
    ).scorecard[0];
    expect(whole?.overall).toBeCloseTo(((whole?.suites.performance as number) * 1 + (whole?.suites.compatibility as number) * 3) / 4, 1);
  });

  it('has a null overall and no rank when nothing could be scored', () => {
    const result = evaluateRun(runInput([service('empty')], [desktop], [], profile({ gates: [] })));
    expect(result.scorecard[0]).toMatchObject({ overall: null, rank: null, eligible: true });
    expect(result.ranking).toEqual([]);
    expect(RunResultSchema.safeParse(result).success).toBe(true);
  });

  it('is deterministic: same output for shuffled evidence and after a JSON round trip', () => {
    const services = [service('a'), service('b')];
    const evidence = [...targetEvidence('a', 'desktop-chromium', { violations: 1, lcp: 2000 }), ...targetEvidence('b', 'desktop-chromium', { lcp: 3100 })];
    const first = evaluateRun(runInput(services, [desktop], evidence));
    const shuffled = evaluateRun(runInput(services, [desktop], [...evidence].reverse()));
    const reloaded = evaluateRun(runInput(services, [desktop], JSON.parse(JSON.stringify(evidence))));
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(first));
    expect(JSON.stringify(reloaded)).toBe(JSON.stringify(first));
  });

  it('uses the latest attempt when evidence was gathered twice', () => {
    const [login] = targetEvidence('a', 'desktop-chromium');
    const retry = loginEvidence([attempt('valid', 'rejected')], { service: 'a', attempt: 2 });
    const result = evaluateRun(runInput([service('a')], [desktop], [retry, login!]));
    expect(result.targets[0]?.suites.login.checks.find((c) => c.id === 'login/valid-patron')?.status).toBe('fail');
  });
});
