import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKeep, prune } from '../../../src/cli/prune.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import { erh } from '../../support/cli.ts';

function reports(): string {
  const dir = mkdtempSync(join(tmpdir(), 'erh-prune-'));
  for (const id of ['2026-01-01T00-00-00', '2026-01-02T00-00-00', '2026-01-03T00-00-00', '2026-01-04T00-00-00']) {
    mkdirSync(join(dir, id));
    writeFileSync(join(dir, id, 'run.json'), '{}');
  }
  mkdirSync(join(dir, '2025-12-31-notes')); // no run.json/results.json: not a run
  writeFileSync(join(dir, '2025-12-30.txt'), 'x');
  symlinkSync('2026-01-01T00-00-00', join(dir, 'latest'));
  return dir;
}

describe('prune', () => {
  it('removes runs beyond the N newest, never latest nor anything that is not a run', () => {
    const dir = reports();
    const plan = prune(dir, 2);
    expect(plan.removed.map((d) => d.split('/').pop())).toEqual(['2026-01-02T00-00-00']);
    expect(readdirSync(dir).sort()).toEqual([
      '2025-12-30.txt',
      '2025-12-31-notes',
      '2026-01-01T00-00-00',
      '2026-01-03T00-00-00',
      '2026-01-04T00-00-00',
      'latest',
    ]);
  });

  it('with dryRun lists and removes nothing', () => {
    const dir = reports();
    const plan = prune(dir, 1, { dryRun: true });
    expect(plan.removed).toHaveLength(2);
    expect(readdirSync(dir)).toHaveLength(7);
  });

  it('rejects a bad --keep', () => {
    for (const v of ['0', '-1', 'x', '1.5', '']) expect(() => parseKeep(v)).toThrow(ConfigError);
    expect(parseKeep('3')).toBe(3);
  });

  it('CLI: --dry-run lists, a bad N exits 2 naming --keep', async () => {
    const dir = reports();
    const dry = await erh(['prune', '--keep', '2', '--reports', dir, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would remove');
    expect(readdirSync(dir)).toHaveLength(7);
    const bad = await erh(['prune', '--keep', '0', '--reports', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr + bad.stdout).toContain('--keep');
  });
});
