/** Hand-built Evidence for unit tests; every record is validated by EvidenceSchema. */
import type {
  AccessibilityEvidence,
  AxeRuleResult,
  CheckResult,
  CompatibilityEvidence,
  Evidence,
  EvidenceOf,
  LighthouseRun,
  LoginAttempt,
  PerformanceEvidence,
  StepEvidence,
} from '../../../src/core/index.ts';
import { EvidenceSchema } from '../../../src/core/index.ts';
import { evaluateEvidence } from '../../../src/checks/index.ts';

type Envelope = Partial<Pick<Evidence, 'service' | 'device' | 'status' | 'reason' | 'steps' | 'attempt' | 'startedAt' | 'finishedAt'>>;

function envelope(extra: Envelope) {
  return {
    evidenceVersion: 1,
    service: 'kirjava',
    device: 'desktop-chromium',
    status: 'complete',
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:01:00.000Z',
    browser: { engine: 'chromium', version: '131.0' },
    steps: [],
    attempt: 1,
    ...extra,
  };
}

export function loginEvidence(attempts: LoginAttempt[] | undefined, extra: Envelope = {}): EvidenceOf<'login'> {
  const payload = attempts === undefined ? {} : { login: { strategy: 'card-pin-form', attempts } };
  return EvidenceSchema.parse({ ...envelope(extra), suite: 'login', ...payload }) as EvidenceOf<'login'>;
}

export function accessibilityEvidence(data: AccessibilityEvidence | undefined, extra: Envelope = {}): EvidenceOf<'accessibility'> {
  const payload = data === undefined ? {} : { accessibility: data };
  return EvidenceSchema.parse({ ...envelope(extra), suite: 'accessibility', ...payload }) as EvidenceOf<'accessibility'>;
}

export function performanceEvidence(data: PerformanceEvidence | undefined, extra: Envelope = {}): EvidenceOf<'performance'> {
  const payload = data === undefined ? {} : { performance: data };
  return EvidenceSchema.parse({ ...envelope(extra), suite: 'performance', ...payload }) as EvidenceOf<'performance'>;
}

export function compatibilityEvidence(data: Partial<CompatibilityEvidence> | undefined, extra: Envelope = {}): EvidenceOf<'compatibility'> {
  const payload =
    data === undefined
      ? {}
      : { compatibility: { viewport: { width: 1280, height: 800 }, console: [], pageErrors: [], failedRequests: [], overflow: [], ...data } };
  return EvidenceSchema.parse({ ...envelope(extra), suite: 'compatibility', ...payload }) as EvidenceOf<'compatibility'>;
}

export function attempt(role: LoginAttempt['role'], outcome: LoginAttempt['outcome'], extra: Partial<LoginAttempt> = {}): LoginAttempt {
  return { role, outcome, durationMs: 1500, url: 'http://127.0.0.1:4100/login', ...extra };
}

export function step(id: string, ok = true, extra: Partial<StepEvidence> = {}): StepEvidence {
  return { step: id, url: `http://127.0.0.1:4100/${id}`, ok, durationMs: 200, ...extra };
}

export function axeRule(id: string, extra: Partial<AxeRuleResult> = {}): AxeRuleResult {
  return {
    id,
    impact: 'serious',
    tags: ['cat.color', 'wcag2aa', 'wcag143', 'EN-301-549', 'EN-9.1.4.3'],
    description: `Description of ${id}`,
    help: `Help for ${id}`,
    helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${id}`,
    nodes: [{ target: ['#main', 'p.low'], html: '<p class="low">Lainaa</p>', failureSummary: 'Fix any of the following: contrast 2.1:1' }],
    ...extra,
  };
}

export function lhRun(metrics: Partial<LighthouseRun['metrics']>, score: number | null = 0.8): LighthouseRun {
  return {
    score,
    metrics: { fcp: 1000, lcp: 2000, tbt: 100, cls: 0.01, si: 1500, ttfb: 200, ...metrics },
    durationMs: 7000,
  };
}

/** Evaluate one evidence record and return the check with this id (throws when absent). */
export function check(evidence: Evidence, id: string): CheckResult {
  const found = evaluateEvidence(evidence).checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}
