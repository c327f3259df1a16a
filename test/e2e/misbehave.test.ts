/**
 * A vendor cannot escape scoring by misbehaving (issue 21, part 4): `erh run` against pages of
 * fixtures/vendors/tamper/app.ts that will not hold still — one navigates itself every 150 ms, one
 * opens a window every 100 ms and an alert every 300 ms — gets a scored vendor result for each, not a
 * harness error: the accessibility suite is scored, its journey-completed check fails with the
 * evidence ("the page would not stay still long enough to be examined"), the step records the cause,
 * and erh does not exit 3.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { startTamperVendor } from '../../fixtures/vendors/tamper/app.ts';
import { EvidenceSchema } from '../../src/core/evidence.ts';
import { RunResultSchema, type RunResult } from '../../src/core/result.ts';
import { DeviceSchema } from '../../src/core/device.ts';
import { evidencePath } from '../../src/reporting/evidence-store.ts';
import { DeviceRuntime } from '../../src/session/runtime.ts';
import { PageUnexaminableError } from '../../src/session/types.ts';
import { ROOT, erh, type CliResult } from '../support/cli.ts';
import { FAULT_PROFILE } from '../support/fault-config.ts';

let vendor: { url: string; stop: () => Promise<void> };
let root: string;
let run: CliResult;
let runDir: string;
let result: RunResult;

const PAGES = {
  restless: { path: '/restless', heading: 'Levoton' },
  popups: { path: '/popups', heading: 'Ikkunamyrsky' },
} as const;

function serviceYaml(id: string, path: string, heading: string): string {
  return `id: ${id}
name: Peukaloija (${id})
vendor: Peukaloija Oy (test)
kind: emagazine
baseUrl: ${vendor.url}/
languages: [fi]
suites: [accessibility]
login:
  strategy: ip-access
  start: [{ goto: ${path} }]
  success: { role: heading, name: ${heading} }
patrons:
  valid: { card: { env: ERH_MISBEHAVE_UNUSED_CARD }, pin: { env: ERH_MISBEHAVE_UNUSED_PIN } }
journey:
  - id: page
    name: Sivu
    actions:
      - goto: ${path}
      - expect: { role: heading, name: ${heading} }
timeouts: { navigationMs: 8000, actionMs: 4000 }
`;
}

beforeAll(async () => {
  vendor = await startTamperVendor();
  root = mkdtempSync(join(tmpdir(), 'erh-misbehave-'));
  for (const d of ['services', 'devices', 'profiles']) mkdirSync(join(root, d));
  cpSync(join(ROOT, 'schema'), join(root, 'schema'), { recursive: true });
  cpSync(join(ROOT, 'devices', 'desktop-chromium.yaml'), join(root, 'devices', 'desktop-chromium.yaml'));
  for (const [id, p] of Object.entries(PAGES))
    writeFileSync(join(root, 'services', `${id}.yaml`), serviceYaml(id, p.path, p.heading));
  writeFileSync(join(root, 'profiles', 'faults.yaml'), FAULT_PROFILE);
  const reports = join(root, 'reports');
  run = await erh(
    ['run', '--config', root, '--profile', 'faults', '--devices', 'desktop-chromium', '--reports', reports],
    {
      env: { ERH_MISBEHAVE_UNUSED_CARD: '00000000', ERH_MISBEHAVE_UNUSED_PIN: '0000' },
      timeoutMs: 5 * 60_000,
    },
  );
  if (run.code === 2) throw new Error(`erh run: ${run.stderr.slice(-1000)}`);
  runDir = join(reports, readdirSync(reports).filter((d) => d !== 'latest')[0] ?? 'missing');
  result = RunResultSchema.parse(JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')));
}, 6 * 60_000);

afterAll(async () => {
  await vendor?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe.each([
  ['restless', ['navigated']],
  ['popups', ['windows', 'dialog']],
] as const)('a page that will not hold still (%s)', (id, causes) => {
  it('gets a scored vendor result with a failing check and its evidence, not a harness error', () => {
    expect(run.code, run.stdout.slice(-2000) + run.stderr.slice(-2000)).not.toBe(3);
    const target = result.targets.find((t) => t.service === id);
    const suite = target?.suites.accessibility;
    expect(suite?.status, JSON.stringify(suite).slice(0, 500)).toMatch(/^(passed|failed)$/);
    expect(suite?.score).not.toBeNull();
    const journey = suite?.checks.find((c) => c.id === 'accessibility/journey-completed');
    expect(journey?.status).toBe('fail');
    // Also when the restless page fails its step's own `expect` (it navigates under the harness's wait
    // too): the session says the page kept loading documents, not that the heading was missing.
    expect(journey?.findings[0]?.message).toMatch(/would not stay still long enough to be examined/);
    const evidence = EvidenceSchema.parse(
      JSON.parse(
        readFileSync(evidencePath(runDir, { service: id, device: 'desktop-chromium', suite: 'accessibility' }), 'utf8'),
      ),
    );
    expect(evidence.status).toBe('complete');
    expect(evidence.steps[0]?.ok).toBe(false);
    expect(causes).toContain(evidence.steps[0]?.unexaminable?.cause);
    // Timed on every device too: never a harness error there either.
    expect(target?.suites.performance?.status).not.toBe('harness-error');
  });
});

describe('the session, waiting on a page that keeps loading documents', () => {
  it('says the page would not hold still, not that the element was missing (Playwright)', async () => {
    const runtime = new DeviceRuntime();
    try {
      const d = DeviceSchema.parse(YAML.parse(readFileSync(join(ROOT, 'devices', 'desktop-chromium.yaml'), 'utf8')));
      const acquired = await runtime.acquire(d);
      if (!acquired.ok) throw new Error(acquired.reason);
      const session = await acquired.open();
      await session.goto(`${vendor.url}/restless`, 8_000);
      const missing = { role: 'heading', name: 'Ei ole' } as const;
      const waited = await session.waitForVisible(missing, 3_000).then(String, (e: unknown) => e);
      expect(waited).toBeInstanceOf(PageUnexaminableError);
      expect((waited as PageUnexaminableError).why).toBe('navigated');
      expect((waited as Error).message).toMatch(
        /^The page loaded \d+ documents by itself in 3 s while the harness waited/,
      );
      // Restless but slow (one document a second, as on a loaded machine): fewer documents in the wait,
      // but it goes on loading them after it — the same verdict, never "missing".
      await session.goto(`${vendor.url}/drifting`, 8_000);
      const drifted = await session.waitForVisible(missing, 1_500).then(String, (e: unknown) => e);
      expect(drifted).toBeInstanceOf(PageUnexaminableError);
      expect((drifted as Error).message).toMatch(
        /^The page loaded [12] documents by itself in 1.5 s .*went on loading more after the wait$/,
      );
      // A page that stays still: a missing element is just that.
      await session.goto(`${vendor.url}/honest`, 8_000);
      expect(await session.waitForVisible(missing, 1_000)).toBe(false);
      // One redirect of its own, then still: a missing element too.
      await session.goto(`${vendor.url}/redirected`, 8_000);
      expect(await session.waitForVisible(missing, 1_500)).toBe(false);
    } finally {
      await runtime.close();
    }
  }, 60_000);
});

describe('the run as a whole', () => {
  it('counts no harness error', () => {
    expect(result.harnessErrors).toEqual([]);
  });
});
