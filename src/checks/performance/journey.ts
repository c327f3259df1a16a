/**
 * Checks over the cross-engine journey timings (`performance.timings`, every device): how long the
 * patron's steps take, how much a walk transfers, and whether known trackers are contacted.
 *
 * Timings are repeated (profile `runs.timings`); per phase the **median** over the runs is scored on
 * a log-normal curve through two documented control points (src/scoring/curves.ts), like
 * Lighthouse's metrics. These control points are harness policy, sourced below; docs/scoring.md
 * lists them.
 */
import type { PerformanceEvidence, TimingPhase } from '../../core/index.ts';
import type { ControlPoints } from '../../scoring/curves.ts';
import { logNormalScore } from '../../scoring/curves.ts';
import { mean, spread, type Spread } from '../../scoring/statistics.ts';
import type { Check, FindingInput } from '../types.ts';
import { PASS_THRESHOLD } from '../types.ts';

/** Control points per kind of timed phase, ms. */
export const PHASE_POINTS: Readonly<Record<TimingPhase['kind'], ControlPoints>> = {
  // A step is one patron action and the page it brings (search → results, open item, open reader):
  // 1 s keeps the patron's flow of thought, past 4 s the wait feels broken (Nielsen, Response Times:
  // The 3 Important Limits; the same points as login/time-to-login).
  step: { p10: 1000, median: 4000 },
  // A login is two page loads (the form, then the submit and the library system's round trip).
  login: { p10: 2000, median: 6000 },
  // Pressing play until the position advances: 0.5 s feels immediate for media start; 2 s is where
  // listeners start to press again (harness policy).
  play: { p10: 500, median: 2000 },
};

/** Page weight of one step (bytes transferred), after Lighthouse's total-byte-weight audit (p10 2667 KiB, median 4000 KiB). */
export const WEIGHT_POINTS: ControlPoints = { p10: 2667 * 1024, median: 4000 * 1024 };

type Timings = NonNullable<PerformanceEvidence['timings']>;

export interface PhaseSummary {
  readonly id: string;
  readonly kind: TimingPhase['kind'];
  /** Durations of the successful runs of this phase, ms. */
  readonly values: readonly number[];
  readonly spread: Spread | null;
  /** Runs in which the phase failed. */
  readonly failed: number;
}

/** Per phase (in journey order), the successful runs' durations and their spread. */
export function phaseSummaries(timings: Timings): PhaseSummary[] {
  const order: Array<{ id: string; kind: TimingPhase['kind'] }> = [];
  const values = new Map<string, number[]>();
  const failed = new Map<string, number>();
  for (const run of timings.runs) {
    for (const p of run.phases) {
      if (!values.has(p.id)) {
        order.push({ id: p.id, kind: p.kind });
        values.set(p.id, []);
        failed.set(p.id, 0);
      }
      if (p.ok) values.get(p.id)?.push(p.durationMs);
      else failed.set(p.id, (failed.get(p.id) ?? 0) + 1);
    }
  }
  return order.map(({ id, kind }) => {
    const v = values.get(id) ?? [];
    return { id, kind, values: v, spread: spread(v), failed: failed.get(id) ?? 0 };
  });
}

const ms = (v: number) => `${Math.round(v)} ms`;
const describe = (s: Spread) => `median ${ms(s.median)}, IQR ${Math.round(s.q1)}–${ms(s.q3)}, ${s.n} run${s.n === 1 ? '' : 's'}`;

function networkNote(t: Timings): string {
  if (t.network.id === 'unthrottled') return 'unthrottled network';
  return t.network.applied ? `network ${t.network.id} applied` : `network ${t.network.id} NOT applied (${t.network.reason ?? 'not supported'})`;
}

/** performance/journey-timings: every timed phase's median on its curve; the check's score is their mean. */
export const journeyTimings: Check<'performance'> = {
  meta: {
    id: 'performance/journey-timings',
    suite: 'performance',
    title: 'The patron\'s journey steps are quick on this device',
    impact: 'serious',
    weight: 25,
    references: ['Nielsen: Response Times — The 3 Important Limits (1 s, 10 s)', 'RAIL model (web.dev): respond within 100 ms, load within 1 s'],
    reads: ['performance.timings.runs[].phases[]', 'performance.timings.network'],
    scoring: { points: PHASE_POINTS.step, source: 'harness policy: step 1000/4000 ms, login 2000/6000 ms, play 500/2000 ms (p10 / median)' },
  },
  evaluate({ data }) {
    const t = data.timings;
    if (!t) return { status: 'not-applicable', detail: 'No journey timings in this evidence.' };
    const phases = phaseSummaries(t);
    const measured = phases.flatMap((p) => (p.spread ? [{ p, s: p.spread, score: logNormalScore(PHASE_POINTS[p.kind], p.spread.median) }] : []));
    if (measured.length === 0) return { status: 'inconclusive', detail: `No journey phase completed in ${t.runs.length} runs.` };
    const findings: FindingInput[] = measured
      .filter((m) => m.score < PASS_THRESHOLD)
      .map((m) => ({
        message: `${m.p.id} took ${ms(m.s.median)} (median; ${describe(m.s)}), above ${ms(PHASE_POINTS[m.p.kind].median)}, the border of "poor" for a ${m.p.kind}.`,
        step: m.p.id,
      }));
    for (const p of phases.filter((x) => x.failed > 0)) {
      findings.push({ message: `${p.id} failed in ${p.failed} of ${t.runs.length} runs.`, step: p.id });
    }
    const worst = measured.reduce((a, b) => (b.s.median > a.s.median ? b : a));
    return {
      score: mean(measured.map((m) => m.score)) as number,
      value: worst.s.median,
      unit: 'ms',
      detail: `${measured.map((m) => `${m.p.id}: ${describe(m.s)}, score ${m.score.toFixed(2)}`).join('; ')}; ${networkNote(t)}.`,
      findings,
    };
  },
};

/** Bytes per step (medians over the runs), from Resource Timing. */
export function stepWeights(timings: Timings): Array<{ step: string; bytes: Spread; requests: Spread }> {
  const by = new Map<string, { bytes: number[]; requests: number[] }>();
  for (const run of timings.runs) {
    for (const p of run.phases) {
      if (!p.page) continue;
      const e = by.get(p.id) ?? { bytes: [], requests: [] };
      e.bytes.push(p.page.transferBytes);
      e.requests.push(p.page.requests);
      by.set(p.id, e);
    }
  }
  return [...by.entries()].flatMap(([step, e]) => {
    const bytes = spread(e.bytes);
    const requests = spread(e.requests);
    return bytes && requests ? [{ step, bytes, requests }] : [];
  });
}

const kib = (b: number) => `${Math.round(b / 1024)} KiB`;

/** performance/page-weight: bytes transferred per step (median over runs); the heaviest step is scored on Lighthouse's total-byte-weight curve. */
export const pageWeight: Check<'performance'> = {
  meta: {
    id: 'performance/page-weight',
    suite: 'performance',
    title: 'Pages are not heavy to download',
    impact: 'moderate',
    weight: 3,
    references: ['Lighthouse: Avoid enormous network payloads (total-byte-weight)'],
    reads: ['performance.timings.runs[].phases[].page.transferBytes', 'performance.timings.runs[].phases[].page.requests'],
    scoring: { points: WEIGHT_POINTS, source: 'Lighthouse 13 core/audits/byte-efficiency/total-byte-weight.js defaultOptions (p10 2667 KiB, median 4000 KiB)' },
  },
  evaluate({ data }) {
    const t = data.timings;
    if (!t) return { status: 'not-applicable', detail: 'No journey timings in this evidence.' };
    const steps = stepWeights(t);
    if (steps.length === 0) return { status: 'inconclusive', detail: 'No step reported its resources.' };
    const scored = steps.map((s) => ({ ...s, score: logNormalScore(WEIGHT_POINTS, s.bytes.median) }));
    const heaviest = scored.reduce((a, b) => (b.bytes.median > a.bytes.median ? b : a));
    return {
      score: heaviest.score,
      value: heaviest.bytes.median,
      unit: 'bytes',
      detail: `${scored.map((s) => `${s.step}: ${kib(s.bytes.median)} in ${Math.round(s.requests.median)} requests`).join('; ')} (medians; cross-origin responses without Timing-Allow-Origin count 0 bytes).`,
      findings: scored
        .filter((s) => s.score < PASS_THRESHOLD)
        .map((s) => ({ message: `${s.step} transfers ${kib(s.bytes.median)} (median), above ${kib(WEIGHT_POINTS.median)}.`, step: s.step })),
    };
  },
};

/** performance/no-trackers: no origin of a known tracker (analytics, ads, social, marketing, tag managers) is contacted on the journey, logged-in steps included. */
export const noTrackers: Check<'performance'> = {
  meta: {
    id: 'performance/no-trackers',
    suite: 'performance',
    title: 'No known trackers are contacted during the patron\'s journey',
    impact: 'serious',
    weight: 7,
    references: ['GDPR Art. 5(1)(c) data minimisation, Art. 25 data protection by design', 'third-party-web entity list (categories ad, analytics, social, marketing, tag-manager)'],
    reads: ['performance.timings.origins[]'],
  },
  evaluate({ data }) {
    const t = data.timings;
    if (!t) return { status: 'not-applicable', detail: 'No journey timings in this evidence.' };
    const others = t.origins.filter((o) => !o.firstParty);
    const trackers = t.origins.filter((o) => o.tracker !== undefined);
    const list = others.length > 0 ? ` Other sites contacted: ${others.map((o) => o.origin).join(', ')}.` : ' No other site was contacted.';
    return {
      score: trackers.length === 0 ? 1 : 0,
      value: trackers.length,
      unit: 'trackers',
      detail: `${trackers.length} known tracker${trackers.length === 1 ? '' : 's'} among ${t.origins.length} origins (${t.trackerList}).${list}`,
      findings: trackers.map((o) => ({
        message: `${o.origin} (${o.tracker?.entity}: ${o.tracker?.categories.join(', ')}) is contacted at ${o.steps.join(', ')}, ${o.requestsPerWalk} requests per walk.`,
        ...(o.steps[0] ? { step: o.steps[0] } : {}),
      })),
    };
  },
};

export const JOURNEY_CHECKS: readonly Check<'performance'>[] = [journeyTimings, pageWeight, noTrackers];
