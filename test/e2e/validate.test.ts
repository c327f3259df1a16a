import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, erh } from '../support/cli.ts';

function copyConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'erh-validate-'));
  for (const d of ['services', 'devices', 'profiles']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  return dir;
}

describe('erh validate', () => {
  it('accepts the demo configuration', async () => {
    const r = await erh(['validate', '--config', copyConfig()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: 3 services/);
  });

  it('prints one line naming the file and field of a broken service, and exits 2', async () => {
    const dir = copyConfig();
    const file = join(dir, 'services/kirjava.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^kind: .*$/m, 'kind: vinyl-records'));
    const r = await erh(['validate', '--config', dir]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^erh: services\/kirjava\.yaml: kind: /);
    expect(r.stderr).not.toMatch(/\s+at\s+\S+\s+\(/); // no stack trace
  });

  it('exits 2 for an unknown command-line option', async () => {
    const r = await erh(['run', '--no-such-option']);
    expect(r.code).toBe(2);
  });
});
