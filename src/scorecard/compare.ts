/**
 * compareRuns: two RunResults (+ the Lighthouse samples of their evidence) → CompareResult. Pure.
 *
 * Per service and device, suite by suite (a suite that was not gathered in one of the runs is
 * `not-compared`, never a regression: an unreachable vendor is not a worse vendor):
 * - accessibility: a scored check (weight > 0) that did not fail before and fails now is a
 *   `new-failure`, a regression when the profile says so (`regressions.accessibility.newFailures`)
 *   and its impact is at least `minImpact`; the reverse is `fixed`; a check failing in both runs on
 *   more or fewer elements is `more-findings` / `fewer-findings` (shown, not a regression);
 * - login: login/valid-patron passing before and failing now is `login-broken` (a regression when
 *   `regressions.login.brokenOnDevice`); other login and compatibility checks give
 *   `new-failure` / `fixed`, shown, not regressions;
 * - performance: per audited page and metric, the medians of the repeated runs. A timing that grows
 *   by more than `slowdownPercent` % and `slowdownMs` ms (CLS: by more than `clsIncrease`) is a
 *   `slowdown`; it is a regression only when it is significant: at least `minRuns` runs on both
 *   sides and the quartile ranges apart (new lower quartile above the old upper quartile). With fewer
 *   runs it is reported as a possible slowdown, not a verdict (Lighthouse's variability guidance).
 * - gates: a gate that passed and now fails is `gate-failed`, a regression (the service is no longer
 *   eligible); the reverse is `gate-passed`;
 * - the overall score moving by a whole point or more is `score-drop` / `score-rise`; a regression
 *   only when it drops by more than `regressions.overallDrop` points (off unless set).
 * Each service carries the release read in each run, so the comparison says which release changed what.
 */
import type {
  Change,
  CheckResult,
  CompareResult,
  Evidence,
  GateResult,
  Impact,
  RegressionThresholds,
  RunResult,
  ServiceComparison,
  Suite,
  TargetResult,
} from '../core/index.ts';
import {
  COMPARED_METRICS,
  COMPARE_SCHEMA_VERSION,
  DEFAULT_REGRESSION_THRESHOLDS,
  IMPACTS,
  SUITES,
  targetId,
} from '../core/index.ts';
import type { ComparedMetric } from '../core/index.ts';
import { roundTo, spread, type Spread } from '../scoring/statistics.ts';
import { selectEvidence } from './evaluate.ts';
import { failureImpact } from './gates.ts';
import { RANK_DIGITS } from './rank.ts';

const METRIC_NAMES: Record<ComparedMetric, string> = {
  fcp: 'First Contentful Paint',
  lcp: 'Largest Contentful Paint',
  tbt: 'Total Blocking Time',
  cls: 'Cumulative Layout Shift',
};

/** Lighthouse metric values of every run: target id → page step → metric → values. */
export type PerformanceSamples = Readonly<
  Record<string, Readonly<Record<string, Readonly<Partial<Record<ComparedMetric, readonly number[]>>>>>>
>;

/** The samples in a run's evidence (the record `evaluateRun` would pick per target). */
export function performanceSamples(evidence: readonly Evidence[]): PerformanceSamples {
  const out: Record<string, Record<string, Partial<Record<ComparedMetric, number[]>>>> = {};
  for (const e of selectEvidence(evidence).values()) {
    if (e.suite !== 'performance' || e.status !== 'complete' || e.performance === undefined) continue;
    const pages: Record<string, Partial<Record<ComparedMetric, number[]>>> = {};
    for (const page of e.performance.pages) {
      pages[page.step] = Object.fromEntries(
        COMPARED_METRICS.map((m) => [
          m,
          page.runs.flatMap((r) => (r.metrics[m] === null ? [] : [r.metrics[m] as number])),
        ]),
      );
    }
    out[targetId(e.service, e.device)] = pages;
  }
  return out;
}

export interface CompareInput {
  readonly old: RunResult;
  readonly new: RunResult;
  readonly oldSamples?: PerformanceSamples;
  readonly newSamples?: PerformanceSamples;
  /** Default: the new run's profile `regressions:`, else the defaults. */
  readonly thresholds?: RegressionThresholds;
}

const GATHERED = ['passed', 'failed'] as const;

function gathered(target: TargetResult | undefined, suite: Suite): boolean {
  return target !== undefined && (GATHERED as readonly string[]).includes(target.suites[suite].status);
}

function atLeast(impact: Impact, min: Impact): boolean {
  return IMPACTS.indexOf(impact) >= IMPACTS.indexOf(min);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function checkChanges(
  suite: Suite,
  device: string,
  before: readonly CheckResult[],
  after: readonly CheckResult[],
  th: RegressionThresholds,
): Change[] {
  if (suite === 'performance') return []; // metrics are compared on their runs, below
  const old = new Map(before.map((c) => [c.id, c]));
  const changes: Change[] = [];
  const ids = [...new Set([...after.map((c) => c.id), ...before.map((c) => c.id)])].sort();
  for (const id of ids) {
    const was = old.get(id);
    const now = after.find((c) => c.id === id);
    const failedBefore = was?.status === 'fail';
    const failsNow = now?.status === 'fail';
    const base = { device, check: id, title: (now ?? was)?.title ?? id };
    if (id === 'login/valid-patron') {
      if (was?.status === 'pass' && failsNow) {
        changes.push({
          kind: 'login-broken',
          regression: th.login.brokenOnDevice,
          ...base,
          impact: now.impact,
          detail: `The valid test patron no longer logs in on ${device}.`,
        });
      } else if (failedBefore && now?.status === 'pass') {
        changes.push({
          kind: 'login-fixed',
          regression: false,
          ...base,
          detail: `The valid test patron logs in again on ${device}.`,
        });
      }
      continue;
    }
    if (failsNow && !failedBefore && now.weight > 0) {
      const impact = failureImpact(now);
      const regression =
        suite === 'accessibility' && th.accessibility.newFailures && atLeast(impact, th.accessibility.minImpact);
      changes.push({
        kind: 'new-failure',
        regression,
        ...base,
        impact,
        after: now.findings.length,
        detail:
          `${now.title}: fails now on ${device} (${plural(now.findings.length, 'finding')}); it ` +
          `${was === undefined ? 'was not seen' : `was ${was.status}`} before.`,
      });
    } else if (failedBefore && !failsNow && was.weight > 0) {
      const seen = now === undefined ? 'not seen now' : `${now.status} now`;
      changes.push({
        kind: 'fixed',
        regression: false,
        ...base,
        impact: failureImpact(was),
        before: was.findings.length,
        detail: `${was.title}: failed before on ${device}, ${seen}.`,
      });
    } else if (failedBefore && failsNow && now.weight > 0 && now.findings.length !== was.findings.length) {
      const more = now.findings.length > was.findings.length;
      changes.push({
        kind: more ? 'more-findings' : 'fewer-findings',
        regression: false,
        ...base,
        impact: failureImpact(now),
        before: was.findings.length,
        after: now.findings.length,
        detail:
          `${now.title}: fails in both runs on ${device}, on ${was.findings.length} → ${now.findings.length} ` +
          `elements.`,
      });
    }
  }
  return changes;
}

function fmt(value: number, metric: ComparedMetric): string {
  return metric === 'cls' ? value.toFixed(3) : `${Math.round(value)} ms`;
}

function metricChanges(
  device: string,
  before: PerformanceSamples[string] | undefined,
  after: PerformanceSamples[string] | undefined,
  th: RegressionThresholds['performance'],
): Change[] {
  if (before === undefined || after === undefined) return [];
  const changes: Change[] = [];
  for (const step of Object.keys(after).sort()) {
    const o = before[step];
    const n = after[step];
    if (o === undefined || n === undefined) continue;
    for (const metric of COMPARED_METRICS) {
      const so = spread(o[metric] ?? []);
      const sn = spread(n[metric] ?? []);
      if (so === null || sn === null) continue;
      const delta = sn.median - so.median;
      const beyond = (d: number): boolean =>
        metric === 'cls'
          ? d > th.clsIncrease
          : d > th.slowdownMs && (so.median === 0 || (d / so.median) * 100 > th.slowdownPercent);
      const slower = beyond(delta);
      const faster =
        !slower &&
        (metric === 'cls'
          ? -delta > th.clsIncrease
          : -delta > th.slowdownMs && (-delta / so.median) * 100 > th.slowdownPercent);
      if (!slower && !faster) continue;
      const enough = so.n >= th.minRuns && sn.n >= th.minRuns;
      const apart = (a: Spread, b: Spread) => b.q1 > a.q3; // b's lower quartile above a's upper quartile
      const significant = enough && (slower ? apart(so, sn) : apart(sn, so));
      const pct = so.median === 0 ? '' : ` (${delta > 0 ? '+' : ''}${Math.round((delta / so.median) * 100)} %)`;
      const why = !enough
        ? `too few runs to call it significant (${so.n} and ${sn.n}; ${th.minRuns} needed on both sides)`
        : significant
          ? 'beyond the run-to-run spread (quartile ranges apart)'
          : 'within the run-to-run spread (quartile ranges overlap)';
      changes.push({
        kind: slower ? 'slowdown' : 'speedup',
        regression: slower && significant,
        device,
        step,
        metric,
        title: METRIC_NAMES[metric],
        before: roundTo(so.median, 3),
        after: roundTo(sn.median, 3),
        ...(metric === 'cls' ? {} : { unit: 'ms' }),
        significant,
        detail:
          `${METRIC_NAMES[metric]} at ${step} on ${device}: median ${fmt(so.median, metric)} → ` +
          `${fmt(sn.median, metric)}${pct}; ${why}.`,
      });
    }
  }
  return changes;
}

function gateChanges(before: readonly GateResult[], after: readonly GateResult[]): Change[] {
  return after.flatMap((gate): Change[] => {
    const was = before.find((g) => g.id === gate.id);
    if (was?.passed === true && gate.passed === false) {
      return [
        {
          kind: 'gate-failed',
          regression: true,
          check: gate.id,
          title: gate.title,
          detail:
            `Must-pass gate "${gate.title}" passed before and fails ` +
            `now${gate.failedOn.length > 0 ? ` (on ${gate.failedOn.join(', ')})` : ''}.`,
        },
      ];
    }
    if (was?.passed === false && gate.passed === true) {
      return [
        {
          kind: 'gate-passed',
          regression: false,
          check: gate.id,
          title: gate.title,
          detail: `Must-pass gate "${gate.title}" failed before and passes now.`,
        },
      ];
    }
    return [];
  });
}

function compareService(id: string, input: CompareInput, th: RegressionThresholds): ServiceComparison {
  const oldService = input.old.services.find((s) => s.id === id);
  const newService = input.new.services.find((s) => s.id === id);
  const oldEntry = input.old.scorecard.find((e) => e.service === id);
  const newEntry = input.new.scorecard.find((e) => e.service === id);
  const oldRelease = oldService?.release ?? null;
  const newRelease = newService?.release ?? null;
  const head = {
    service: id,
    name: newService?.name ?? oldService?.name ?? id,
    oldRelease,
    newRelease,
    releaseChanged: oldRelease !== newRelease,
    oldOverall: oldEntry?.overall ?? null,
    newOverall: newEntry?.overall ?? null,
  };
  if (oldService === undefined || newService === undefined) {
    const detail = oldService === undefined ? 'Not in the old run.' : 'Not in the new run.';
    return {
      ...head,
      status: 'not-compared',
      regressed: false,
      changes: [{ kind: 'not-compared', regression: false, detail }],
    };
  }
  const changes: Change[] = [];
  const devices = [...new Set([...input.new.devices.map((d) => d.id), ...input.old.devices.map((d) => d.id)])];
  for (const device of devices) {
    const was = input.old.targets.find((t) => t.service === id && t.device === device);
    const now = input.new.targets.find((t) => t.service === id && t.device === device);
    if (was === undefined || now === undefined) {
      changes.push({
        kind: 'not-compared',
        regression: false,
        device,
        detail: `${device} is ${was === undefined ? 'not in the old run' : 'not in the new run'}.`,
      });
      continue;
    }
    for (const suite of SUITES) {
      if (!gathered(was, suite) || !gathered(now, suite)) {
        const o = was.suites[suite].status;
        const n = now.suites[suite].status;
        if (o !== n && !(o === 'not-applicable' && n === 'not-applicable')) {
          changes.push({
            kind: 'not-compared',
            regression: false,
            device,
            check: suite,
            detail: `The ${suite} suite on ${device} was ${o} before and is ${n} now: it cannot be compared.`,
          });
        }
        continue;
      }
      changes.push(...checkChanges(suite, device, was.suites[suite].checks, now.suites[suite].checks, th));
      if (suite === 'performance') {
        const key = targetId(id, device);
        changes.push(...metricChanges(device, input.oldSamples?.[key], input.newSamples?.[key], th.performance));
      }
    }
  }
  changes.push(...gateChanges(oldEntry?.gates ?? [], newEntry?.gates ?? []));
  if (head.oldOverall !== null && head.newOverall !== null) {
    const before = roundTo(head.oldOverall, RANK_DIGITS);
    const after = roundTo(head.newOverall, RANK_DIGITS);
    if (after !== before) {
      const drop = before - after;
      changes.push({
        kind: after < before ? 'score-drop' : 'score-rise',
        regression: th.overallDrop !== undefined && drop > th.overallDrop,
        before,
        after,
        detail: `Overall score ${before} → ${after}.`,
      });
    }
  }
  const regressed = changes.some((c) => c.regression);
  const status = regressed
    ? 'regressed'
    : changes.some((c) => c.kind !== 'not-compared')
      ? 'changed'
      : changes.length > 0
        ? 'not-compared'
        : 'unchanged';
  return { ...head, status, regressed, changes };
}

/**
 * Why nothing in the two runs can be compared, or undefined when something can: a service in both
 * runs with a device in both whose suite was gathered in both. `erh compare` exits 2 on a reason.
 */
export function nothingComparable(old: RunResult, now: RunResult): string | undefined {
  const services = now.services.map((s) => s.id).filter((id) => old.services.some((s) => s.id === id));
  if (services.length === 0) return 'no service is in both runs';
  const pairs = now.targets
    .filter((t) => services.includes(t.service))
    .flatMap((t) => {
      const was = old.targets.find((o) => o.service === t.service && o.device === t.device);
      return was === undefined ? [] : [[was, t] as const];
    });
  if (pairs.length === 0) return `no device of ${services.join(', ')} is in both runs`;
  const gatheredInBoth = pairs.some(([was, t]) => SUITES.some((suite) => gathered(was, suite) && gathered(t, suite)));
  return gatheredInBoth ? undefined : 'no suite was gathered in both runs for the same service and device';
}

export function compareRuns(input: CompareInput): CompareResult {
  const th = input.thresholds ?? input.new.profile.regressions ?? DEFAULT_REGRESSION_THRESHOLDS;
  const ids = [...new Set([...input.new.services.map((s) => s.id), ...input.old.services.map((s) => s.id)])];
  const services = ids.map((id) => compareService(id, input, th));
  const ref = (r: RunResult) => ({
    runId: r.runId,
    startedAt: r.startedAt,
    fingerprint: r.fingerprint,
    profile: r.profile.id,
  });
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    old: ref(input.old),
    new: ref(input.new),
    sameConfiguration: input.old.fingerprint === input.new.fingerprint,
    thresholds: th,
    services,
    regressed: services.filter((s) => s.regressed).map((s) => s.service),
  };
}
