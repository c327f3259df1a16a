import { describe, expect, it } from 'vitest';
import { CheckResultSchema } from '../../../src/core/index.ts';
import { evaluateEvidence } from '../../../src/checks/index.ts';
import { attempt, check, loginEvidence, step } from './helpers.ts';

describe('login/valid-patron', () => {
  it('passes when the valid patron logs in', () => {
    const result = check(loginEvidence([attempt('valid', 'logged-in')]), 'login/valid-patron');
    expect(result).toMatchObject({ status: 'pass', score: 1, impact: 'critical', weight: 10, findings: [] });
    expect(CheckResultSchema.parse(result)).toEqual(result);
  });

  it.each(['rejected', 'no-response', 'error'] as const)('fails with a finding when the outcome is %s', (outcome) => {
    const result = check(
      loginEvidence([attempt('valid', outcome, { message: 'Palvelu ei vastaa', screenshot: 'evidence/k/login-valid.png' })]),
      'login/valid-patron',
    );
    expect(result.status).toBe('fail');
    expect(result.score).toBe(0);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      impact: 'critical',
      step: 'login:valid',
      url: 'http://127.0.0.1:4100/login',
      screenshot: 'evidence/k/login-valid.png',
    });
    expect(result.findings[0]?.message).toContain(outcome);
  });

  it('is inconclusive when no valid attempt was recorded', () => {
    expect(check(loginEvidence([attempt('wrongPin', 'rejected', { message: 'Väärä PIN' })]), 'login/valid-patron')).toMatchObject({
      status: 'inconclusive',
      score: null,
    });
  });
});

describe('login/wrong-pin-rejected', () => {
  const valid = attempt('valid', 'logged-in');

  it('passes when rejected with a visible message', () => {
    const result = check(loginEvidence([valid, attempt('wrongPin', 'rejected', { message: 'Väärä PIN-koodi' })]), 'login/wrong-pin-rejected');
    expect(result).toMatchObject({ status: 'pass', score: 1, findings: [] });
  });

  it('fails when rejected without a message', () => {
    const result = check(loginEvidence([valid, attempt('wrongPin', 'rejected', { message: '   ' })]), 'login/wrong-pin-rejected');
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => f.message).join()).toMatch(/without a visible error message/);
  });

  it('fails when the message echoes the PIN', () => {
    const result = check(
      loginEvidence([valid, attempt('wrongPin', 'rejected', { message: 'PIN [redacted] on väärä', echoesPin: true })]),
      'login/wrong-pin-rejected',
    );
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.message).toMatch(/repeats the PIN/);
  });

  it('fails when a wrong PIN logs in', () => {
    const result = check(loginEvidence([valid, attempt('wrongPin', 'logged-in')]), 'login/wrong-pin-rejected');
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.message).toMatch(/accepted/);
  });

  it('fails when nothing happens', () => {
    expect(check(loginEvidence([valid, attempt('wrongPin', 'no-response')]), 'login/wrong-pin-rejected').status).toBe('fail');
  });

  it('is not applicable without a wrongPin patron', () => {
    expect(check(loginEvidence([valid]), 'login/wrong-pin-rejected')).toMatchObject({ status: 'not-applicable', score: null });
  });
});

describe('login/time-to-login', () => {
  it('scores the login duration on the documented curve', () => {
    const fast = check(loginEvidence([attempt('valid', 'logged-in', { durationMs: 1000 })]), 'login/time-to-login');
    expect(fast.status).toBe('pass');
    expect(fast.score).toBeCloseTo(0.9, 5);
    expect(fast).toMatchObject({ value: 1000, unit: 'ms' });

    const median = check(loginEvidence([attempt('valid', 'logged-in', { durationMs: 4000 })]), 'login/time-to-login');
    expect(median.score).toBeCloseTo(0.5, 10);
    expect(median.status).toBe('pass');

    const slow = check(loginEvidence([attempt('valid', 'logged-in', { durationMs: 9000 })]), 'login/time-to-login');
    expect(slow.status).toBe('fail');
    expect(slow.score).toBeLessThan(0.5);
  });

  it('uses the median of several valid logins', () => {
    const result = check(
      loginEvidence([1000, 9000, 2000].map((durationMs) => attempt('valid', 'logged-in', { durationMs }))),
      'login/time-to-login',
    );
    expect(result.value).toBe(2000);
  });

  it('fails, with the attempt as a finding, when the valid patron\'s login did not complete (a login that never ends is not quick)', () => {
    const r = check(loginEvidence([attempt('valid', 'logged-in', { durationMs: 800 }), attempt('valid', 'no-response', { durationMs: 10_000 })]), 'login/time-to-login');
    expect(r).toMatchObject({ status: 'fail', score: 0 });
    expect(r.findings[0]?.message).toContain('did not complete: outcome "no-response" after 10000 ms');
  });

  it('a login slower than the navigation curve\'s limit (4 s) fails on its own', () => {
    const r = check(loginEvidence([attempt('valid', 'logged-in', { durationMs: 4500 })]), 'login/time-to-login');
    expect(r.status).toBe('fail');
    expect(r.findings[0]?.message).toContain('above the 4000 ms limit');
  });
});

describe('login evidence that is not complete', () => {
  it('makes every login check inconclusive, never failed', () => {
    const evidence = loginEvidence([attempt('valid', 'error')], { status: 'inconclusive', reason: 'Library system is down (SIP2 98 says offline)' });
    const { gather, checks } = evaluateEvidence(evidence);
    expect(gather.status).toBe('inconclusive');
    expect(checks.map((c) => c.id)).toEqual([
      'login/valid-patron',
      'login/wrong-pin-rejected',
      'login/unknown-card-rejected',
      'login/blocked-card-rejected',
      'login/expired-card-rejected',
      'login/error-announced',
      'login/error-language',
      'login/form-accessible',
      'login/session-survives-reload',
      'login/logout-ends-session',
      'login/third-party-cookies',
      'login/outage-message',
      'login/time-to-login',
      'login/journey-completed',
    ]);
    for (const c of checks) {
      expect(c.status).toBe('inconclusive');
      expect(c.score).toBeNull();
      expect(c.detail).toContain('Library system is down');
    }
  });

  it('reports a complete record without login data as a harness error', () => {
    const { gather, checks } = evaluateEvidence(loginEvidence(undefined));
    expect(gather.status).toBe('harness-error');
    expect(checks.every((c) => c.status === 'inconclusive')).toBe(true);
  });
});

describe('login/journey-completed', () => {
  it('fails with a finding per failed step', () => {
    const evidence = loginEvidence([attempt('valid', 'logged-in')], {
      steps: [step('landing'), step('open-login', false, { error: 'Element not found: button "Kirjaudu"', screenshot: 'evidence/x.png' })],
    });
    const result = check(evidence, 'login/journey-completed');
    expect(result).toMatchObject({ status: 'fail', score: 0, impact: 'serious' });
    expect(result.findings).toEqual([
      {
        message: 'Step "open-login" failed: Element not found: button "Kirjaudu".',
        impact: 'serious',
        step: 'open-login',
        url: 'http://127.0.0.1:4100/open-login',
        screenshot: 'evidence/x.png',
      },
    ]);
  });

  it('passes when every step succeeded and is not applicable without steps', () => {
    expect(check(loginEvidence([], { steps: [step('landing')] }), 'login/journey-completed').status).toBe('pass');
    expect(check(loginEvidence([]), 'login/journey-completed').status).toBe('not-applicable');
  });
});
