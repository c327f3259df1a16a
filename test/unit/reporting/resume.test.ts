/**
 * Pure parts of issue 8's reliability work: resuming only a run made with the same configuration,
 * and a `goto` that meets an intermittent 5xx being repeated and recorded (a persistent one failing).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.ts';
import { loadConfig } from '../../../src/config/load.ts';
import { createRun, resumeRun } from '../../../src/reporting/run-context.ts';
import { GOTO_RETRIES, runAction } from '../../../src/journey/actions.ts';
import { regather } from '../../../src/gather/resume.ts';
import { ActionError, type BrowserSession } from '../../../src/session/types.ts';
import { ROOT } from '../../support/cli.ts';

describe('resumeRun', () => {
  const config = loadConfig({ root: ROOT, services: ['kirjava'], devices: ['desktop-chromium'] });

  it('reopens a run made with the same configuration', () => {
    const { runDir, meta } = createRun(mkdtempSync(join(tmpdir(), 'erh-resume-unit-')), config);
    const again = resumeRun(runDir, config);
    expect(again.runDir).toBe(runDir);
    expect(again.meta.runId).toBe(meta.runId);
  });

  it('refuses another configuration, naming run.json and the fingerprint', () => {
    const { runDir } = createRun(mkdtempSync(join(tmpdir(), 'erh-resume-unit-')), config);
    const other = { ...config, profile: { ...config.profile, weights: { ...config.profile.weights, login: config.profile.weights.login + 1 } } };
    let error: unknown;
    try {
      resumeRun(runDir, other);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe(join(runDir, 'run.json'));
    expect((error as ConfigError).field).toBe('fingerprint');
    expect((error as ConfigError).message).toMatch(/another configuration/);
  });

  it('refuses a directory that is not a run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'erh-resume-unit-'));
    writeFileSync(join(dir, 'x.json'), '{}');
    expect(() => resumeRun(dir, config)).toThrow(/not a run directory/);
  });
});

function fakeSession(statuses: number[]): { session: BrowserSession; visits: () => number } {
  let i = 0;
  const session = {
    goto: async () => ({ status: statuses[Math.min(i++, statuses.length - 1)] ?? 200 }),
  } as unknown as BrowserSession;
  return { session, visits: () => i };
}

describe('goto and intermittent server errors', () => {
  it('repeats a navigation that answered 5xx and records each repetition', async () => {
    const { session, visits } = fakeSession([500, 502, 200]);
    const retries: Array<{ url: string; status: number }> = [];
    await runAction({ session, baseUrl: 'http://127.0.0.1:1/', actionTimeoutMs: 1000, navigationTimeoutMs: 1000, onRetry: (r) => retries.push(r) }, { goto: '/x' });
    expect(visits()).toBe(3);
    expect(retries).toEqual([{ url: 'http://127.0.0.1:1/x', status: 500 }, { url: 'http://127.0.0.1:1/x', status: 502 }]);
  });

  it('fails the step when the error persists (a vendor result), after GOTO_RETRIES repetitions', async () => {
    const { session, visits } = fakeSession([503]);
    await expect(runAction({ session, baseUrl: 'http://127.0.0.1:1/', actionTimeoutMs: 1000, navigationTimeoutMs: 1000 }, { goto: '/' })).rejects.toThrow(ActionError);
    expect(visits()).toBe(1 + GOTO_RETRIES);
  });

  it('never repeats a 4xx', async () => {
    const { session, visits } = fakeSession([404]);
    await expect(runAction({ session, baseUrl: 'http://127.0.0.1:1/', actionTimeoutMs: 1000, navigationTimeoutMs: 1000 }, { goto: '/' })).rejects.toThrow(/HTTP 404/);
    expect(visits()).toBe(1);
  });
});

describe('what a resumed run gathers again (src/gather/resume.ts, used by the fixture and the CLI)', () => {
  const cell = {
    evidenceVersion: 1 as const,
    service: 'kirjava',
    device: 'desktop-chromium',
    suite: 'login' as const,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    browser: { engine: 'chromium' as const, version: 'n/a' },
    steps: [],
    attempt: 1,
  };

  it('a harness error and a device this machine lacked (the typed fact, not the words of the reason)', () => {
    expect(regather({ ...cell, status: 'harness-error', reason: 'browser crashed' })).toBe(true);
    expect(regather({ ...cell, status: 'not-applicable', reason: 'Firefox is not installed', deviceUnavailable: true })).toBe(true);
  });

  it('never a cell whose gathering finished, nor one the suite does not apply to', () => {
    expect(regather({ ...cell, status: 'complete' })).toBe(false);
    expect(regather({ ...cell, status: 'unreachable', reason: 'Could not reach' })).toBe(false);
    expect(regather({ ...cell, status: 'not-applicable', reason: 'Device not available on this machine' })).toBe(false);
  });
});
