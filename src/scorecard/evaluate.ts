/**
 * evaluateRun: Evidence + configuration → RunResult. Pure and deterministic: the same input gives
 * the same output (input order of evidence does not matter), so `erh report` re-scores a saved
 * run exactly.
 *
 * 1. Targets: every service × device (configuration order), each with all four suites. A suite
 *    without evidence is `missing` — except performance on a non-Chromium device, which is
 *    `not-applicable` (Lighthouse needs Chromium and the DevTools protocol).
 * 2. Suites: the checks of the suite's evidence (src/checks), scored by src/scoring.
 * 3. Scorecard per service: each suite's mean over the devices where it was scored; overall = the
 *    profile-weighted mean of those suite means (null suites left out, weights renormalised);
 *    gates; eligibility; rank (rank.ts).
 */
import type {
  CheckResult,
  Device,
  Evidence,
  Profile,
  RunResult,
  ScorecardEntry,
  Service,
  Suite,
  SuiteResult,
  TargetResult,
} from '../core/index.ts';
import { RESULT_SCHEMA_VERSION, SUITES, targetId } from '../core/index.ts';
import { evaluateEvidence, findCheckMeta } from '../checks/registry.ts';
import { mean, roundTo } from '../scoring/statistics.ts';
import { SCORE_DIGITS, scoreSuite } from '../scoring/suite.ts';
import { weightedMean } from '../scoring/weighted.ts';
import { evaluateGate } from './gates.ts';
import { rankServices } from './rank.ts';

export interface EvaluateRunInput {
  readonly runId: string;
  /** ISO 8601. */
  readonly startedAt: string;
  /** ISO 8601; passed in (not read from the clock) to keep evaluation pure. */
  readonly evaluatedAt: string;
  readonly fingerprint: string;
  readonly profile: Profile;
  readonly environment: RunResult['environment'];
  readonly tools: Readonly<Record<string, string>>;
  readonly services: readonly Service[];
  readonly devices: readonly Device[];
  readonly evidence: readonly Evidence[];
}

function evidenceKey(service: string, device: string, suite: Suite): string {
  return `${targetId(service, device)}.${suite}`;
}

/**
 * One evidence record per (service, device, suite): the latest attempt, then the latest finish;
 * remaining ties are broken by content so that input order never matters.
 */
export function selectEvidence(evidence: readonly Evidence[]): Map<string, Evidence> {
  const chosen = new Map<string, Evidence>();
  const better = (a: Evidence, b: Evidence): boolean => {
    if (a.attempt !== b.attempt) return a.attempt > b.attempt;
    if (a.finishedAt !== b.finishedAt) return a.finishedAt > b.finishedAt;
    return JSON.stringify(a) > JSON.stringify(b);
  };
  for (const e of evidence) {
    const key = evidenceKey(e.service, e.device, e.suite);
    const current = chosen.get(key);
    if (current === undefined || better(e, current)) chosen.set(key, e);
  }
  return chosen;
}

function evaluateSuite(evidence: Evidence | undefined, suite: Suite, device: Device): SuiteResult {
  if (evidence === undefined) {
    if (suite === 'performance' && device.engine !== 'chromium') {
      return {
        score: null,
        status: 'not-applicable',
        reason: `Lighthouse needs Chromium; this device runs ${device.engine}.`,
        checks: [],
      };
    }
    return scoreSuite(undefined, []);
  }
  const { gather, checks } = evaluateEvidence(evidence);
  return scoreSuite(gather, checks);
}

function evaluateTarget(service: Service, device: Device, evidence: ReadonlyMap<string, Evidence>): TargetResult {
  const suites = Object.fromEntries(
    SUITES.map((suite) => [suite, evaluateSuite(evidence.get(evidenceKey(service.id, device.id, suite)), suite, device)]),
  ) as Record<Suite, SuiteResult>;
  return { id: targetId(service.id, device.id), service: service.id, device: device.id, suites };
}

function findCheck(target: TargetResult, id: string): CheckResult | undefined {
  for (const suite of SUITES) {
    const found = target.suites[suite].checks.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

function scorecardEntry(service: Service, targets: readonly TargetResult[], profile: Profile): Omit<ScorecardEntry, 'rank'> {
  const suites = Object.fromEntries(
    SUITES.map((suite) => {
      const m = mean(targets.flatMap((t) => (t.suites[suite].score === null ? [] : [t.suites[suite].score as number])));
      return [suite, m === null ? null : roundTo(m, SCORE_DIGITS)];
    }),
  ) as Record<Suite, number | null>;
  const overall = weightedMean(SUITES.map((suite) => ({ score: suites[suite], weight: profile.weights[suite] })));
  const gates = profile.gates.map((gate) => {
    const observations = targets.map((t) => ({ device: t.device, check: findCheck(t, gate.check) }));
    const title =
      gate.title ?? findCheckMeta(gate.check)?.title ?? observations.find((o) => o.check)?.check?.title ?? gate.check;
    return evaluateGate(gate, title, observations);
  });
  return {
    service: service.id,
    overall: overall === null ? null : roundTo(overall, SCORE_DIGITS),
    suites,
    gates,
    eligible: gates.every((g) => g.passed === true),
  };
}

function browserVersion(device: Device, evidence: ReadonlyMap<string, Evidence>, services: readonly Service[]): string | undefined {
  for (const service of services) {
    for (const suite of SUITES) {
      const version = evidence.get(evidenceKey(service.id, device.id, suite))?.browser.version;
      if (version && version !== 'unknown' && version !== 'n/a') return version;
    }
  }
  return undefined;
}

export function evaluateRun(input: EvaluateRunInput): RunResult {
  const evidence = selectEvidence(input.evidence);
  const targets = input.services.flatMap((service) => input.devices.map((device) => evaluateTarget(service, device, evidence)));
  const entries = input.services.map((service) =>
    scorecardEntry(
      service,
      targets.filter((t) => t.service === service.id),
      input.profile,
    ),
  );
  const { ranking, ranks } = rankServices(entries);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    runId: input.runId,
    startedAt: input.startedAt,
    evaluatedAt: input.evaluatedAt,
    fingerprint: input.fingerprint,
    profile: input.profile,
    environment: { ...input.environment },
    tools: Object.fromEntries(Object.entries(input.tools).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    services: input.services.map((s) => ({ id: s.id, name: s.name, vendor: s.vendor, kind: s.kind, baseUrl: s.baseUrl })),
    devices: input.devices.map((d) => {
      const version = browserVersion(d, evidence, input.services);
      return {
        id: d.id,
        name: d.name,
        engine: d.engine,
        formFactor: d.formFactor,
        ...(version !== undefined ? { browserVersion: version } : {}),
      };
    }),
    targets,
    scorecard: entries.map((e) => ({
      service: e.service,
      overall: e.overall,
      rank: ranks.get(e.service) ?? null,
      suites: e.suites,
      gates: e.gates,
      eligible: e.eligible,
    })),
    ranking,
  };
}
