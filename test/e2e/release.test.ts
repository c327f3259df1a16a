/**
 * Re-testing on a new release (issue 7): the real harness runs the demo world twice on ephemeral
 * ports. Between the runs Kirjava ships release 3.5.0 with a seeded accessibility regression (an
 * icon-only button with no accessible name on every page, the login form included) and Lehtisali
 * ships 5.3.0 with no regression; Kuunteli is unchanged. `erh compare` must exit 1 and name Kirjava
 * only, with the release change. The second run also prints its scorecards to PDF, in all three
 * languages, with the ranking and the gates applied.
 *
 * This test is about accessibility and login regressions, so the services are narrowed to what its
 * claims need (test-only settings): login, accessibility and compatibility (the compatibility suite
 * reads the release), the first two journey steps (the regression is on every page) and the valid
 * and wrong-PIN patrons. That a slowdown measured with fewer runs than
 * `regressions.performance.minRuns` is shown but never called a regression, and that a suite not
 * gathered is not compared, is proved in test/unit/scorecard/compare.test.ts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../fixtures/world.ts';
import { CompareResultSchema, type CompareResult } from '../../src/core/compare.ts';
import { RunResultSchema, type RunResult } from '../../src/core/result.ts';
import { ROOT, erh, type CliResult } from '../support/cli.ts';
import { ephemeralConfig, type ServiceNarrowing } from '../support/ephemeral-config.ts';

const SERVICES = 'kirjava,kuunteli,lehtisali';
const DEVICES = 'desktop-chromium';
/**
 * Each service narrowed (test-only settings; see the module comment): no performance suite, the
 * first two journey steps, the valid and the wrong-PIN patron (the wrong PIN shows the login form
 * that the login-form gate examines).
 */
const NARROWING: ServiceNarrowing = { suites: ['login', 'accessibility', 'compatibility'], steps: 2, roles: ['valid', 'wrongPin'] };

let world: DemoWorld;
let reports: string;
let first: CliResult;
let second: CliResult;
let compare: CliResult;
let oldDir: string;
let newDir: string;
let newResult: RunResult;
let comparison: CompareResult;

function runDirs(): string[] {
  return readdirSync(reports).filter((d) => d !== 'latest').sort();
}

beforeAll(async () => {
  world = await startDemoWorld({ ports: 'ephemeral' });
  const profile = readFileSync(join(ROOT, 'profiles/default.yaml'), 'utf8').replace(/^id: default$/m, 'id: e2e').replace(/^(\s*lighthouse:)\s*\d+/m, '$1 1').replace(/^(\s*timings:)\s*\d+/m, '$1 1');
  const config = ephemeralConfig(world, profile, Object.fromEntries(SERVICES.split(',').map((id) => [id, NARROWING])));
  reports = mkdtempSync(join(tmpdir(), 'erh-release-'));
  const args = ['run', '--config', config, '--reports', reports, '--profile', 'e2e', '--services', SERVICES, '--devices', DEVICES];
  first = await erh(args, { env: world.env, timeoutMs: 20 * 60_000 });
  oldDir = join(reports, runDirs()[0] ?? 'missing');

  world.setRelease('kirjava', '3.5.0', { regression: 'accessibility' });
  world.setRelease('lehtisali', '5.3.0');
  second = await erh([...args, '--pdf'], { env: world.env, timeoutMs: 20 * 60_000 });
  newDir = join(reports, runDirs().find((d) => join(reports, d) !== oldDir) ?? 'missing');
  newResult = RunResultSchema.parse(JSON.parse(readFileSync(join(newDir, 'results.json'), 'utf8')));

  compare = await erh(['compare', oldDir, newDir], { timeoutMs: 2 * 60_000 });
  comparison = CompareResultSchema.parse(JSON.parse(readFileSync(join(newDir, 'compare.json'), 'utf8')));
}, 42 * 60_000);

afterAll(async () => {
  await world?.stop();
});

describe('erh compare on a new release', () => {
  it('runs both times', () => {
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(second.code, second.stdout + second.stderr).toBe(0);
  });

  it('records the release each vendor ran, read the way its service file declares', () => {
    const byService = new Map(comparison.services.map((s) => [s.service, s]));
    expect(byService.get('kirjava')).toMatchObject({ oldRelease: '3.4.1', newRelease: '3.5.0', releaseChanged: true });
    expect(byService.get('lehtisali')).toMatchObject({ oldRelease: '5.2.0', newRelease: '5.3.0', releaseChanged: true });
    expect(byService.get('kuunteli')).toMatchObject({ oldRelease: '2026.11.2', newRelease: '2026.11.2', releaseChanged: false });
  });

  it('exits 1 and flags the vendor whose new release regressed, and only it', () => {
    expect(compare.code, compare.stdout + compare.stderr).toBe(1);
    expect(comparison.regressed).toEqual(['kirjava']);
    const kirjava = comparison.services.find((s) => s.service === 'kirjava');
    const regressions = kirjava?.changes.filter((c) => c.regression) ?? [];
    expect(regressions.some((c) => c.kind === 'new-failure' && c.check === 'accessibility/axe/button-name')).toBe(true);
    for (const id of ['kuunteli', 'lehtisali']) {
      const s = comparison.services.find((x) => x.service === id);
      expect(s?.regressed, `${id}: ${JSON.stringify(s?.changes.filter((c) => c.regression))}`).toBe(false);
    }
    expect(compare.stdout).toMatch(/kirjava/i);
  });

  it('writes compare.html in three languages', () => {
    for (const f of ['compare.html', 'compare.fi.html', 'compare.sv.html', 'compare.en.html']) {
      expect(existsSync(join(newDir, f)), f).toBe(true);
    }
    const fi = readFileSync(join(newDir, 'compare.fi.html'), 'utf8');
    expect(fi).toContain('<html lang="fi"');
    expect(fi).toContain('3.5.0');
  });

  it('applies the gates: the release that lost its login form accessibility fails the login-form gate and is not ranked', () => {
    const kirjava = newResult.scorecard.find((e) => e.service === 'kirjava');
    const gate = kirjava?.gates.find((g) => g.id === 'login-form-no-critical-accessibility-failure');
    expect(gate?.passed, JSON.stringify(kirjava?.gates)).toBe(false);
    expect(kirjava?.eligible).toBe(false);
    expect(kirjava?.rank).toBeNull();
    expect(newResult.ranking).not.toContain('kirjava');
    expect(newResult.ranking.length).toBeGreaterThanOrEqual(1);
  });

  it('ranks the services in the Finnish, Swedish and English scorecards and prints each to PDF', () => {
    const names = Object.fromEntries(newResult.services.map((s) => [s.id, s.name]));
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const page = readFileSync(join(newDir, `scorecard.${lang}.html`), 'utf8');
      expect(page).toContain(`<html lang="${lang}"`);
      for (const id of newResult.ranking) expect(page, `${lang}: ${id}`).toContain(names[id] ?? id);
      const pdf = readFileSync(join(newDir, `scorecard.${lang}.pdf`));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
    }
  });
});
