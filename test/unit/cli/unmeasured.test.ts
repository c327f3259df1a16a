/**
 * A run with nothing to measure starts no performance phase (src/cli/orchestrate.ts `recordUnmeasured`): its
 * performance cells are written not applicable, with the matrix's reason, exactly when every service
 * leaves the suite out and none is on disk; a shard, or a service that is measured, keeps the phase.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatheredAlready, recordUnmeasured } from '../../../src/cli/orchestrate.ts';
import { loadConfig, type ResolvedConfig } from '../../../src/config/load.ts';
import { EvidenceSchema } from '../../../src/core/evidence.ts';
import { SUITES } from '../../../src/core/ids.ts';
import { notRunEvidence } from '../../../src/gather/kit.ts';
import { regather } from '../../../src/gather/resume.ts';
import { buildMatrix } from '../../../src/matrix/targets.ts';
import { ROOT } from '../../support/cli.ts';

const demo = loadConfig({ root: ROOT, services: ['kirjava', 'lehtisali'] });
const narrowed = (ids: readonly string[]): ResolvedConfig => ({
  ...demo,
  services: demo.services.map((s) => (ids.includes(s.id) ? { ...s, suites: ['login', 'accessibility'] } : s)),
});
const runDir = () => mkdtempSync(join(tmpdir(), 'erh-unmeasured-'));
const written = (dir: string) => {
  try {
    return readdirSync(join(dir, 'evidence')).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
};

describe('a performance phase with nothing to measure', () => {
  it('is not started when every service leaves performance out: its cells are written not applicable', () => {
    const dir = runDir();
    expect(recordUnmeasured(narrowed(['kirjava', 'lehtisali']), dir, {})).toBe(true);
    const files = written(dir);
    expect(files).toHaveLength(demo.services.length * demo.devices.length);
    for (const f of files) {
      const e = EvidenceSchema.parse(JSON.parse(readFileSync(join(dir, 'evidence', f), 'utf8')));
      expect(e.suite).toBe('performance');
      expect(e.status).toBe('not-applicable');
      expect(e.reason).toBe('The service is evaluated only for login, accessibility (suites: in its YAML)');
    }
    // Written once: a second look (a resumed run) finds them on disk and leaves the phase to Playwright.
    expect(recordUnmeasured(narrowed(['kirjava', 'lehtisali']), dir, {})).toBe(false);
  });

  it('is started when one service is measured, and always for a shard', () => {
    const one = runDir();
    expect(recordUnmeasured(narrowed(['kirjava']), one, {})).toBe(false);
    expect(written(one)).toEqual([]);
    const shard = runDir();
    expect(recordUnmeasured(narrowed(['kirjava', 'lehtisali']), shard, { shard: { index: 1, total: 2 } })).toBe(false);
    expect(written(shard)).toEqual([]);
  });
});

describe('a resumed run whose gathering was finished', () => {
  const targets = buildMatrix(demo.services, demo.devices);
  const gathered = targets.flatMap((t) =>
    SUITES.filter((s) => s !== 'performance').map((s) => notRunEvidence(t, s, 'gathered before the stop', 1)),
  );
  const resume = { resume: '/reports/run-1' };

  it('starts no gathering runner when every cell but performance was kept', () => {
    expect(gatheredAlready(demo, gathered, resume)).toBe(true);
  });

  it('keeps the runner when one cell is missing or is gathered again, for a fresh run and for a shard', () => {
    expect(gatheredAlready(demo, gathered.slice(1), resume)).toBe(false);
    // What the CLI passes is the evidence a resume keeps (regather's rule): a harness error is not kept.
    const [first, ...rest] = gathered;
    const failed = { ...first!, status: 'harness-error' as const, reason: 'the worker stopped' };
    expect(gatheredAlready(demo, [failed, ...rest].filter((e) => !regather(e)), resume)).toBe(false);
    expect(gatheredAlready(demo, gathered, {})).toBe(false);
    expect(gatheredAlready(demo, gathered, { ...resume, shard: { index: 1, total: 2 } })).toBe(false);
  });
});
