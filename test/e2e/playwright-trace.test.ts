/**
 * A trace a Playwright user turns on holds no card number or PIN, and a reporter the user chooses
 * keeps the scorecard (issue 20.4). `npx playwright test --trace=on --reporter=html
 * --project=kirjava@desktop-chromium`, the login suite only with the valid and wrong-PIN
 * patrons, from a configuration folder with the secrets in its .env: Playwright traces erh's browser
 * contexts (the fills, the DOM snapshots, the login request, the screencast). The traces are there and
 * still hold the login's steps, and no file of the run — inside the trace archives included — holds
 * the card number or a PIN (src/reporting/redact-artifacts.ts).
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../fixtures/world.ts';
import { ROOT, filesBelow } from '../support/cli.ts';
import { ephemeralConfig } from '../support/ephemeral-config.ts';

let world: DemoWorld;
let root: string;
let run: { code: number; out: string };
/** Every file of the run, and every entry of every zip archive in it: name → bytes. */
const files = new Map<string, Buffer>();
const traces: string[] = [];

beforeAll(async () => {
  world = await startDemoWorld({ ports: 'ephemeral' });
  root = ephemeralConfig(world, readFileSync(join(ROOT, 'profiles', 'default.yaml'), 'utf8').replace('id: default', 'id: e2e'), {
    kirjava: { suites: ['login'], roles: ['valid', 'wrongPin'] },
  });
  // Only the .env holds the secrets, as a user's configuration folder does.
  writeFileSync(join(root, '.env'), Object.entries(world.env).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ERH_CONFIG_DIR: root,
    ERH_PROFILE: 'e2e',
    ERH_SERVICES: 'kirjava',
    PLAYWRIGHT_HTML_OUTPUT_DIR: join(root, 'html-report'),
    PLAYWRIGHT_HTML_OPEN: 'never',
  };
  for (const k of ['ERH_RUN_DIR', 'ERH_PARENT_PID', 'ERH_DEVICES', 'ERH_PHASE', ...Object.keys(world.env)]) delete env[k];
  run = await new Promise((done) => {
    execFile(
      join(ROOT, 'node_modules/.bin/playwright'),
      ['test', '--trace=on', '--reporter=html', '--retries=0', '--project=kirjava@desktop-chromium', 'suites/login.spec.ts'],
      { cwd: ROOT, env, timeout: 150_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
  // The run folder, and Playwright's HTML report (which copies the traces into its own folder).
  for (const f of [...(await filesBelow(join(root, 'reports'))), ...(await filesBelow(join(root, 'html-report')))]) {
    const bytes = readFileSync(f);
    files.set(f, bytes);
    if (!f.endsWith('.zip')) continue;
    traces.push(f);
    const zip = await JSZip.loadAsync(bytes);
    for (const e of Object.values(zip.files)) if (!e.dir) files.set(`${f}!${e.name}`, await e.async('nodebuffer'));
  }
}, 180_000);

afterAll(async () => {
  await world?.stop();
});

describe('npx playwright test --trace=on --reporter=html', () => {
  it("writes the scorecard although the HTML reporter replaced erh's", () => {
    expect(run.code, run.out.slice(-3000)).toBe(0);
    const names = [...files.keys()];
    expect(names.some((f) => /reports\/[^/]+\/scorecard\.html$/.test(f)), names.join('\n')).toBe(true);
    expect(names.some((f) => /reports\/[^/]+\/results\.json$/.test(f))).toBe(true);
    expect(names.some((f) => f.endsWith('html-report/index.html'))).toBe(true);
    expect(run.out).toMatch(/erh: scorecard /);
  });

  it('runs the login suite and keeps a trace of it, in the run and in the HTML report', () => {
    expect(run.code, run.out.slice(-3000)).toBe(0);
    expect(traces.some((t) => t.includes('/html-report/'))).toBe(true);
    expect(traces.length, [...files.keys()].join('\n')).toBeGreaterThan(0);
    const events = [...files].filter(([name]) => /\.zip!.*\.trace$/.test(name)).map(([, b]) => b.toString('utf8'));
    const all = events.join('\n');
    // The steps are still there: the fills (their values redacted), the login page, its DOM snapshots.
    expect(all).toMatch(/"method":"fill"/);
    expect(all).toContain('[redacted]');
    expect(all).toMatch(/frame-snapshot/);
    expect(all).not.toMatch(/"screencast-frame"/);
  });

  it('holds no card number or PIN in any file or trace entry', () => {
    // Whole secrets (10- and 8-digit random numbers): shorter pieces occur by chance in a trace's timestamps.
    const secrets = ['DEMO_VALID_CARD', 'DEMO_VALID_PIN', 'DEMO_WRONGPIN_PIN'].map((k) => world.env[k] ?? '');
    expect(secrets.every((s) => s.length >= 8)).toBe(true);
    const leaks: string[] = [];
    for (const [name, bytes] of files) {
      const text = bytes.toString('latin1');
      for (const s of secrets) {
        const forms = [s, Buffer.from(s).toString('base64').slice(0, -2)];
        if (forms.some((f) => text.includes(f)) || name.includes(s)) leaks.push(name);
      }
    }
    expect(leaks).toEqual([]);
  });
});
