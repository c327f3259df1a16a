/**
 * A run with nothing to measure starts no performance phase (src/cli/orchestrate.ts `recordUnmeasured`): its
 * performance cells are written not applicable, with the matrix's reason, exactly when every service
 * leaves the suite out and none is on disk; a shard, or a service that is measured, keeps the phase.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordUnmeasured } from '../../../src/cli/orchestrate.ts';
import { loadConfig, type ResolvedConfig } from '../../../src/config/load.ts';
import { EvidenceSchema } from '../../../src/core/evidence.ts';
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
