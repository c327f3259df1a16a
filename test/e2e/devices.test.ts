/**
 * The device matrix (issue 5), for real: the demo world on ephemeral ports, run on desktop
 * Chromium, desktop Firefox (Playwright over WebDriver BiDi), desktop WebKit (WebKitGTK's WebDriver
 * under Xvfb) and an Appium-driven device (Appium 3's chromium driver with mobile
 * emulation). Kuunteli's player is seeded to break on WebKit only; it must be caught there and only
 * there.
 *
 * The matrix is gathered as two shards (`erh run --shard 1/2`, `--shard 2/2`) merged with `erh merge`
 * (issue 5; this was test/e2e/shards.test.ts, which gathered a narrowed matrix three times: whole and as
 * two shards): every claim below is asserted on the merged run, so the merge is proved by giving the
 * scorecard the matrix must give. Each shard gathers a part of the cells, none twice, and the merged run
 * carries the fingerprint of the unsharded run. That a merged run gates exactly like the unsharded one
 * (budgets, gates, harness errors, exit codes) is proved without timing noise in
 * test/unit/reporting/shards.test.ts.
 *
 * Smallest matrix per claim: Kirjava (the clean vendor) runs all four suites on every device — that
 * is the proof that every suite works through every driver; Kuunteli runs login and compatibility
 * (test-only `suites:`), which carry its claims: it logs in on every device and its player breaks on
 * WebKit only. Patrons: Kirjava's valid and wrong-PIN ones, Kuunteli's valid one (every negative
 * patron is the auth and demo tests' claim; here each would be one more login per device).
 *
 * The profile is the default one with one Lighthouse run and one timed walk (this test is about
 * devices, not statistics).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../fixtures/world.ts';
import { RunResultSchema, type RunResult } from '../../src/core/result.ts';
import { fingerprint } from '../../src/config/fingerprint.ts';
import { loadConfig } from '../../src/config/load.ts';
import { HARNESS_VERSION } from '../../src/reporting/version.ts';
import { ROOT, erh, type CliResult } from '../support/cli.ts';
import { ephemeralConfig } from '../support/ephemeral-config.ts';
import { SUITES, type Suite } from '../../src/core/ids.ts';

/**
 * The emulated phone (emulated-pixel-7) is a default device: test/e2e/demo.test.ts gathers every
 * vendor on it with all four suites (valid patron, Kuunteli's player playing, no compatibility
 * failure for the clean vendor — asserted there), so this matrix does not gather it again.
 */
const MATRIX_DEVICES = ['desktop-chromium', 'desktop-firefox', 'desktop-webkit', 'appium-chromium-pixel-7'];
/** The suites each matrix service runs (Kuunteli's narrowed to the ones its claims need). */
const MATRIX_SUITES: Record<string, readonly Suite[]> = {
  kirjava: ['login', 'accessibility', 'performance', 'compatibility'],
  kuunteli: ['login', 'compatibility'],
};
const DETERMINISTIC = ['login', 'accessibility', 'compatibility'] as const;

let world: DemoWorld;
let profile: string;
/** The two shards' runs and the merge. */
let shards: Array<{ cli: CliResult; dir: string }>;
let merge: CliResult;
let result: RunResult;
/** The merged run's directory. */
let runDir: string;
/** The fingerprint of the unsharded run over the same configuration and selection. */
let unsharded: string;

function onlyRun(reports: string): string {
  const dirs = readdirSync(reports).filter((d) => d !== 'latest');
  expect(dirs).toHaveLength(1);
  return join(reports, dirs[0]!);
}

function readResult(dir: string): RunResult {
  return RunResultSchema.parse(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')));
}

async function run(config: string, args: string[]): Promise<{ cli: CliResult; dir: string }> {
  const reports = mkdtempSync(join(tmpdir(), 'erh-devices-'));
  const cli = await erh(['run', '--config', config, '--reports', reports, '--profile', 'e2e', ...args], { env: world.env, timeoutMs: 25 * 60_000 });
  const dir = onlyRun(reports);
  if (!existsSync(join(dir, 'results.json'))) throw new Error(`erh run ${args.join(' ')}: exit ${cli.code}, no results.json\n${cli.stdout.slice(-3000)}\n${cli.stderr.slice(-3000)}`);
  return { cli, dir };
}

beforeAll(async () => {
  world = await startDemoWorld({ ports: 'ephemeral' });
  profile = readFileSync(join(ROOT, 'profiles/default.yaml'), 'utf8').replace(/^id: default$/m, 'id: e2e').replace(/^(\s*lighthouse:)\s*\d+/m, '$1 1').replace(/^(\s*timings:)\s*\d+/m, '$1 1');
});

afterAll(async () => {
  await world?.stop();
});

function check(service: string, device: string, id: string) {
  const target = result.targets.find((t) => t.service === service && t.device === device);
  return target && Object.values(target.suites).flatMap((s) => s.checks).find((c) => c.id === id);
}

describe('the device matrix', () => {
  beforeAll(async () => {
    // Patrons narrowed too: the valid patron on every device is the claim (and Kirjava's wrong PIN, so a
    // negative route runs through every driver); the other negative patrons are the auth and demo tests'.
    const config = ephemeralConfig(world, profile, {
      // The content suite (one device per service, no driver of its own to prove) is the demo test's.
      kirjava: { suites: [...MATRIX_SUITES.kirjava!], roles: ['valid', 'wrongPin'] },
      kuunteli: { suites: [...MATRIX_SUITES.kuunteli!], roles: ['valid'] },
    });
    const selection = ['--services', Object.keys(MATRIX_SUITES).join(','), '--devices', MATRIX_DEVICES.join(',')];
    shards = [await run(config, [...selection, '--shard', '1/2']), await run(config, [...selection, '--shard', '2/2'])];
    runDir = join(mkdtempSync(join(tmpdir(), 'erh-merged-')), 'merged');
    merge = await erh(['merge', ...shards.map((s) => s.dir), '--into', runDir], { timeoutMs: 2 * 60_000 });
    result = readResult(runDir);
    const resolved = loadConfig({ root: config, services: Object.keys(MATRIX_SUITES), devices: MATRIX_DEVICES, profile: 'e2e' });
    unsharded = fingerprint(resolved, HARNESS_VERSION);
  }, 26 * 60_000);

  it('gathers the matrix as two shards and merges them into one run', () => {
    for (const s of shards) expect(s.cli.code, s.cli.stdout + s.cli.stderr).toBe(0);
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    // Each shard gathered a part of the cells, none gathered twice; together, every cell of the matrix.
    const cells = shards.map((s) => readdirSync(join(s.dir, 'evidence')).filter((f) => f.endsWith('.json')));
    for (const c of cells) expect(c.length).toBeGreaterThan(0);
    expect(cells[0]!.filter((f) => cells[1]!.includes(f))).toEqual([]);
    expect(cells.flat().sort()).toEqual(readdirSync(join(runDir, 'evidence')).filter((f) => f.endsWith('.json')).sort());
    expect(cells.flat()).toHaveLength(2 * MATRIX_DEVICES.length * SUITES.length);
    // The merged run is the unsharded run's: same fingerprint, every target, no cell lost.
    expect(result.fingerprint).toBe(unsharded);
    expect(result.harnessErrors).toEqual([]);
  });

  it('runs every service on Chromium, Firefox, WebKit and an Appium device', () => {
    expect(result.devices.map((d) => d.id).sort()).toEqual([...MATRIX_DEVICES].sort());
    expect(result.targets).toHaveLength(2 * MATRIX_DEVICES.length);
    for (const t of result.targets) {
      const runs = MATRIX_SUITES[t.service]!;
      for (const suite of DETERMINISTIC) {
        const s = t.suites[suite];
        if (!runs.includes(suite)) {
          // Not run by choice of the test, and said so (never a silent gap).
          expect(s.status, `${t.id} ${suite}`).toBe('not-applicable');
          expect(s.reason, `${t.id} ${suite}`).toMatch(/evaluated only for login, compatibility/);
          continue;
        }
        expect(['passed', 'failed'], `${t.id} ${suite}: ${s.status} ${s.reason ?? ''}`).toContain(s.status);
        expect(s.score, `${t.id} ${suite}`).not.toBeNull();
      }
    }
    // Every suite through every driver: the clean vendor ran all of them on every device.
    expect(result.targets.filter((t) => t.service === 'kirjava').map((t) => t.device).sort()).toEqual([...MATRIX_DEVICES].sort());
  });

  it('logs the valid patron in on every device, through each driver', () => {
    for (const t of result.targets) expect(check(t.service, t.device, 'login/valid-patron')?.status, t.id).toBe('pass');
  });

  it('says Lighthouse is not applicable where the engine has none, instead of leaving it out', () => {
    for (const device of ['desktop-firefox', 'desktop-webkit']) {
      const lcp = check('kirjava', device, 'performance/largest-contentful-paint');
      expect(lcp?.status, device).toBe('not-applicable');
    }
    expect(check('kirjava', 'desktop-chromium', 'performance/largest-contentful-paint')?.status).toBe('pass');
  });

  it("catches Kuunteli's WebKit-only player failure on WebKit, and only there", () => {
    for (const device of MATRIX_DEVICES) {
      const c = check('kuunteli', device, 'compatibility/media-playback');
      expect(c?.status, `kuunteli@${device}: ${JSON.stringify(c?.findings.map((f) => f.message))}`).toBe(device === 'desktop-webkit' ? 'fail' : 'pass');
    }
  });

  it('finds no compatibility failure for the clean vendor on any device', () => {
    for (const t of result.targets.filter((x) => x.service === 'kirjava')) {
      const failing = t.suites.compatibility.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.findings[0]?.message ?? ''}`);
      expect(failing, t.id).toEqual([]);
    }
  });

  it('shows every device in the scorecard', () => {
    const page = readFileSync(join(runDir, 'scorecard.en.html'), 'utf8');
    for (const d of result.devices) expect(page).toContain(d.name);
  });
});
