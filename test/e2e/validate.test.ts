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
    // The files only: the demo's patrons live in the demo world's environment, not here.
    const r = await erh(['validate', '--config', copyConfig(), '--no-env']);
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

  it('prints seven lines for seven mistakes in three files, and exits 2', async () => {
    const dir = copyConfig();
    const edit = (file: string, pairs: Array<[RegExp, string]>): void => {
      const path = join(dir, file);
      writeFileSync(path, pairs.reduce((text, [from, to]) => text.replace(from, to), readFileSync(path, 'utf8')));
    };
    edit('services/kirjava.yaml', [
      [/^kind: ebook$/m, 'kind: ebok'],
      [/^baseUrl:/m, 'baseURL:'],
      [/timeoutMs: 10000/, 'timeoutMs: "ten"'],
      [/pin: \{ env: DEMO_VALID_PIN \}/, 'pin: "4321"'],
    ]);
    edit('devices/desktop-chromium.yaml', [
      [/^engine: chromium$/m, 'engine: chromiun'],
      [/width: 1366/, 'width: -5'],
    ]);
    edit('profiles/default.yaml', [[/^ {2}login: 30$/m, '  logn: 30']]);
    const r = await erh(['validate', '--config', dir]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.map((l) => /^erh: (\S+): (\S+): /.exec(l)?.slice(1, 3).join(' '))).toEqual([
      'services/kirjava.yaml kind',
      'services/kirjava.yaml baseURL',
      'services/kirjava.yaml login.timeoutMs',
      'services/kirjava.yaml patrons.valid.pin',
      'devices/desktop-chromium.yaml engine',
      'devices/desktop-chromium.yaml viewport.width',
      'profiles/default.yaml weights.logn',
    ]);
    expect(lines[1]).toMatch(/did you mean baseUrl\?/);
    expect(lines[2]).toMatch(/found "ten"/);
    expect(lines[5]).toMatch(/found -5/);
    for (const l of lines) expect(l).toMatch(/\(line \d+, column \d+\)$/);
    expect(r.stderr).not.toContain('4321');
    expect(r.stderr).not.toMatch(/\s+at\s+\S+\s+\(/);
  });

  it('exits 2 for an unknown command-line option', async () => {
    const r = await erh(['run', '--no-such-option']);
    expect(r.code).toBe(2);
  });
});
