/**
 * Issue 15.3: a sharded-and-merged run gates exactly like the same run unsharded. Synthetic evidence
 * in run directories (no browser): the whole run scored by finalizeRun (as `erh run` / `erh report`
 * do), the same evidence split into two shards and merged by mergeRuns (`erh merge`); both exit
 * through the one rule (src/cli/exit.ts) with and without --gate, and their scorecards, gates,
 * budgets, harness errors and tool versions are the same.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Device, Evidence, Profile, RunResult, Service } from '../../../src/core/index.ts';
import { evidenceFileName } from '../../../src/core/index.ts';
import { EXIT } from '../../../src/core/errors.ts';
import { mergeRuns } from '../../../src/cli/merge.ts';
import { runExitCode } from '../../../src/cli/exit.ts';
import { finalizeRun } from '../../../src/reporting/finalize.ts';
import type { RunMeta } from '../../../src/reporting/run-context.ts';
import { device, profile, service, targetEvidence } from '../scorecard/helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'erh-shards-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FINGERPRINT = 'sha256:5ad1c0ffee5ad1c0ffee5ad1c0ffee5ad1c0ffee5ad1c0ffee5ad1c0ffee5ad1';

interface Scenario {
  services: Service[];
  devices: Device[];
  profile: Profile;
  evidence: Evidence[];
}

/** A run directory as `erh run` leaves it: run.json, config.json and one file per evidence record. */
function mkRun(dir: string, s: Scenario, evidence: readonly Evidence[], shard?: RunMeta['shard']): string {
  const meta: RunMeta = {
    runId: dir.split('/').pop() as string,
    startedAt: '2026-11-25T10:00:00.000Z',
    harnessVersion: '0.1.0',
    fingerprint: FINGERPRINT,
    configRoot: '/config',
    tools: { playwright: '1.64.1' },
    ...(shard ? { shard } : {}),
  };
  const runDir = join(root, dir);
  mkdirSync(join(runDir, 'evidence'), { recursive: true });
  for (const e of evidence) {
    const file = join(runDir, 'evidence', evidenceFileName(e.service, e.device, e.suite));
    writeFileSync(file, `${JSON.stringify(e)}\n`);
  }
  writeFileSync(join(runDir, 'run.json'), JSON.stringify(meta));
  const config = { services: s.services, devices: s.devices, profile: s.profile };
  writeFileSync(join(runDir, 'config.json'), JSON.stringify(config));
  return runDir;
}

/** What must not differ between the single run and the merged shards. */
function verdicts(result: RunResult) {
  return {
    ranking: result.ranking,
    scorecard: result.scorecard,
    harnessErrors: result.harnessErrors,
    tools: result.tools,
    targets: result.targets.map((t) => ({ id: t.id, overall: t.overall, suites: t.suites })),
  };
}

function both(name: string, s: Scenario) {
  const single = finalizeRun(mkRun(`${name}-single`, s, s.evidence)).result;
  // Shard i of 2 takes every second target, as `erh run --shard i/2` does.
  const targets = s.services.flatMap((sv) => s.devices.map((d) => `${sv.id}@${d.id}`));
  const inShard = (e: Evidence, index: number) => targets.indexOf(`${e.service}@${e.device}`) % 2 === index - 1;
  const shards = [1, 2].map((index) =>
    mkRun(`${name}-shard${index}`, s, s.evidence.filter((e) => inShard(e, index)), { index, total: 2 }),
  );
  const merged = mergeRuns(shards, join(root, `${name}-merged`));
  expect(merged.missingShards).toEqual([]);
  return { single, merged: merged.final.result };
}

const services = [service('kirjava'), service('kuunteli')];
const devices = [device('desktop-chromium'), device('desktop-firefox', 'firefox')];

describe('a sharded-and-merged run gates like the same run unsharded', () => {
  it('a budget exceeded on one device: exit 1 with --gate (and 0 without) in both, same verdicts', () => {
    const s: Scenario = {
      services,
      devices,
      profile: profile({ budgets: [{ id: 'lcp', check: 'performance/largest-contentful-paint', max: 2000 }] }),
      evidence: [
        ...targetEvidence('kirjava', 'desktop-chromium'),
        ...targetEvidence('kirjava', 'desktop-firefox', { lcp: 3500 }),
        ...targetEvidence('kuunteli', 'desktop-chromium', { violations: 1 }),
        ...targetEvidence('kuunteli', 'desktop-firefox'),
      ],
    };
    const { single, merged } = both('budget', s);
    expect(single.scorecard.find((e) => e.service === 'kirjava')?.budgets?.[0]?.passed).toBe(false);
    expect(single.scorecard.every((e) => e.eligible)).toBe(true);
    expect(verdicts(merged)).toEqual(verdicts(single));
    for (const gate of [true, false]) {
      expect(runExitCode(merged, { gate })).toBe(runExitCode(single, { gate }));
    }
    expect(runExitCode(merged, { gate: true })).toBe(EXIT.gatesFailed);
    expect(runExitCode(merged, { gate: false })).toBe(EXIT.ok);
  });

  it("a shard's own run does not count the other shard's cells as lost; a merge without a shard does", () => {
    const s: Scenario = {
      services,
      devices,
      profile: profile(),
      evidence: services.flatMap((sv) => devices.flatMap((d) => targetEvidence(sv.id, d.id))),
    };
    both('lost', s);
    const shard1 = finalizeRun(join(root, 'lost-shard1')).result;
    expect(shard1.targets.some((t) => Object.values(t.suites).some((x) => x.status === 'missing'))).toBe(true);
    expect(shard1.harnessErrors).toEqual([]);
    expect(runExitCode(shard1, { gate: false })).toBe(EXIT.ok);
    const partial = mergeRuns([join(root, 'lost-shard1')], join(root, 'lost-partial'));
    expect(partial.missingShards).toEqual([2]);
    expect(partial.final.result.harnessErrors.every((e) => e.cause === 'lost')).toBe(true);
    expect(partial.final.result.harnessErrors.length).toBeGreaterThan(0);
    expect(runExitCode(partial.final.result, { gate: false })).toBe(EXIT.harness);
  });

  it('a must-pass gate failed on one device, and a harness error on another: the same exits (1 / 3)', () => {
    const clean: Scenario = {
      services,
      devices,
      profile: profile(),
      evidence: [
        ...targetEvidence('kirjava', 'desktop-chromium'),
        ...targetEvidence('kirjava', 'desktop-firefox', { login: 'rejected' }),
        ...targetEvidence('kuunteli', 'desktop-chromium'),
        ...targetEvidence('kuunteli', 'desktop-firefox'),
      ],
    };
    const gated = both('gate', clean);
    expect(gated.single.scorecard.find((e) => e.service === 'kirjava')?.eligible).toBe(false);
    expect(verdicts(gated.merged)).toEqual(verdicts(gated.single));
    expect(runExitCode(gated.merged, { gate: true })).toBe(EXIT.gatesFailed);
    expect(runExitCode(gated.single, { gate: true })).toBe(EXIT.gatesFailed);

    // A gathering the harness could not complete (retried once) on kuunteli@desktop-firefox.
    const broken: Scenario = {
      ...clean,
      evidence: clean.evidence.map((e) =>
        e.service === 'kuunteli' && e.device === 'desktop-firefox' && e.suite === 'accessibility'
          ? { ...e, status: 'harness-error' as const, reason: 'browser closed', attempt: 2, accessibility: undefined }
          : e,
      ),
    };
    const failed = both('harness', broken);
    expect(failed.single.harnessErrors).toHaveLength(1);
    expect(verdicts(failed.merged)).toEqual(verdicts(failed.single));
    for (const gate of [true, false]) {
      expect(runExitCode(failed.merged, { gate })).toBe(EXIT.harness);
      expect(runExitCode(failed.single, { gate })).toBe(EXIT.harness);
    }
  });

  it('results.json tools are what the run and its evidence recorded, not what is installed now', () => {
    const s: Scenario = {
      services: [services[0] as Service],
      devices: [devices[0] as Device],
      profile: profile(),
      evidence: [],
    };
    const old = targetEvidence('kirjava', 'desktop-chromium').map((e) =>
      e.suite === 'accessibility' && e.accessibility
        ? { ...e, accessibility: { ...e.accessibility, axeVersion: '4.2.0' } }
        : e,
    );
    const result = finalizeRun(mkRun('tools', s, old)).result;
    expect(result.tools['axe-core']).toBe('4.2.0');
    expect(result.tools.lighthouse).toBe('13.5.0');
    expect(result.tools.playwright).toBe('1.64.1');
  });
});
