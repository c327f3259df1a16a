/**
 * The real harness against the demo world: the library system (SIP2 + REST) and three candidate
 * vendors with documented defects (fixtures/vendors/<id>/ground-truth.json). Runs `erh run` once
 * on the full demo matrix and asserts on the findings it must make.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startDemoWorld } from '../../fixtures/world.ts';
import { EvidenceSchema, type Evidence } from '../../src/core/evidence.ts';
import { RunResultSchema, type RunResult } from '../../src/core/result.ts';
import { ROOT, erh, filesBelow, type CliResult } from '../support/cli.ts';

const GroundTruth = z.object({
  service: z.string(),
  expected: z.array(z.object({ check: z.string(), status: z.string(), devices: z.union([z.literal('all'), z.array(z.string())]) })),
  absent: z.array(z.string()),
  timings: z.array(z.object({ phase: z.string(), faster: z.string(), slower: z.string(), devices: z.union([z.literal('all'), z.array(z.string())]) })).optional(),
});

let world: Awaited<ReturnType<typeof startDemoWorld>>;
let stopped = false;
let reports: string;
let run: CliResult;
let runDir: string;
let result: RunResult;

beforeAll(async () => {
  world = await startDemoWorld();
  reports = mkdtempSync(join(tmpdir(), 'erh-e2e-'));
  run = await erh(['run', '--config', ROOT, '--reports', reports], { env: world.env, timeoutMs: 12 * 60_000 });
  const dirs = readdirSync(reports).filter((d) => d !== 'latest');
  runDir = join(reports, dirs[0] ?? 'missing');
  result = RunResultSchema.parse(JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')));
}, 13 * 60_000);

afterAll(async () => {
  if (!stopped) await world?.stop();
});

function check(service: string, device: string, id: string) {
  const target = result.targets.find((t) => t.service === service && t.device === device);
  return target && Object.values(target.suites).flatMap((s) => s.checks).find((c) => c.id === id);
}

describe('erh run on the demo world', () => {
  it('completes and writes results.json, scorecards and junit.xml', () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const f of ['results.json', 'scorecard.html', 'scorecard.fi.html', 'scorecard.sv.html', 'scorecard.en.html', 'junit.xml']) {
      expect(existsSync(join(runDir, f)), f).toBe(true);
    }
    expect(existsSync(join(reports, 'latest', 'results.json'))).toBe(true);
    expect(run.stdout).toMatch(/\[\s*\d+\/\d+\]/); // progress lines
  });

  it('covers ≥ 3 vendors × ≥ 2 devices × 4 suites, each gathered (no harness errors, nothing missing)', () => {
    expect(result.services.length).toBeGreaterThanOrEqual(3);
    expect(result.devices.length).toBeGreaterThanOrEqual(2);
    expect(result.targets).toHaveLength(result.services.length * result.devices.length);
    for (const t of result.targets) {
      for (const [suite, s] of Object.entries(t.suites)) {
        expect(['missing', 'harness-error', 'unreachable', 'timeout'], `${t.id} ${suite}: ${s.reason ?? ''}`).not.toContain(s.status);
        expect(s.score, `${t.id} ${suite}`).not.toBeNull();
      }
    }
  });

  const vendors = readdirSync(join(ROOT, 'fixtures/vendors')).filter((d) => existsSync(join(ROOT, 'fixtures/vendors', d, 'ground-truth.json')));

  it('has ground truth for at least three vendors', () => {
    expect(vendors.length).toBeGreaterThanOrEqual(3);
  });

  for (const vendor of vendors) {
    it(`finds ${vendor}'s documented defects, and none of its absent ones`, () => {
      const truth = GroundTruth.parse(JSON.parse(readFileSync(join(ROOT, 'fixtures/vendors', vendor, 'ground-truth.json'), 'utf8')));
      const devices = result.devices.map((d) => d.id);
      for (const exp of truth.expected) {
        for (const device of exp.devices === 'all' ? devices : exp.devices) {
          const c = check(truth.service, device, exp.check);
          expect(c?.status, `${truth.service}@${device} ${exp.check}`).toBe(exp.status);
        }
      }
      for (const id of truth.absent) {
        for (const device of devices) {
          const c = check(truth.service, device, id);
          expect(c?.status ?? 'absent', `${truth.service}@${device} ${id} should not fail`).not.toBe('fail');
        }
      }
      // Seeded slow journeys (issue 6): called significantly slower, on every device they name.
      for (const exp of truth.timings ?? []) {
        for (const device of exp.devices === 'all' ? devices : exp.devices) {
          const found = result.timings?.comparisons.find((c) => c.device === device && c.phase === exp.phase && c.faster === exp.faster && c.slower === exp.slower);
          expect(found?.significant, `${exp.faster} faster than ${exp.slower} at ${exp.phase} on ${device}: ${JSON.stringify(found)}`).toBe(true);
        }
      }
    });
  }

  // Moved here from test/e2e/devices.test.ts, whose matrix no longer repeats the default devices'
  // emulated phone: this run already gathers every vendor on it.
  it("plays Kuunteli's audiobook on every default device (desktop Chromium and the emulated phone)", () => {
    expect(result.devices.map((d) => d.id)).toEqual(expect.arrayContaining(['desktop-chromium', 'emulated-pixel-7']));
    for (const device of result.devices.map((d) => d.id)) {
      const c = check('kuunteli', device, 'compatibility/media-playback');
      expect(c?.status, `kuunteli@${device}: ${JSON.stringify(c?.findings.map((f) => f.message))}`).toBe('pass');
    }
  });

  it('finds no compatibility failure for the clean vendor on any default device', () => {
    for (const t of result.targets.filter((x) => x.service === 'kirjava')) {
      const failing = t.suites.compatibility.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.findings[0]?.message ?? ''}`);
      expect(failing, t.id).toEqual([]);
    }
  });

  it('ranks the clean vendor first', () => {
    expect(result.ranking[0]).toBe('kirjava');
  });

  it('records the wrong PIN as rejected with its visible message', () => {
    const dir = join(runDir, 'evidence');
    const logins = readdirSync(dir)
      .filter((f) => f.endsWith('.login.json'))
      .map((f) => EvidenceSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))) as Extract<Evidence, { suite: 'login' }>);
    expect(logins.length).toBe(result.targets.length);
    for (const e of logins) {
      const wrong = e.login?.attempts.find((a) => a.role === 'wrongPin');
      expect(wrong?.outcome, `${e.service}@${e.device}`).toBe('rejected');
      expect(wrong?.message?.length ?? 0).toBeGreaterThan(3);
      expect(e.login?.attempts.find((a) => a.role === 'valid')?.outcome).toBe('logged-in');
    }
  });

  it('writes no test patron card number or PIN into any file of the run', async () => {
    const secrets = Object.entries(world.env).filter(([k]) => /_(CARD|PIN)$/.test(k)).map(([, v]) => v);
    expect(secrets.length).toBeGreaterThanOrEqual(8);
    const files = await filesBelow(runDir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      for (const s of secrets) expect(text.includes(s), `${file} contains a secret`).toBe(false);
      for (const s of secrets) expect(file.includes(s), `${file} is named after a secret`).toBe(false);
    }
    for (const s of secrets) expect(run.stdout + run.stderr).not.toContain(s);
  });

  it('reproduces the same scores with erh report, without visiting vendors', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'erh-report-'));
    cpSync(runDir, copy, { recursive: true });
    await world.stop(); // the vendors are gone: re-scoring must not need them
    stopped = true;
    const r = await erh(['report', copy]);
    expect(r.code, r.stderr).toBe(0);
    const again = RunResultSchema.parse(JSON.parse(readFileSync(join(copy, 'results.json'), 'utf8')));
    expect(again.targets).toEqual(result.targets);
    expect(again.scorecard).toEqual(result.scorecard);
    expect(again.ranking).toEqual(result.ranking);
  });
});
