/**
 * Resume: `erh run` is killed outright (SIGKILL) mid-run; the Playwright run it started stops by
 * itself and leaves no process behind; no results are half-written; `erh run --resume <run-dir>`
 * refuses another configuration (exit 2, naming the fingerprint) and, with the same one, gathers
 * only the cells that were missing, keeping the evidence already written byte for byte.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../fixtures/world.ts';
import { RunResultSchema } from '../../src/core/result.ts';
import { ROOT, erh } from '../support/cli.ts';
import { faultConfig, prefixedEnv, processesOfRun } from '../support/fault-config.ts';

let world: DemoWorld;
let root: string;
let reports: string;
let env: Record<string, string>;
let runDir: string;
const before = new Map<string, string>();
let killedAfterMs = 0;

const evidenceFiles = (dir: string) => (existsSync(join(dir, 'evidence')) ? readdirSync(join(dir, 'evidence')).filter((f) => f.endsWith('.json')) : []);

beforeAll(async () => {
  world = await startDemoWorld({ ports: 'ephemeral', kuunteliHeroDelayMs: 50 });
  root = faultConfig([
    { id: 'first', world, envPrefix: 'RS', vendor: 'kirjava', suites: ['login', 'compatibility'] },
    { id: 'second', world, envPrefix: 'RS', vendor: 'lehtisali', suites: ['login', 'compatibility'] },
    { id: 'third', world, envPrefix: 'RS', vendor: 'kuunteli', suites: ['login', 'compatibility'] },
  ]);
  reports = mkdtempSync(join(tmpdir(), 'erh-resume-'));
  env = prefixedEnv(world, 'RS');
  const child = spawn(process.execPath, [join(ROOT, 'bin/erh.js'), 'run', '--config', root, '--profile', 'faults', '--devices', 'desktop-chromium', '--reports', reports], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const t0 = Date.now();
  // Kill erh outright once some evidence is on disk (mid-run).
  for (;;) {
    const dirs = existsSync(reports) ? readdirSync(reports).filter((d) => d !== 'latest') : [];
    if (dirs[0] && evidenceFiles(join(reports, dirs[0])).length >= 4) {
      runDir = join(reports, dirs[0]);
      break;
    }
    if (Date.now() - t0 > 150_000) throw new Error('no evidence after 150 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  killedAfterMs = Date.now() - t0;
  await exited;
}, 4 * 60_000);

afterAll(async () => {
  await world?.stop();
});

describe('erh run killed mid-run, then resumed', () => {
  it('stops every process of the run by itself (Playwright, workers, browsers)', async () => {
    let left = await processesOfRun(runDir);
    for (let i = 0; i < 60 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      left = await processesOfRun(runDir);
    }
    expect(left).toEqual([]);
    expect(killedAfterMs).toBeGreaterThan(0);
  }, 60_000);

  it('leaves no half-written results: no results.json, only complete evidence files', () => {
    expect(existsSync(join(runDir, 'results.json'))).toBe(false);
    const files = evidenceFiles(runDir);
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.length).toBeLessThan(12);
    for (const f of files) {
      const text = readFileSync(join(runDir, 'evidence', f), 'utf8');
      expect(() => JSON.parse(text), f).not.toThrow();
      before.set(f, text);
    }
  });

  it('refuses to resume with another configuration (exit 2, naming the run and its fingerprint)', async () => {
    const profile = join(root, 'profiles', 'faults.yaml');
    const original = readFileSync(profile, 'utf8');
    writeFileSync(profile, original.replace('runs: { lighthouse: 1 }', 'runs: { lighthouse: 2 }'));
    try {
      const r = await erh(['run', '--config', root, '--profile', 'faults', '--devices', 'desktop-chromium', '--resume', runDir], { env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/run\.json: fingerprint: the run was started with another configuration/);
      const notRun = await erh(['run', '--config', root, '--profile', 'faults', '--devices', 'desktop-chromium', '--resume', root], { env });
      expect(notRun.code).toBe(2);
      expect(notRun.stderr).toMatch(/not a run directory/);
    } finally {
      writeFileSync(profile, original);
    }
  }, 120_000);

  it('finishes only what is missing, keeping the evidence already gathered', async () => {
    const r = await erh(['run', '--config', root, '--profile', 'faults', '--devices', 'desktop-chromium', '--resume', runDir], { env, timeoutMs: 5 * 60_000 });
    expect(r.code, r.stdout.slice(-2000) + r.stderr.slice(-2000)).toBe(0);
    const regather = (text: string) => {
      const e = JSON.parse(text) as { status: string; reason?: string };
      return e.status === 'harness-error' || (e.status === 'not-applicable' && (e.reason ?? '').startsWith('Device not available'));
    };
    const kept = [...before.values()].filter((t) => !regather(t)).length;
    expect(r.stdout).toContain(`resuming run ${runDir.split('/').pop()}: ${kept} of 12 cells already gathered`);
    const result = RunResultSchema.parse(JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')));
    expect(result.targets).toHaveLength(3);
    for (const t of result.targets) for (const [s, v] of Object.entries(t.suites)) expect(['missing', 'harness-error'], `${t.id} ${s}`).not.toContain(v.status);
    for (const [f, text] of before) {
      if (regather(text)) continue;
      expect(readFileSync(join(runDir, 'evidence', f), 'utf8'), f).toBe(text);
    }
    expect(evidenceFiles(runDir)).toHaveLength(12);
    expect(existsSync(join(runDir, 'scorecard.html'))).toBe(true);
    expect(await processesOfRun(runDir)).toEqual([]);
  }, 6 * 60_000);
});
