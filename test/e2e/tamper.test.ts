/**
 * A vendor's page cannot change the instruments (issue 21, part 3): the real accessibility gatherer
 * against twin pages of fixtures/vendors/tamper/app.ts — `/honest`, and `/tampered`, which first
 * replaces `window.axe` (non-writable, finding nothing), `HTMLElement.prototype.focus`,
 * `Element.prototype.focus`, `getComputedStyle`, `KeyboardEvent`, `getBoundingClientRect` (with a
 * bound native, which looks like the browser's own) and its images' `getAttribute` — on every engine of this
 * machine: Chromium and Firefox through Playwright (utility world: CDP isolated world, WebDriver
 * BiDi sandbox), WebKitGTK and Appium's Chromium driver (emulated Pixel 7) through WebDriver classic
 * (no isolated world: each probe runs with the built-ins of a fresh realm swapped in,
 * src/session/pristine.ts). On every engine the tampered page gets exactly the honest twin's
 * findings and check results. `/fixed` makes its replacement
 * non-configurable: without an isolated world that cannot be undone, and the step fails as
 * "instruments tampered with" — a vendor result, never a pass.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTamperVendor } from '../../fixtures/vendors/tamper/app.ts';
import { evaluateEvidence } from '../../src/checks/index.ts';
import { ServiceSchema, type Service } from '../../src/core/config.ts';
import { DeviceSchema, type Device } from '../../src/core/device.ts';
import type { Evidence } from '../../src/core/evidence.ts';
import { Redactor } from '../../src/config/secrets.ts';
import { artifactsFor } from '../../src/journey/artifacts.ts';
import { gatherAccessibility } from '../../src/gather/accessibility.ts';
import type { GatherKit } from '../../src/gather/kit.ts';
import { capabilitiesOf } from '../../src/matrix/targets.ts';
import { DeviceRuntime } from '../../src/session/runtime.ts';
import { ROOT } from '../support/cli.ts';

let vendor: { url: string; stop: () => Promise<void> };
let runtime: DeviceRuntime;
let dir: string;

beforeAll(async () => {
  vendor = await startTamperVendor();
  runtime = new DeviceRuntime();
  dir = mkdtempSync(join(tmpdir(), 'erh-tamper-'));
});

afterAll(async () => {
  await runtime?.close();
  await vendor?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function service(path: string): Service {
  return ServiceSchema.parse({
    id: path.slice(1),
    name: 'Peukaloija',
    vendor: 'Peukaloija Oy (test)',
    kind: 'emagazine',
    baseUrl: `${vendor.url}/`,
    languages: ['fi'],
    login: { strategy: 'ip-access', start: [{ goto: path }], success: { role: 'heading', name: 'Peukaloija' } },
    journey: [{ id: 'page', name: 'Sivu', actions: [{ goto: path }, { expect: { role: 'heading', name: 'Peukaloija' } }] }],
    suites: ['accessibility'],
    // Never used (no journey step logs in); the schema asks for a valid patron.
    patrons: { valid: { card: { env: 'ERH_TAMPER_UNUSED_CARD' }, pin: { env: 'ERH_TAMPER_UNUSED_PIN' } } },
  });
}

const device = (id: string): Device => DeviceSchema.parse(YAML.parse(readFileSync(join(ROOT, 'devices', `${id}.yaml`), 'utf8')));

async function gather(d: Device, path: string): Promise<{ evidence: Evidence; isolated: boolean }> {
  const acquired = await runtime.acquire(d);
  if (!acquired.ok) throw new Error(`${d.id} is not available here: ${acquired.reason}`);
  let isolated = false;
  const s = service(path);
  const kit: GatherKit = {
    target: { id: `${s.id}--${d.id}`, service: s, device: d, capabilities: capabilitiesOf(d) },
    redactor: new Redactor([]),
    artifacts: artifactsFor(dir, `${s.id}--${d.id}`),
    patron: () => undefined,
    openSession: async () => {
      const session = await acquired.open();
      isolated = session.isolated === true;
      return session;
    },
    lighthouseRuns: 1,
  };
  return { evidence: await gatherAccessibility(kit), isolated };
}

/** What the evidence found, without times and screenshots (which differ between any two runs). */
function findings(e: Evidence): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => !/Ms$|^settle$|^screenshot$|^url$/.test(k))
          .map(([k, x]) => [k, strip(x)]),
      );
    }
    return v;
  };
  if (e.suite !== 'accessibility') throw new Error('not accessibility evidence');
  return strip({ status: e.status, steps: e.steps.map((s) => ({ ok: s.ok, error: s.error })), states: e.accessibility?.states });
}

const checks = (e: Evidence) => evaluateEvidence(e).checks.map((c) => ({ id: c.id, status: c.status, score: 'score' in c ? c.score : undefined }));

describe.each(['desktop-chromium', 'desktop-firefox', 'desktop-webkit', 'appium-chromium-pixel-7'])('instruments the page replaced, on %s', (id) => {
  it('the tampered page gets exactly its honest twin\'s findings and check results', async () => {
    const d = device(id);
    const honest = await gather(d, '/honest');
    const tampered = await gather(d, '/tampered');
    // The honest page's defects are found (so the comparison is not between two empty results).
    expect(honest.evidence.status).toBe('complete');
    if (honest.evidence.suite !== 'accessibility') throw new Error('unexpected suite');
    const violated = (honest.evidence.accessibility?.states[0]?.violations ?? []).map((v) => v.id);
    expect(violated).toEqual(expect.arrayContaining(['image-alt', 'button-name', 'label', 'link-name']));
    expect(tampered.evidence.status).toBe('complete');
    expect(tampered.evidence.steps[0]?.ok).toBe(true);
    expect(findings(tampered.evidence)).toEqual(findings(honest.evidence));
    expect(checks(tampered.evidence)).toEqual(checks(honest.evidence));
    // Chromium and Firefox run isolated; WebKitGTK and Appium's Chromium (WebDriver classic) borrow a
    // fresh realm's built-ins.
    expect(tampered.isolated).toBe(id === 'desktop-chromium' || id === 'desktop-firefox');
  }, 180_000);

  it('tampering that cannot be undone, without an isolated world: recorded as tampering, never a pass', async () => {
    const d = device(id);
    const honest = await gather(d, '/honest');
    const fixed = await gather(d, '/fixed');
    expect(fixed.evidence.status).toBe('complete');
    if (fixed.isolated) {
      expect(findings(fixed.evidence)).toEqual(findings(honest.evidence));
      return;
    }
    expect(fixed.evidence.steps[0]?.ok).toBe(false);
    expect(fixed.evidence.steps[0]?.unexaminable?.cause).toBe('tampered');
    expect(fixed.evidence.steps[0]?.error).toMatch(/instruments were tampered with.*HTMLElement\.prototype\.focus/);
    const journey = evaluateEvidence(fixed.evidence).checks.find((c) => c.id === 'accessibility/journey-completed');
    expect(journey?.status).toBe('fail');
    expect(checks(fixed.evidence).filter((c) => c.status === 'pass').map((c) => c.id)).toEqual([]);
  }, 180_000);
});
