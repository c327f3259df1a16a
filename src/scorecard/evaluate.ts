/**
 * evaluateRun: Evidence + configuration → RunResult. Pure and deterministic: the same input gives
 * the same output (input order of evidence does not matter), so `erh report` re-scores a saved
 * run exactly.
 *
 * 1. Targets: every service × device (configuration order), each with all four suites. A suite
 *    without evidence is `missing` (lost), on every device: not-applicable cells are recorded as such
 *    by the harness, which asks the matrix (src/matrix/targets.ts) what applies.
 * 2. Suites: the checks of the suite's evidence (src/checks), scored by src/scoring.
 * 3. Scorecard per service: each suite's mean over the devices where it was scored; overall = the
 *    profile-weighted mean of those suite means (null suites left out, weights renormalised);
 *    gates (gates.ts); budgets (budgets.ts); eligibility; rank (rank.ts); the range of the overall
 *    score under run-to-run performance variation (range.ts).
 * 4. What each target recorded besides scores: the release read (service `release:`), the Lighthouse
 *    HTML reports, and the target's own profile-weighted overall.
 */
import type {
  CheckResult,
  Device,
  Evidence,
  EvidenceOf,
  Gate,
  HarnessErrorRef,
  LighthouseReportRef,
  Profile,
  RunResult,
  ScorecardEntry,
  Service,
  Suite,
  SuiteResult,
  TargetResult,
} from '../core/index.ts';
import { RESULT_SCHEMA_VERSION, SUITES, libraryProtocol, localize, ruleSuites, targetId } from '../core/index.ts';
import { SUITE_CHECKS, evaluateEvidence, findCheckMeta, type SuiteCheckTable } from '../checks/registry.ts';
import { mean, roundTo } from '../scoring/statistics.ts';
import { SCORE_DIGITS, scoreSuite } from '../scoring/suite.ts';
import { weightedMean } from '../scoring/weighted.ts';
import { evaluateBudget } from './budgets.ts';
import { evaluateGate, gateHolds, type GateObservation, ruleTitle } from './gates.ts';
import { performanceAtQuartile } from './range.ts';
import { rankServices } from './rank.ts';
import { loginSummary } from './login.ts';
import { examinedAny, restrictToSteps } from './steps.ts';
import { timingsReport } from './timings.ts';

export interface EvaluateRunInput {
  readonly runId: string;
  /** ISO 8601. */
  readonly startedAt: string;
  /** ISO 8601; passed in (not read from the clock) to keep evaluation pure. */
  readonly evaluatedAt: string;
  readonly fingerprint: string;
  readonly profile: Profile;
  readonly environment: RunResult['environment'];
  /**
   * Versions the run recorded when it was created (run.json: the driver libraries); the versions the
   * evidence itself records (axe-core, Lighthouse, each browser) are added by evaluateRun and win.
   * Never what is installed when the run is re-scored.
   */
  readonly tools: Readonly<Record<string, string>>;
  readonly services: readonly Service[];
  readonly devices: readonly Device[];
  readonly evidence: readonly Evidence[];
  /** The checks to run (default: the registry's). Tests pass a table with broken checks to prove how errors travel. */
  readonly checks?: SuiteCheckTable;
  /**
   * This run is one shard of a matrix (`erh run --shard i/n`): a cell without evidence may be another shard's, so it is
   * `missing` without being counted as lost. Absent for whole and merged runs, where a cell without evidence is lost.
   */
  readonly shard?: { readonly index: number; readonly total: number };
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

/**
 * A suite without evidence is `missing`, whatever the device: what does not apply to a target is
 * decided by the matrix (src/matrix/targets.ts, notApplicableReason) when the run is gathered, and
 * recorded as not-applicable evidence with its reason. A cell without evidence was lost (a shard not
 * merged, an interrupted run), never "not applicable": performance is gathered on every engine
 * (journey timings), only its Lighthouse part needs Chromium.
 */
function evaluateSuite(evidence: Evidence | undefined, table: SuiteCheckTable): SuiteResult {
  if (evidence === undefined) return scoreSuite(undefined, []);
  const { gather, checks } = evaluateEvidence(evidence, table);
  const scored = scoreSuite(gather, checks);
  // A retried gathering is recorded as such (the evidence keeps the earlier attempts' reasons).
  return evidence.attempt > 1 ? { ...scored, attempts: evidence.attempt } : scored;
}

function lighthouseReports(evidence: Evidence | undefined): LighthouseReportRef[] {
  if (evidence?.suite !== 'performance' || evidence.performance === undefined) return [];
  return evidence.performance.pages.flatMap((page) => {
    const file = page.runs.find((r) => r.report !== undefined)?.report;
    return file === undefined ? [] : [{ step: page.step, url: page.url, file }];
  });
}

function releaseOf(service: string, device: string, evidence: ReadonlyMap<string, Evidence>): TargetResult['release'] {
  for (const suite of ['compatibility', ...SUITES] as const) {
    const release = evidence.get(evidenceKey(service, device, suite))?.release;
    if (release !== undefined) return release;
  }
  return undefined;
}

/**
 * The harness errors of one target: every check in `error`, and every suite whose gathering failed
 * in the harness. `weighted`: the error leaves a suite that the profile weighs without its score.
 */
function targetErrors(
  target: Pick<TargetResult, 'id' | 'service' | 'device' | 'suites'>,
  profile: Profile,
  lostIsError: boolean,
): HarnessErrorRef[] {
  return SUITES.flatMap((suite) => {
    const result = target.suites[suite];
    const where = { target: target.id, service: target.service, device: target.device, suite };
    const weighs = profile.weights[suite] > 0;
    const checks = result.checks.flatMap((c): HarnessErrorRef[] =>
      c.status === 'error'
        ? [
            {
              ...where,
              check: c.id,
              cause: c.error?.cause ?? 'threw',
              weighted: weighs && c.weight > 0,
              message: c.error?.message ?? c.detail ?? '',
            },
          ]
        : [],
    );
    const checkBroke = checks.some((e) => e.weighted);
    const gathering: HarnessErrorRef[] =
      result.status === 'harness-error' && !checkBroke
        ? [
            {
              ...where,
              cause: 'gathering',
              weighted: weighs,
              message: result.reason ?? 'The harness could not gather this suite.',
            },
          ]
        : [];
    // No evidence at all: the harness lost the cell (what does not apply is recorded as not-applicable evidence).
    const lost: HarnessErrorRef[] =
      result.status === 'missing' && lostIsError
        ? [
            {
              ...where,
              cause: 'lost',
              weighted: weighs,
              message: result.reason ?? 'No evidence was found for this suite.',
            },
          ]
        : [];
    return [...gathering, ...lost, ...checks];
  });
}

function targetOverall(
  suites: Record<Suite, SuiteResult>,
  profile: Profile,
  errors: readonly HarnessErrorRef[],
): number | null {
  if (errors.some((e) => e.weighted)) return null;
  const overall = weightedMean(SUITES.map((suite) => ({ score: suites[suite].score, weight: profile.weights[suite] })));
  return overall === null ? null : roundTo(overall, SCORE_DIGITS);
}

function evaluateTarget(
  service: Service,
  device: Device,
  evidence: ReadonlyMap<string, Evidence>,
  profile: Profile,
  table: SuiteCheckTable,
  lostIsError: boolean,
): TargetResult {
  const suites = Object.fromEntries(
    SUITES.map((suite) => [suite, evaluateSuite(evidence.get(evidenceKey(service.id, device.id, suite)), table)]),
  ) as Record<Suite, SuiteResult>;
  const release = releaseOf(service.id, device.id, evidence);
  const reports = lighthouseReports(evidence.get(evidenceKey(service.id, device.id, 'performance')));
  const login = loginSummary(evidence.get(evidenceKey(service.id, device.id, 'login')), suites.login);
  const contentEvidence = evidence.get(evidenceKey(service.id, device.id, 'content'));
  const content = contentEvidence?.suite === 'content' ? contentEvidence.content : undefined;
  const id = targetId(service.id, device.id);
  return {
    id,
    service: service.id,
    device: device.id,
    overall: targetOverall(
      suites,
      profile,
      targetErrors({ id, service: service.id, device: device.id, suites }, profile, lostIsError),
    ),
    ...(release !== undefined ? { release } : {}),
    ...(reports.length > 0 ? { lighthouseReports: reports } : {}),
    ...(login !== undefined ? { login } : {}),
    ...(content !== undefined ? { content } : {}),
    suites,
  };
}

function findCheck(target: TargetResult, id: string): CheckResult | undefined {
  for (const suite of SUITES) {
    const found = target.suites[suite].checks.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

interface ServiceContext {
  readonly service: Service;
  readonly targets: readonly TargetResult[];
  readonly devices: readonly Device[];
  readonly evidence: ReadonlyMap<string, Evidence>;
  readonly checks: SuiteCheckTable;
  readonly lostIsError: boolean;
}

/** What each gate device says: the check (check gates) or the suite, restricted to the rule's steps (rule gates). */
function gateObservations(gate: Gate, ctx: ServiceContext): GateObservation[] {
  const required = gate.devices ?? ctx.devices.map((d) => d.id);
  return required.map((deviceId) => {
    const target = ctx.targets.find((t) => t.device === deviceId);
    const device = ctx.devices.find((d) => d.id === deviceId);
    if (target === undefined || device === undefined) return { device: deviceId };
    if (gate.noFailures === undefined) return { device: deviceId, check: findCheck(target, gate.check as string) };
    const rule = gate.noFailures;
    const steps = rule.steps;
    const suites = ruleSuites(rule);
    if (steps === undefined) return { device: deviceId, suites: suites.map((suite) => target.suites[suite]) };
    // Each suite restricted to the rule's steps; the steps count as examined when any complete record examined them.
    const records = suites.map((suite) => ({
      suite,
      record: ctx.evidence.get(evidenceKey(ctx.service.id, deviceId, suite)),
    }));
    const complete = records.flatMap(({ record }) => (record?.status === 'complete' ? [record] : []));
    return {
      device: deviceId,
      suites: records.map(({ suite, record }) =>
        record === undefined ? target.suites[suite] : evaluateSuite(restrictToSteps(record, steps), ctx.checks),
      ),
      ...(complete.length > 0 ? { examined: complete.some((record) => examinedAny(record, steps)) } : {}),
    };
  });
}

function gateTitle(gate: Gate, observations: readonly GateObservation[]): string {
  if (gate.title !== undefined) return localize(gate.title, 'en');
  if (gate.noFailures !== undefined) return ruleTitle(gate.noFailures);
  const check = gate.check as string;
  return findCheckMeta(check)?.title ?? observations.find((o) => o.check)?.check?.title ?? check;
}

/** Each suite's mean over the devices where it was scored; null when it has a harness error on any device. */
function serviceSuites(targets: readonly TargetResult[]): Record<Suite, number | null> {
  return Object.fromEntries(
    SUITES.map((suite) => {
      if (targets.some((t) => t.suites[suite].status === 'harness-error')) return [suite, null];
      const m = mean(targets.flatMap((t) => (t.suites[suite].score === null ? [] : [t.suites[suite].score as number])));
      return [suite, m === null ? null : roundTo(m, SCORE_DIGITS)];
    }),
  ) as Record<Suite, number | null>;
}

function overallOf(suites: Record<Suite, number | null>, profile: Profile): number | null {
  const overall = weightedMean(SUITES.map((suite) => ({ score: suites[suite], weight: profile.weights[suite] })));
  return overall === null ? null : roundTo(overall, SCORE_DIGITS);
}

/**
 * The overall score with every performance metric at its lower and upper quartile (range.ts);
 * undefined when there is no overall score.
 */
function overallRange(
  ctx: ServiceContext,
  profile: Profile,
  suites: Record<Suite, number | null>,
): { low: number; high: number } | undefined {
  const at = (quartile: 'q1' | 'q3'): number | null => {
    const perf = ctx.targets.flatMap((t) => {
      const record = ctx.evidence.get(evidenceKey(ctx.service.id, t.device, 'performance'));
      const device = ctx.devices.find((d) => d.id === t.device);
      if (record?.suite !== 'performance' || device === undefined || t.suites.performance.score === null) return [];
      const score = evaluateSuite(
        performanceAtQuartile(record as EvidenceOf<'performance'>, quartile),
        ctx.checks,
      ).score;
      return score === null ? [] : [score];
    });
    const m = mean(perf);
    return overallOf({ ...suites, performance: m === null ? suites.performance : roundTo(m, SCORE_DIGITS) }, profile);
  };
  const optimistic = at('q1');
  const pessimistic = at('q3');
  if (optimistic === null || pessimistic === null) return undefined;
  return { low: Math.min(optimistic, pessimistic), high: Math.max(optimistic, pessimistic) };
}

function scorecardEntry(ctx: ServiceContext, profile: Profile): Omit<ScorecardEntry, 'rank'> {
  const suites = serviceSuites(ctx.targets);
  const errors = ctx.targets.flatMap((t) => targetErrors(t, profile, ctx.lostIsError));
  // A weighted suite left without a score by a harness error leaves the overall null: never renormalised over the rest.
  const overall = errors.some((e) => e.weighted) ? null : overallOf(suites, profile);
  const gates = profile.gates.map((gate) => {
    const observations = gateObservations(gate, ctx);
    return evaluateGate(gate, gateTitle(gate, observations), observations);
  });
  const budgets = (profile.budgets ?? []).map((b) => evaluateBudget(b, { overall, suites }, ctx.targets));
  const range = overall === null ? undefined : overallRange(ctx, profile, suites);
  return {
    service: ctx.service.id,
    overall,
    suites,
    gates,
    eligible: gates.every(gateHolds),
    errors,
    ...(budgets.length > 0 ? { budgets } : {}),
    ...(range !== undefined ? { overallRange: range } : {}),
  };
}

/** The release a service reported: one version, or the distinct versions seen on its devices. */
function serviceRelease(targets: readonly TargetResult[]): string | undefined {
  const versions = [...new Set(targets.flatMap((t) => (t.release?.version ? [t.release.version] : [])))].sort();
  return versions.length === 0 ? undefined : versions.join(' / ');
}

/** A version the evidence records, unless it says it does not know. */
function known(version: string | undefined): version is string {
  return version !== undefined && version !== '' && version !== 'unknown' && version !== 'n/a';
}

/**
 * The tool versions the scored evidence recorded: axe-core (accessibility), Lighthouse (performance)
 * and the browser of each engine (`browser:<engine>`); several versions of one tool (shards gathered
 * on different machines) are listed joined by " / ".
 */
export function evidenceTools(evidence: Iterable<Evidence>): Record<string, string> {
  const seen = new Map<string, Set<string>>();
  const add = (tool: string, version: string | undefined) => {
    if (known(version)) seen.set(tool, (seen.get(tool) ?? new Set()).add(version));
  };
  for (const e of evidence) {
    add(`browser:${e.browser.engine}`, e.browser.version);
    if (e.suite === 'accessibility') add('axe-core', e.accessibility?.axeVersion);
    if (e.suite === 'performance') add('lighthouse', e.performance?.lighthouseVersion);
    if (e.suite === 'content') {
      add('ace', e.content?.tools.ace.version ?? undefined);
      add('epubcheck', e.content?.tools.epubcheck.version ?? undefined);
    }
  }
  return Object.fromEntries([...seen].map(([tool, versions]) => [tool, [...versions].sort().join(' / ')]));
}

function sortedTools(tools: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(tools).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function browserVersion(
  device: Device,
  evidence: ReadonlyMap<string, Evidence>,
  services: readonly Service[],
): string | undefined {
  for (const service of services) {
    for (const suite of SUITES) {
      const version = evidence.get(evidenceKey(service.id, device.id, suite))?.browser.version;
      if (known(version)) return version;
    }
  }
  return undefined;
}

export function evaluateRun(input: EvaluateRunInput): RunResult {
  const evidence = selectEvidence(input.evidence);
  const checks = input.checks ?? SUITE_CHECKS;
  const lostIsError = input.shard === undefined;
  const targets = input.services.flatMap((service) =>
    input.devices.map((device) => evaluateTarget(service, device, evidence, input.profile, checks, lostIsError)),
  );
  const entries = input.services.map((service) =>
    scorecardEntry(
      {
        service,
        targets: targets.filter((t) => t.service === service.id),
        devices: input.devices,
        evidence,
        checks,
        lostIsError,
      },
      input.profile,
    ),
  );
  const { ranking, ranks } = rankServices(entries);
  const timings = timingsReport(
    evidence,
    (s, d) => evidenceKey(s, d, 'performance'),
    input.services,
    input.devices,
    input.profile,
  );
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    runId: input.runId,
    startedAt: input.startedAt,
    evaluatedAt: input.evaluatedAt,
    fingerprint: input.fingerprint,
    profile: input.profile,
    environment: { ...input.environment },
    tools: sortedTools({ ...input.tools, ...evidenceTools(evidence.values()) }),
    services: input.services.map((s) => {
      const release = serviceRelease(targets.filter((t) => t.service === s.id));
      const library = libraryProtocol(s.library);
      return {
        id: s.id,
        name: s.name,
        vendor: s.vendor,
        kind: s.kind,
        baseUrl: s.baseUrl,
        ...(release !== undefined ? { release } : {}),
        login: s.login.strategy,
        ...(library !== undefined ? { librarySystem: library } : {}),
        releaseDeclared: s.release !== undefined,
        journey: s.journey.map((step) => ({ id: step.id, ...(step.name !== undefined ? { name: step.name } : {}) })),
      };
    }),
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
      errors: e.errors,
      ...(e.budgets !== undefined ? { budgets: e.budgets } : {}),
      ...(e.overallRange !== undefined ? { overallRange: e.overallRange } : {}),
    })),
    ranking,
    harnessErrors: entries.flatMap((e) => e.errors),
    ...(timings !== undefined ? { timings } : {}),
  };
}
