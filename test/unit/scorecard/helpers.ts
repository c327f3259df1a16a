/** A small, fully valid run input: services, devices, a profile and evidence built per target. */
import type { Device, Evidence, Profile, Service } from '../../../src/core/index.ts';
import { DeviceSchema, EvidenceSchema, ProfileSchema, ServiceSchema } from '../../../src/core/index.ts';
import type { EvaluateRunInput } from '../../../src/scorecard/index.ts';
import { accessibilityEvidence, attempt, axeRule, compatibilityEvidence, lhRun, loginEvidence, performanceEvidence, step } from '../checks/helpers.ts';

export function service(id: string, name = id): Service {
  return ServiceSchema.parse({
    id,
    name,
    vendor: `${name} Oy`,
    kind: 'ebook',
    baseUrl: `http://127.0.0.1:4100/${id}/`,
    languages: ['fi', 'sv'],
    login: {
      strategy: 'card-pin-form',
      start: [{ goto: 'login' }],
      card: { label: 'Kirjastokortin numero' },
      pin: { label: 'PIN-koodi' },
      submit: { role: 'button', name: 'Kirjaudu' },
      success: { text: 'Omat lainat' },
    },
    patrons: { valid: { card: { env: 'VALID_CARD' }, pin: { env: 'VALID_PIN' } }, wrongPin: { card: { env: 'VALID_CARD' }, pin: { env: 'WRONG_PIN' } } },
    journey: [{ id: 'landing', actions: [{ goto: '/' }] }],
  });
}

export function device(id: string, engine: Device['engine'] = 'chromium', formFactor: Device['formFactor'] = 'desktop'): Device {
  return DeviceSchema.parse({ id, name: `Device ${id}`, engine, formFactor });
}

export function profile(extra: Partial<Record<string, unknown>> = {}): Profile {
  return ProfileSchema.parse({
    id: 'default',
    name: 'Default procurement profile',
    weights: { login: 30, accessibility: 40, performance: 15, compatibility: 15 },
    gates: [{ id: 'valid-login', check: 'login/valid-patron' }],
    runs: { lighthouse: 3 },
    ...extra,
  });
}

export interface TargetShape {
  /** Outcome of the valid patron's login. */
  login?: 'logged-in' | 'rejected';
  /** Number of serious axe violations (each a different scored rule). */
  violations?: number;
  /** LCP in ms on every run. */
  lcp?: number;
  consoleErrors?: number;
}

const SCORED_RULES = ['color-contrast', 'image-alt', 'label', 'link-name', 'button-name'];

/** Evidence for all four suites of one target. */
export function targetEvidence(serviceId: string, deviceId: string, shape: TargetShape = {}): Evidence[] {
  const env = { service: serviceId, device: deviceId, steps: [step('landing')] };
  const violations = SCORED_RULES.slice(0, shape.violations ?? 0);
  const passes = SCORED_RULES.slice(shape.violations ?? 0);
  return [
    loginEvidence(
      [attempt('valid', shape.login ?? 'logged-in', { durationMs: 900 }), attempt('wrongPin', 'rejected', { message: 'Väärä PIN-koodi' })],
      env,
    ),
    accessibilityEvidence(
      {
        axeVersion: '4.14.1',
        tags: ['wcag2a', 'wcag2aa'],
        states: [
          {
            step: 'landing',
            url: `http://127.0.0.1:4100/${serviceId}/`,
            violations: violations.map((id) => axeRule(id, { tags: ['wcag2a', 'wcag111'] })),
            incomplete: [],
            passes,
            inapplicable: [],
          },
        ],
      },
      env,
    ),
    performanceEvidence(
      {
        lighthouseVersion: '13.5.0',
        runsPerPage: 3,
        pages: [
          {
            step: 'landing',
            url: `http://127.0.0.1:4100/${serviceId}/`,
            formFactor: 'desktop',
            runs: [0, 1, 2].map(() => lhRun({ lcp: shape.lcp ?? 1000, fcp: 500, tbt: 50, cls: 0 }, 0.95)),
          },
        ],
      },
      env,
    ),
    compatibilityEvidence(
      {
        console: Array.from({ length: shape.consoleErrors ?? 0 }, (_, i) => ({ level: 'error' as const, text: `Error ${i}`, step: 'landing' })),
        overflow: [{ step: 'landing', url: `http://127.0.0.1:4100/${serviceId}/`, viewportWidth: 1280, documentWidth: 1280, offenders: [] }],
      },
      env,
    ),
    noContent(serviceId, deviceId),
  ];
}

/** What the harness records for a service that declares no content (src/matrix/targets.ts). */
export function noContent(service: string, device: string): Evidence {
  return EvidenceSchema.parse({
    evidenceVersion: 1,
    service,
    device,
    suite: 'content',
    status: 'not-applicable',
    reason: 'The service declares no publications, statement or ACR to check (content: in its YAML)',
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:00:00.000Z',
    browser: { engine: 'chromium', version: 'n/a' },
    steps: [],
    attempt: 1,
  });
}

export function runInput(services: Service[], devices: Device[], evidence: Evidence[], p: Profile = profile()): EvaluateRunInput {
  return {
    runId: '2026-11-25T10-00-00Z-demo',
    startedAt: '2026-11-25T10:00:00.000Z',
    evaluatedAt: '2026-11-25T10:30:00.000Z',
    fingerprint: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    profile: p,
    environment: { harnessVersion: '0.1.0', node: 'v24.11.0', platform: 'linux', arch: 'x64', cpus: 2, memoryGiB: 7.8, ci: false },
    tools: { playwright: '1.64.1', 'axe-core': '4.14.1', lighthouse: '13.5.0' },
    services,
    devices,
    evidence,
  };
}
