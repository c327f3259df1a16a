/**
 * The real harness against the demo world: the library system (SIP2 + REST) and three candidate
 * vendors with documented defects (fixtures/vendors/<id>/ground-truth.json). Runs `erh run` on the
 * full demo matrix (the README's main job: the project's configuration and its default profile, with
 * one Lighthouse run per page instead of the demo's three — the findings are the same, the median
 * over runs is test/unit/scoring's claim, and the performance phase runs alone at the end of
 * `npm test`, so its length is the suite's; the five timed walks per device stay, which the
 * significance of the seeded slow journeys needs) and asserts on the findings it must make.
 *
 * The same run also proves resuming (issue 13; it was test/e2e/resume.test.ts, which gathered a run
 * of its own): `erh run` is killed outright (SIGKILL) once some evidence is written; the Playwright
 * run it started stops by itself and leaves no process behind; no results are half-written;
 * `--resume <run-dir>` refuses another configuration (exit 2, naming the fingerprint) and, with the
 * same one, gathers only the cells that were missing, keeping the evidence already written byte for
 * byte. Every assertion on the demo's findings below is made on the resumed run. The kill comes in
 * the gathering phase, so the performance phase (Lighthouse, timed walks) runs whole in the resumed
 * run, alone on the machine as always.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startDemoWorld } from '../../fixtures/world.ts';
import { EvidenceSchema, type Evidence } from '../../src/core/evidence.ts';
import { SUITES } from '../../src/core/ids.ts';
import { RunResultSchema, type RunResult } from '../../src/core/result.ts';
import { regather } from '../../src/gather/resume.ts';
import { serviceClaims } from '../../src/render/content.ts';
import { ROOT, erh, filesBelow, type CliResult } from '../support/cli.ts';
import { processesOfRun } from '../support/fault-config.ts';

const GroundTruth = z.object({
  service: z.string(),
  expected: z.array(z.object({ check: z.string(), status: z.string(), devices: z.union([z.literal('all'), z.array(z.string())]) })),
  absent: z.array(z.string()),
  timings: z.array(z.object({ phase: z.string(), faster: z.string(), slower: z.string(), devices: z.union([z.literal('all'), z.array(z.string())]) })).optional(),
});

/** Evidence files the killed run must have written before it is killed. */
const KILL_AFTER_EVIDENCE = 4;

let world: Awaited<ReturnType<typeof startDemoWorld>>;
let stopped = false;
let reports: string;
let run: CliResult;
let runDir: string;
let result: RunResult;
/** The killed run: its output, when it was killed, what it left. */
const killed = { stdout: '', stderr: '', afterMs: 0, processesLeft: [] as Array<{ pid: number; cmd: string }>, resultsWritten: false };
/** Evidence files (name → text) on disk after the kill, before the resume. */
const before = new Map<string, string>();
let refusedOther: CliResult;
let refusedNotRun: CliResult;

const evidenceFiles = (dir: string) => (existsSync(join(dir, 'evidence')) ? readdirSync(join(dir, 'evidence')).filter((f) => f.endsWith('.json')) : []);

/** Starts `erh run` and kills it outright once it has written some evidence; returns its run directory. */
async function runAndKill(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/erh.js'), ...args], { cwd: ROOT, env: { ...process.env, ...world.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => (killed.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (killed.stderr += d.toString()));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const t0 = Date.now();
  for (;;) {
    const dirs = existsSync(reports) ? readdirSync(reports).filter((d) => d !== 'latest') : [];
    if (dirs[0] && evidenceFiles(join(reports, dirs[0])).length >= KILL_AFTER_EVIDENCE) {
      child.kill('SIGKILL');
      killed.afterMs = Date.now() - t0;
      await exited;
      return join(reports, dirs[0]);
    }
    if (Date.now() - t0 > 300_000) {
      child.kill('SIGKILL');
      throw new Error(`no evidence after 300 s\n${killed.stdout.slice(-2000)}\n${killed.stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  world = await startDemoWorld();
  reports = mkdtempSync(join(tmpdir(), 'erh-e2e-'));
  // The default profile with one Lighthouse run per page (see the module comment), as a profile file of its own.
  const profile = join(mkdtempSync(join(tmpdir(), 'erh-demo-profile-')), 'demo-test.yaml');
  const defaults = readFileSync(join(ROOT, 'profiles/default.yaml'), 'utf8');
  const oneRun = defaults.replace(/^id: default$/m, 'id: demo-test').replace(/^(\s*lighthouse:)\s*\d+/m, '$1 1');
  if (oneRun === defaults || !/^\s*lighthouse: 1\b/m.test(oneRun)) throw new Error('profiles/default.yaml: no runs.lighthouse to set');
  writeFileSync(profile, oneRun);
  const args = ['run', '--config', ROOT, '--reports', reports, '--profile', profile];
  runDir = await runAndKill(args);
  // The Playwright run stops by itself once erh is gone (within a second; allow 30 s on a busy machine).
  killed.processesLeft = await processesOfRun(runDir);
  for (let i = 0; i < 60 && killed.processesLeft.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 500));
    killed.processesLeft = await processesOfRun(runDir);
  }
  killed.resultsWritten = existsSync(join(runDir, 'results.json'));
  for (const f of evidenceFiles(runDir)) before.set(f, readFileSync(join(runDir, 'evidence', f), 'utf8'));
  // Another configuration (one device instead of the default two: another fingerprint), and a directory that is no run.
  refusedOther = await erh([...args, '--devices', 'desktop-chromium', '--resume', runDir], { env: world.env });
  refusedNotRun = await erh([...args, '--resume', ROOT], { env: world.env });
  // The resume counts failed logins in the killed run's ledger (this file's: test/support/state-dir.ts).
  run = await erh([...args, '--resume', runDir], { env: { ...world.env, ERH_STATE_DIR: process.env.ERH_STATE_DIR }, timeoutMs: 20 * 60_000 });
  if (!existsSync(join(runDir, 'results.json'))) throw new Error(`resumed run: exit ${run.code}, no results.json\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  result = RunResultSchema.parse(JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')));
}, 25 * 60_000);

afterAll(async () => {
  if (!stopped) await world?.stop();
});

function check(service: string, device: string, id: string) {
  const target = result.targets.find((t) => t.service === service && t.device === device);
  return target && Object.values(target.suites).flatMap((s) => s.checks).find((c) => c.id === id);
}

/** A cell whose evidence a resume gathers again: the harness's own rule (src/gather/resume.ts). */
function regathered(text: string): boolean {
  return regather(EvidenceSchema.parse(JSON.parse(text)));
}

describe('erh run killed mid-run, then resumed', () => {
  it('stops every process of the run by itself (Playwright, workers, browsers)', () => {
    expect(killed.processesLeft).toEqual([]);
    expect(killed.afterMs).toBeGreaterThan(0);
  });

  it('leaves no half-written results: no results.json, only complete evidence files', () => {
    expect(killed.resultsWritten).toBe(false);
    expect(before.size).toBeGreaterThanOrEqual(KILL_AFTER_EVIDENCE);
    expect(before.size).toBeLessThan(result.targets.length * SUITES.length);
    for (const [f, text] of before) expect(() => JSON.parse(text), f).not.toThrow();
  });

  it('refuses to resume with another configuration (exit 2, naming the run and its fingerprint)', () => {
    expect(refusedOther.code, refusedOther.stderr).toBe(2);
    expect(refusedOther.stderr).toMatch(/run\.json: fingerprint: the run was started with another configuration/);
    expect(refusedNotRun.code).toBe(2);
    expect(refusedNotRun.stderr).toMatch(/not a run directory/);
  });

  it('finishes only what is missing, keeping the evidence already gathered', async () => {
    expect(run.code, run.stdout.slice(-2000) + run.stderr.slice(-2000)).toBe(0);
    const cells = result.targets.length * SUITES.length;
    const kept = [...before.values()].filter((t) => !regathered(t)).length;
    expect(run.stdout).toContain(`resuming run ${runDir.split('/').pop()}: ${kept} of ${cells} cells already gathered`);
    for (const [f, text] of before) {
      if (regathered(text)) continue;
      expect(readFileSync(join(runDir, 'evidence', f), 'utf8'), f).toBe(text);
    }
    expect(evidenceFiles(runDir)).toHaveLength(cells);
    expect(await processesOfRun(runDir)).toEqual([]);
  });
});

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
        // Content is the same on every device: gathered once per service (src/matrix/targets.ts), not applicable elsewhere.
        if (suite === 'content' && t.content === undefined) {
          expect(s.status, `${t.id} content`).toBe('not-applicable');
          continue;
        }
        expect(s.score, `${t.id} ${suite}`).not.toBeNull();
      }
    }
  });

  // The ground truth of the vendors this run gathers (the demo's services/); a fixture vendor outside
  // the demo (e.g. ikkuna, whose per-page ground truth test/unit/gather/overlays.test.ts checks) is not.
  const vendors = readdirSync(join(ROOT, 'fixtures/vendors')).filter((d) => existsSync(join(ROOT, 'fixtures/vendors', d, 'ground-truth.json')) && existsSync(join(ROOT, 'services', `${d}.yaml`)));

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

  // Issue 18: the content suite ran Ace and EPUBCheck for real, and the vendor's claims are held against the findings.
  it('records Ace and EPUBCheck in the tools, and gathers every service\'s content on one device', () => {
    expect(result.tools.ace, JSON.stringify(result.tools)).toMatch(/^1\.\d+\.\d+$/);
    expect(result.tools.epubcheck, JSON.stringify(result.tools)).toMatch(/^\d+\.\d+\.\d+$/);
    for (const service of ['kirjava', 'kuunteli', 'lehtisali']) {
      const gathered = result.targets.filter((t) => t.service === service && t.content !== undefined);
      expect(gathered.map((t) => t.device), service).toEqual(['desktop-chromium']);
      for (const p of gathered[0]!.content!.publications) {
        expect(p.status, `${service} ${p.source}: ${p.error ?? ''}`).toBe('checked');
        expect(p.ace?.ran, p.ace?.error).toBe(true);
        expect(p.epubcheck?.ran, p.epubcheck?.error).toBe(true);
        expect(existsSync(join(runDir, p.ace!.report!)), p.ace!.report).toBe(true);
      }
    }
  });

  it("shows Kuunteli's contradicted ACR claim (3.1.1 supports, its pages fail it) with both sides' evidence", () => {
    const rows = serviceClaims('kuunteli', result.targets) ?? [];
    const lang = rows.find((r) => r.claim.criterion === '3.1.1' && r.claim.component === 'web');
    expect(lang, JSON.stringify(rows.map((r) => [r.claim.criterion, r.verdict]))).toMatchObject({ verdict: 'contradicted', kind: 'supports-but-failing' });
    expect(lang!.evidence.map((e) => e.check)).toContain('accessibility/axe/html-has-lang');
    expect(rows[0]?.verdict).toBe('contradicted'); // contradictions first
    const page = readFileSync(join(runDir, 'scorecard.en.html'), 'utf8');
    expect(page).toContain('The vendor’s ACR against the findings');
    expect(page).toContain('claimed supports, found failing');
    expect(page).toMatch(/content-\d+\.ace-report\.json/); // Ace's report linked as evidence
    expect(page).not.toMatch(/report\.html/);
  });

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

  it('sends no more wrong PINs than the budget allows: the library system never locked the card', () => {
    const card = world.env.DEMO_WRONGPIN_CARD ?? '';
    const seen = world.library.loginsOf(card);
    const dir = join(runDir, 'evidence');
    const logins = readdirSync(dir)
      .filter((f) => f.endsWith('.login.json'))
      .map((f) => EvidenceSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))) as Extract<Evidence, { suite: 'login' }>);
    const sent = logins.flatMap((e) => e.login?.attempts.filter((a) => a.role === 'wrongPin') ?? []).length;
    // Every wrong PIN in the evidence reached the library system through the vendor; the pre-flight sent none (the
    // valid patron's card with another PIN is known wrong), nor did the accessibility suite (an unknown card shows the
    // login error). The killed run's attempts are counted too, so the library saw at least those kept.
    for (const e of logins) expect(e.login?.preflight?.patrons.find((p) => p.role === 'wrongPin')?.inferred, `${e.service}@${e.device}`).toBe(true);
    expect(seen.failed).toBeGreaterThanOrEqual(sent);
    expect(seen.failed).toBeLessThanOrEqual(2 * sent);
    expect(seen.inARow).toBeLessThanOrEqual(3);
    expect(seen.locked).toBe(false);
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
    for (const s of secrets) expect(run.stdout + run.stderr + killed.stdout + killed.stderr).not.toContain(s);
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
