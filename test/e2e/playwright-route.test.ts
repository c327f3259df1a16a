/**
 * The Playwright route as Playwright users expect it (issue 20.4): `npx playwright test --list
 * --project=<service>@<device>` works from a configuration folder with only its .env, reaches a device
 * that is not a default one, prints Playwright's list, and writes no run folder. No browser starts.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devicesFor, projectArgs } from '../../src/reporting/playwright-setup.ts';
import { ROOT } from '../support/cli.ts';

describe('npx playwright test', () => {
  it('devices come from ERH_DEVICES, else from the --project options, else the defaults', () => {
    expect(projectArgs(['test', '--project=kirjava@desktop-firefox', '--project', 'kuunteli@emulated-ipad'])).toEqual([
      'kirjava@desktop-firefox',
      'kuunteli@emulated-ipad',
    ]);
    expect(devicesFor({}, ['--project=kirjava@desktop-firefox', '--project=performance'])).toEqual(['desktop-firefox']);
    expect(devicesFor({ ERH_DEVICES: 'desktop-webkit' }, ['--project=kirjava@desktop-firefox'])).toEqual(['desktop-webkit']);
    expect(devicesFor({}, ['--project=*@desktop-*'])).toBeUndefined();
    expect(devicesFor({}, [])).toBeUndefined();
  });

  it('--list on a non-default device: the list printed, no run folder written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'erh-pw-route-'));
    for (const d of ['services', 'devices', 'profiles']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
    writeFileSync(join(dir, '.env'), 'DEMO_VALID_CARD=24680135792468\n');
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('erh-list-')).length;
    const env: NodeJS.ProcessEnv = { ...process.env, ERH_CONFIG_DIR: dir };
    for (const k of ['ERH_RUN_DIR', 'ERH_PARENT_PID', 'ERH_DEVICES', 'ERH_SERVICES', 'ERH_PHASE']) delete env[k];
    const r = await new Promise<{ code: number; out: string }>((done) => {
      execFile(
        join(ROOT, 'node_modules/.bin/playwright'),
        ['test', '--list', '--project=kirjava@desktop-firefox'],
        { cwd: ROOT, env, timeout: 90_000 },
        (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
      );
    });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/\[kirjava@desktop-firefox\] › login\.spec\.ts/);
    expect(r.out).toMatch(/Total: \d+ tests? in \d+ files?/);
    expect(r.out).not.toMatch(/scorecard|gathering passed/);
    expect(existsSync(join(dir, 'reports'))).toBe(false);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('erh-list-')).length).toBe(before);
  }, 100_000);
});
