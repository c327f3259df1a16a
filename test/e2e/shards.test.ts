/**
 * A matrix split into two shards and merged (issue 5; was the second half of devices.test.ts, split
 * off so that the two files run side by side): the demo world on ephemeral ports, two vendors on
 * desktop Chromium, gathered once whole and once as two shards, merged with `erh merge`, must give
 * the scorecard of the single run.
 *
 * Kept small, since it is gathered three times: a narrowed copy of two vendors (the first two journey
 * steps — Lighthouse on the landing page, a timed walk of both — the valid and the wrong-PIN patron):
 * the merge is about the evidence of whole targets, not about how long a journey is. The profile is
 * the default one with one Lighthouse run and one timed walk. Timing measurements legitimately differ
 * between two runs, so the comparison holds every deterministic part equal (targets, check verdicts
 * and findings of login, accessibility and compatibility; accessibility and compatibility scores;
 * gates) and requires performance to be measured in both. The login score is left out because it
 * includes the time to log in. That a merged run gates exactly like the unsharded one, budgets
 * included, is proved at the evaluation level in the unit tests (no timing noise there).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../fixtures/world.ts';
import { RunResultSchema, type RunResult } from '../../src/core/result.ts';
import { ROOT, erh, type CliResult } from '../support/cli.ts';
import type { Suite } from '../../src/core/ids.ts';
import { ephemeralConfig } from '../support/ephemeral-config.ts';

const DETERMINISTIC = ['login', 'accessibility', 'compatibility'] as const;
/** Suites whose score has no timing in it (login's includes login/time-to-login). */
const UNTIMED_SCORES = ['accessibility', 'compatibility'] as const;

let world: DemoWorld;
let single: RunResult;
let merged: RunResult;
let shardCodes: number[];
let mergeCli: CliResult;

function readResult(dir: string): RunResult {
  return RunResultSchema.parse(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')));
}

async function run(config: string, args: string[]): Promise<{ cli: CliResult; dir: string }> {
  const reports = mkdtempSync(join(tmpdir(), 'erh-shards-'));
  const cli = await erh(['run', '--config', config, '--reports', reports, '--profile', 'e2e', ...args], {
    env: world.env,
    timeoutMs: 15 * 60_000,
  });
  const dirs = readdirSync(reports).filter((d) => d !== 'latest');
  const dir = join(reports, dirs[0] ?? 'missing');
  if (dirs.length !== 1 || !existsSync(join(dir, 'results.json'))) {
    throw new Error(`erh run ${args.join(' ')}: exit ${cli.code}, no results.json\n${cli.stdout.slice(-3000)}\n${cli.stderr.slice(-3000)}`);
  }
  return { cli, dir };
}

beforeAll(async () => {
  world = await startDemoWorld({ ports: 'ephemeral' });
  const profile = readFileSync(join(ROOT, 'profiles/default.yaml'), 'utf8')
    .replace(/^id: default$/m, 'id: e2e')
    .replace(/^(\s*lighthouse:)\s*\d+/m, '$1 1')
    .replace(/^(\s*timings:)\s*\d+/m, '$1 1');
  // Two targets, one per shard: each shard holds one vendor's evidence (the four device suites, Lighthouse
  // included), and the merge must rebuild the comparison between them. The content suite (EPUBCheck and Ace
  // over each publication, the same on every device) is left out: it is merged as any other cell, and its
  // verdicts are not among those compared here.
  const narrow = { suites: ['login', 'accessibility', 'performance', 'compatibility'] as Suite[], steps: 2, roles: ['valid', 'wrongPin'] };
  const config = ephemeralConfig(world, profile, { kirjava: narrow, lehtisali: narrow });
  const args = ['--services', 'kirjava,lehtisali', '--devices', 'desktop-chromium'];
  const one = await run(config, args);
  const a = await run(config, [...args, '--shard', '1/2']);
  const b = await run(config, [...args, '--shard', '2/2']);
  shardCodes = [one.cli.code, a.cli.code, b.cli.code];
  single = readResult(one.dir);
  const into = join(mkdtempSync(join(tmpdir(), 'erh-merged-')), 'merged');
  mergeCli = await erh(['merge', a.dir, b.dir, '--into', into], { timeoutMs: 2 * 60_000 });
  merged = readResult(into);
}, 45 * 60_000);

afterAll(async () => {
  await world?.stop();
});

describe('two shards merged', () => {
  it('runs each shard and merges them', () => {
    expect(shardCodes).toEqual([0, 0, 0]);
    expect(mergeCli.code, mergeCli.stdout + mergeCli.stderr).toBe(0);
  });

  it('gives the scorecard of a single run over the same matrix', () => {
    expect(merged.fingerprint).toBe(single.fingerprint);
    expect(merged.targets.map((t) => t.id).sort()).toEqual(single.targets.map((t) => t.id).sort());
    for (const t of single.targets) {
      const m = merged.targets.find((x) => x.id === t.id)!;
      for (const suite of DETERMINISTIC) {
        const verdicts = (r: typeof t) => r.suites[suite].checks.map((c) => [c.id, c.status, c.findings.length]);
        expect(verdicts(m), `${t.id} ${suite}`).toEqual(verdicts(t));
      }
      for (const suite of UNTIMED_SCORES) expect(m.suites[suite].score, `${t.id} ${suite}`).toBe(t.suites[suite].score);
      // Measured in both (whether a timing passes its curve can differ between two runs on a loaded machine).
      for (const r of [t, m]) expect(r.suites.performance.status, `${t.id} performance`).toMatch(/^(passed|failed)$/);
    }
    for (const e of single.scorecard) {
      const m = merged.scorecard.find((x) => x.service === e.service)!;
      for (const suite of UNTIMED_SCORES) expect(m.suites[suite], `${e.service} ${suite}`).toBe(e.suites[suite]);
      expect(m.gates.map((g) => [g.id, g.passed])).toEqual(e.gates.map((g) => [g.id, g.passed]));
    }
  });
});
