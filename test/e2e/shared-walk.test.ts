/**
 * One walk, many gatherers (issue 19.1): the accessibility and compatibility evidence of a target are
 * gathered in one walk of its journey (src/gather/shared-walk.ts), and neither suite sees what the
 * other did to the page. Gatherer-level, on desktop Chromium, against fixtures/vendors/kulkija, whose
 * start page answers the probes' resize and key presses with a console error, page errors, a failed
 * request and a lasting 2000 px banner (and reports that it was provoked):
 *
 * - one walk: every page is requested once for both suites;
 * - what the accessibility probes provoke is not the vendor's compatibility evidence (no console
 *   error, page error or failed request of theirs, no overflow measured after the narrowed viewport);
 * - the player compatibility plays is not seen by the probes as sound that starts by itself;
 * - a page that will not hold still for the probes fails the accessibility step, and compatibility
 *   walks again alone: its journey is whole;
 * - a harness failure of one half is that suite's error, and the other suite's evidence is complete.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startKulkijaVendor, type KulkijaVendor } from '../../fixtures/vendors/kulkija/app.ts';
import { ServiceSchema, type Service } from '../../src/core/config.ts';
import { DeviceSchema } from '../../src/core/device.ts';
import type { Evidence, EvidenceOf } from '../../src/core/evidence.ts';
import { Redactor } from '../../src/config/secrets.ts';
import { artifactsFor } from '../../src/journey/artifacts.ts';
import { accessibilityHalf } from '../../src/gather/accessibility.ts';
import { compatibilityHalf } from '../../src/gather/compatibility.ts';
import { gatherWalk } from '../../src/gather/index.ts';
import type { GatherKit } from '../../src/gather/kit.ts';
import { walkTogether, type HalfOutcome } from '../../src/gather/shared-walk.ts';
import { capabilitiesOf } from '../../src/matrix/targets.ts';
import { DeviceRuntime } from '../../src/session/runtime.ts';
import { ROOT } from '../support/cli.ts';

let vendor: KulkijaVendor;
let runtime: DeviceRuntime;
let dir: string;
const device = DeviceSchema.parse(YAML.parse(readFileSync(join(ROOT, 'devices/desktop-chromium.yaml'), 'utf8')));

beforeAll(async () => {
  vendor = await startKulkijaVendor();
  runtime = new DeviceRuntime();
  dir = mkdtempSync(join(tmpdir(), 'erh-shared-walk-'));
});

afterAll(async () => {
  await runtime?.close();
  await vendor?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => vendor.reset());

function service(journey: Array<{ id: string; path: string }>): Service {
  return ServiceSchema.parse({
    id: 'kulkija',
    name: 'Kulkija',
    vendor: 'Kulkija Oy (test)',
    kind: 'audiobook',
    baseUrl: `${vendor.url}/`,
    languages: ['fi'],
    login: { strategy: 'ip-access', start: [{ goto: '/start' }], success: { role: 'heading', name: 'Kulkija' } },
    journey: journey.map((s) => ({
      id: s.id,
      name: s.id,
      actions: [{ goto: s.path }, { expect: { role: 'heading', name: 'Kulkija' } }],
    })),
    suites: ['accessibility', 'compatibility'],
    compatibility: { media: { step: 'player', listenMs: 1500, minAdvanceSeconds: 0.5 } },
    // Never used (no journey step logs in); the schema asks for a valid patron.
    patrons: { valid: { card: { env: 'ERH_KULKIJA_UNUSED_CARD' }, pin: { env: 'ERH_KULKIJA_UNUSED_PIN' } } },
  });
}

async function kit(s: Service): Promise<GatherKit> {
  const acquired = await runtime.acquire(device);
  if (!acquired.ok) throw new Error(`${device.id} is not available here: ${acquired.reason}`);
  return {
    target: { id: `${s.id}--${device.id}`, service: s, device, capabilities: capabilitiesOf(device) },
    redactor: new Redactor([]),
    artifacts: artifactsFor(dir, `${s.id}--${device.id}`),
    patron: () => undefined,
    openSession: acquired.open,
    lighthouseRuns: 1,
  };
}

function evidenceOf<S extends 'accessibility' | 'compatibility'>(outcomes: HalfOutcome[], suite: S): EvidenceOf<S> {
  const o = outcomes.find((x) => x.suite === suite);
  if (!o || 'error' in o) throw new Error(`${suite}: ${o && 'error' in o ? o.error.message : 'no outcome'}`);
  const e: Evidence = o.evidence;
  if (e.suite !== suite) throw new Error(`${suite}: evidence of ${e.suite}`);
  return e as EvidenceOf<S>;
}

const JOURNEY = [
  { id: 'start', path: '/start' },
  { id: 'player', path: '/player' },
];

describe('accessibility and compatibility in one walk', () => {
  it('one walk; what the probes provoke and the player compatibility plays are seen by neither suite as the vendor\'s', async () => {
    const outcomes = await gatherWalk(await kit(service(JOURNEY)), { accessibility: 1, compatibility: 1 });
    const a11y = evidenceOf(outcomes, 'accessibility');
    const compat = evidenceOf(outcomes, 'compatibility');
    expect(a11y.status).toBe('complete');
    expect(compat.status).toBe('complete');
    expect(a11y.steps.map((s) => s.ok)).toEqual([true, true]);
    expect(compat.steps.map((s) => s.ok)).toEqual([true, true]);
    // One walk for both suites.
    expect(Object.fromEntries(vendor.visits)).toEqual({ '/start': 1, '/player': 1 });
    // The probes did provoke the start page (so the assertions below can fail) ...
    expect(vendor.beacons).toEqual(expect.arrayContaining(['resize', 'key']));
    // ... and none of it is in the compatibility evidence.
    const c = compat.compatibility!;
    expect(c.console.map((e) => e.text).filter((t) => /Kulkija|provoked/.test(t))).toEqual([]);
    expect(c.pageErrors.map((e) => e.message).filter((m) => /Kulkija/.test(m))).toEqual([]);
    expect(c.failedRequests.map((r) => r.url).filter((u) => /missing-after/.test(u))).toEqual([]);
    const start = c.overflow.find((o) => o.step === 'start');
    expect(start?.offenders).toEqual([]);
    expect(start!.documentWidth).toBeLessThanOrEqual(start!.viewportWidth + 1);
    // Compatibility's own examinations are there: the player played, after the probes examined its page ...
    expect(c.media?.found).toBe(true);
    expect(c.media!.positionAfter ?? 0).toBeGreaterThan(c.media!.positionBefore ?? 0);
    // ... which met it paused: no sound that starts by itself.
    const player = a11y.accessibility!.states.find((s) => s.step === 'player');
    expect(player?.probes?.media).toHaveLength(1);
    expect(player?.probes?.media?.[0]?.autoplaySound).toBe(false);
    // The screenshots are accessibility's; compatibility's steps have none, as before.
    expect(a11y.steps.every((s) => /accessibility-/.test(s.screenshot ?? ''))).toBe(true);
    expect(compat.steps.some((s) => s.screenshot !== undefined)).toBe(false);
  }, 60_000);

  it('a page that will not hold still for the probes fails the accessibility step; compatibility walks again alone, whole', async () => {
    const outcomes = await gatherWalk(await kit(service([{ id: 'restless', path: '/restless' }, { id: 'player', path: '/player' }])), {
      accessibility: 1,
      compatibility: 1,
    });
    const a11y = evidenceOf(outcomes, 'accessibility');
    const compat = evidenceOf(outcomes, 'compatibility');
    expect(a11y.steps).toHaveLength(1);
    expect(a11y.steps[0]?.unexaminable?.cause).toBe('navigated');
    expect(compat.steps.map((s) => [s.step, s.ok])).toEqual([
      ['restless', true],
      ['player', true],
    ]);
    expect(compat.compatibility?.overflow.map((o) => o.step)).toEqual(['restless', 'player']);
    // The shared walk, then compatibility's own.
    expect(vendor.visits.get('/restless')).toBe(2);
    expect(vendor.visits.get('/player')).toBe(1);
  }, 60_000);

  it('a harness failure of one half is that suite\'s error; the other suite is gathered whole', async () => {
    const k = await kit(service(JOURNEY));
    const outcomes = await walkTogether(k, [
      { suite: 'compatibility', make: compatibilityHalf, attempt: 1 },
      {
        suite: 'accessibility',
        attempt: 1,
        make: (kit, session, ctx) => ({
          ...accessibilityHalf(kit, session, ctx),
          probe: async () => {
            throw new Error('the rule engine exploded');
          },
        }),
      },
    ]);
    const failed = outcomes.find((o) => o.suite === 'accessibility');
    expect(failed && 'error' in failed ? failed.error.message : undefined).toBe('the rule engine exploded');
    const compat = evidenceOf(outcomes, 'compatibility');
    expect(compat.status).toBe('complete');
    expect(compat.steps.map((s) => s.ok)).toEqual([true, true]);
    expect(compat.compatibility?.media?.found).toBe(true);
    // The shared walk stopped at the first state; compatibility walked again alone.
    expect(vendor.visits.get('/start')).toBe(2);
    expect(vendor.visits.get('/player')).toBe(1);
  }, 60_000);
});
