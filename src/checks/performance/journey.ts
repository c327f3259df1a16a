/**
 * Checks over the cross-engine journey timings (`performance.timings`, every device): how long the
 * patron's steps take, how much a walk transfers, and whether known trackers are contacted.
 *
 * Timings are repeated (profile `runs.timings`); per phase the **median** over the runs is scored on
 * a log-normal curve through two control points (src/scoring/curves.ts), like Lighthouse's metrics.
 * Each kind of step has its own curve, with control points from the response-time literature
 * (STEP_CURVES below; docs/scoring.md "Step curves"), so a step is judged on its own — a slow
 * service fails or loses points even when no faster rival was tested. The comparison between
 * vendors (src/scorecard/timings.ts, Mann-Whitney U) is separate and stays.
 */
import type { PerformanceEvidence, TimingPhase } from '../../core/index.ts';
import type { ControlPoints } from '../../scoring/curves.ts';
import { logNormalScore } from '../../scoring/curves.ts';
import { spread, type Spread } from '../../scoring/statistics.ts';
import type { Check, FindingInput } from '../types.ts';
import { describeSpread, runs } from './spread-text.ts';
import { required } from '../inputs.ts';
import { PASS_THRESHOLD } from '../types.ts';

/** Why a timing check does not apply to evidence without timings (older evidence). */
const NO_TIMINGS = 'No journey timings in this evidence.';

/**
 * The kinds of timed step a patron waits for, each judged on its own curve:
 * - `navigation`: a journey step that loads a new document (search → results page, open the item,
 *   open the reader);
 * - `interaction`: a journey step answered inside the same document (a search that updates in
 *   place, a page turn, a dialog opening);
 * - `login`: a login inside a step (login form → logged in: the form's page load, then the submit
 *   with the library system's round trip);
 * - `play`: pressing play until the audio's position advances.
 */
export const STEP_KINDS = ['navigation', 'interaction', 'login', 'play'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface StepCurve {
  /** p10 scores 0.9 ("good"); median scores 0.5: a step whose median is above it fails on its own. */
  readonly points: ControlPoints;
  readonly source: string;
}

const NIELSEN =
  'Nielsen, Usability Engineering (1993) §5.5 / Card, Robertson & Mackinlay (1991): 0.1 s feels instantaneous, 1 ' +
  's keeps the flow of thought, 10 s is the limit of attention';
const RAIL =
  'RAIL model (web.dev/rail): respond to input within 100 ms; 100–1000 ms (a page load, a change of view) feels ' +
  'a continuous task; beyond 1 s users lose focus, beyond 10 s they abandon';

/** Control points per kind of step, ms, with their sources. One owner: docs/scoring.md quotes this table. */
export const STEP_CURVES: Readonly<Record<StepKind, StepCurve>> = {
  navigation: {
    points: { p10: 1000, median: 4000 },
    source:
      `p10 1 s: ${NIELSEN}; ${RAIL}. Median 4 s: the Core Web Vitals border of a "poor" page load (LCP > 4 s, ` +
      `web.dev/lcp), well inside the 10 s limit of attention`,
  },
  interaction: {
    points: { p10: 100, median: 1000 },
    source:
      `p10 0.1 s and median 1 s: ${NIELSEN}; ${RAIL} — an answer inside the page needs no page load, so past 1 s ` +
      `the patron has lost the flow`,
  },
  login: {
    points: { p10: 2000, median: 8000 },
    source:
      "two page loads on the navigation curve (the form; the submit with the library system's round trip): p10 2 " +
      '× 1 s, median 2 × 4 s',
  },
  play: {
    points: { p10: 1000, median: 2000 },
    source:
      `p10 1 s: ${NIELSEN}. Median 2 s: viewers start to abandon a stream whose start-up delay exceeds 2 s ` +
      `(Krishnan & Sitaraman, Video Stream Quality Impacts Viewer Behavior, IMC 2012)`,
  },
};

/**
 * Page weight of one step (bytes transferred), after Lighthouse's total-byte-weight audit (p10 2667 KiB, median 4000
 * KiB).
 */
export const WEIGHT_POINTS: ControlPoints = { p10: 2667 * 1024, median: 4000 * 1024 };

type Timings = NonNullable<PerformanceEvidence['timings']>;

/**
 * The kind of step a timed phase is: a journey step is a navigation when it loaded a new document (or did not report).
 */
export function stepKind(phase: TimingPhase): StepKind {
  if (phase.kind === 'login') return 'login';
  if (phase.kind === 'play') return 'play';
  return phase.page?.navigated === false ? 'interaction' : 'navigation';
}

export interface PhaseSummary {
  readonly id: string;
  readonly kind: TimingPhase['kind'];
  /** The curve it is judged on (the kind of its first successful run). */
  readonly stepKind: StepKind;
  /**
   * The patron's wait in each successful run, ms. A journey step that logs in is timed without its
   * login (the login phase is judged on its own curve); its raw time is in `rawValues`.
   */
  readonly values: readonly number[];
  readonly rawValues: readonly number[];
  readonly spread: Spread | null;
  /** Runs in which the phase failed, with why. */
  readonly failed: number;
  readonly errors: readonly string[];
  /** Runs that ended before reaching the phase (an earlier phase failed). */
  readonly notReached: number;
}

/**
 * Per phase (in journey order), the successful runs' durations and their spread, the failed runs and the runs that
 * never reached it.
 */
export function phaseSummaries(timings: Timings): PhaseSummary[] {
  const order: Array<{ id: string; kind: TimingPhase['kind'] }> = [];
  const by = new Map<
    string,
    { values: number[]; raw: number[]; kinds: StepKind[]; failed: number; errors: string[]; seen: number }
  >();
  for (const run of timings.runs) {
    run.phases.forEach((p, i) => {
      let e = by.get(p.id);
      if (!e) {
        order.push({ id: p.id, kind: p.kind });
        e = { values: [], raw: [], kinds: [], failed: 0, errors: [], seen: 0 };
        by.set(p.id, e);
      }
      e.seen++;
      if (!p.ok) {
        e.failed++;
        if (p.error) e.errors.push(p.error);
        return;
      }
      // A login happens inside the step that follows it in the walk: that step's own time excludes it.
      const before = run.phases[i - 1];
      const login = p.kind === 'step' && before?.kind === 'login' && before.ok ? before.durationMs : 0;
      e.raw.push(p.durationMs);
      e.values.push(Math.max(0, p.durationMs - login));
      e.kinds.push(stepKind(p));
    });
  }
  return order.map(({ id, kind }) => {
    const e = by.get(id);
    const values = e?.values ?? [];
    const fallback: StepKind = kind === 'login' ? 'login' : kind === 'play' ? 'play' : 'navigation';
    return {
      id,
      kind,
      stepKind: e?.kinds[0] ?? fallback,
      values,
      rawValues: e?.raw ?? [],
      spread: spread(values),
      failed: e?.failed ?? 0,
      errors: [...new Set(e?.errors ?? [])],
      notReached: Math.max(0, timings.runs.length - (e?.seen ?? 0)),
    };
  });
}

const ms = (v: number) => `${Math.round(v)} ms`;

function networkNote(t: Timings): string {
  if (t.network.id === 'unthrottled') return 'unthrottled network';
  return t.network.applied
    ? `network ${t.network.id} applied`
    : `network ${t.network.id} NOT applied (${t.network.reason ?? 'not supported'})`;
}

/** One phase judged: its score (0 when it did not complete in every run), and its finding when it fails. */
interface Judged {
  readonly p: PhaseSummary;
  readonly score: number;
  readonly finding?: FindingInput;
}

function judge(p: PhaseSummary, total: number): Judged {
  const curve = STEP_CURVES[p.stepKind];
  const incomplete = p.failed + p.notReached;
  if (incomplete > 0) {
    const why = [
      p.failed > 0
        ? `failed in ${p.failed} of ${runs(total)}${p.errors.length > 0 ? ` (${p.errors.join('; ')})` : ''}`
        : undefined,
      p.notReached > 0 ? `was never reached in ${p.notReached} of ${runs(total)} (an earlier step failed)` : undefined,
    ].filter((x): x is string => x !== undefined);
    return {
      p,
      score: 0,
      finding: {
        message:
          `${p.id} did not complete in every timed walk: it ${why.join(', and ')}. A step that does not complete ` +
          `is a failure, whatever the other runs took.`,
        step: p.id,
      },
    };
  }
  const s = p.spread as Spread;
  const score = logNormalScore(curve.points, s.median);
  if (score >= PASS_THRESHOLD) return { p, score };
  const own = p.rawValues.some((v, i) => v !== p.values[i]) ? ' without the login inside it' : '';
  return {
    p,
    score,
    finding: {
      message:
        `${p.id} took ${ms(s.median)}${own} (${describeSpread(s, 'ms', { range: false })}), ` +
        `above ${ms(curve.points.median)}, the limit for ${p.stepKind === 'interaction' ? 'an' : 'a'} ` +
        `${p.stepKind} step (p10 ${ms(curve.points.p10)}).`,
      step: p.id,
    },
  };
}

/**
 * performance/journey-timings: every timed phase's median on the curve of its kind of step. The
 * check is as good as its worst phase (its score is the lowest phase score), so one step slower than
 * its limit fails the check on its own, and a phase that failed (or was never reached) in any run
 * scores 0 and is a finding.
 */
export const journeyTimings: Check<'performance'> = {
  meta: {
    id: 'performance/journey-timings',
    suite: 'performance',
    title: "The patron's journey steps are quick on this device",
    impact: 'serious',
    weight: 25,
    criteria: [],
    references: [
      'Nielsen: Response Times — The 3 Important Limits (1 s, 10 s)',
      'RAIL model (web.dev): respond within 100 ms, load within 1 s',
    ],
    reads: ['performance.timings.runs[].phases[]', 'performance.timings.network'],
    requires: { timings: NO_TIMINGS },
    scoring: {
      points: STEP_CURVES.navigation.points,
      source:
        `per kind of step (p10 / median, ms): ` +
        `${STEP_KINDS.map((k) => `${k} ${STEP_CURVES[k].points.p10}/${STEP_CURVES[k].points.median}`).join(', ')}. ` +
        `${STEP_KINDS.map((k) => `${k}: ${STEP_CURVES[k].source}`).join('. ')}.`,
    },
  },
  evaluate({ data }) {
    const t = required(data.timings, 'performance.timings');
    const walkErrors = [...new Set(t.runs.flatMap((r) => (r.error ? [r.error] : [])))];
    const phases = phaseSummaries(t);
    if (phases.length === 0) {
      return {
        status: 'inconclusive',
        detail:
          `No journey phase was timed in ` +
          `${runs(t.runs.length)}${walkErrors.length > 0 ? `: ${walkErrors.join('; ')}` : ''}.`,
      };
    }
    const judged = phases.map((p) => judge(p, t.runs.length));
    const worst = judged.reduce((a, b) => (b.score < a.score ? b : a));
    const measured = judged.filter((j) => j.p.spread !== null);
    const slowest = measured.reduce<Judged | undefined>(
      (a, b) => (a === undefined || (b.p.spread as Spread).median > (a.p.spread as Spread).median ? b : a),
      undefined,
    );
    const parts = judged.map((j) =>
      j.p.spread === null
        ? `${j.p.id} (${j.p.stepKind}): never completed`
        : `${j.p.id} (${j.p.stepKind}): ${describeSpread(j.p.spread, 'ms', { range: false })}` +
          `${j.p.failed + j.p.notReached > 0 ? `, incomplete in ${j.p.failed + j.p.notReached}` : ''}, ` +
          `score ${j.score.toFixed(2)}`,
    );
    return {
      score: worst.score,
      value: slowest ? (slowest.p.spread as Spread).median : null,
      unit: 'ms',
      detail: `${parts.join('; ')}; the check takes the lowest phase score (${worst.p.id}); ${networkNote(t)}.`,
      findings: judged.flatMap((j) => (j.finding ? [j.finding] : [])),
    };
  },
};

/** Bytes per step (medians over the runs), from Resource Timing. */
function stepWeights(timings: Timings): Array<{ step: string; bytes: Spread; requests: Spread }> {
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

/**
 * performance/page-weight: bytes transferred per step (median over runs); the heaviest step is scored on Lighthouse's
 * total-byte-weight curve.
 */
export const pageWeight: Check<'performance'> = {
  meta: {
    id: 'performance/page-weight',
    suite: 'performance',
    title: 'Pages are not heavy to download',
    impact: 'moderate',
    weight: 3,
    criteria: [],
    references: ['Lighthouse: Avoid enormous network payloads (total-byte-weight)'],
    reads: [
      'performance.timings.runs[].phases[].page.transferBytes',
      'performance.timings.runs[].phases[].page.requests',
    ],
    requires: { timings: NO_TIMINGS },
    scoring: {
      points: WEIGHT_POINTS,
      source:
        'Lighthouse 13 core/audits/byte-efficiency/total-byte-weight.js defaultOptions (p10 2667 KiB, median 4000 KiB)',
    },
  },
  evaluate({ data }) {
    const t = required(data.timings, 'performance.timings');
    const steps = stepWeights(t);
    if (steps.length === 0) return { status: 'inconclusive', detail: 'No step reported its resources.' };
    const scored = steps.map((s) => ({ ...s, score: logNormalScore(WEIGHT_POINTS, s.bytes.median) }));
    const heaviest = scored.reduce((a, b) => (b.bytes.median > a.bytes.median ? b : a));
    // A journey step no walk completed was never weighed: its bytes are unknown, not zero.
    const weighed = new Set(steps.map((s) => s.step));
    const unweighed = phaseSummaries(t)
      .filter((p) => p.kind === 'step' && !weighed.has(p.id))
      .map((p) => p.id);
    if (heaviest.score >= PASS_THRESHOLD && unweighed.length > 0) {
      return {
        status: 'inconclusive',
        value: heaviest.bytes.median,
        unit: 'bytes',
        detail:
          `No step weighed is heavy (heaviest ${heaviest.step}: ${kib(heaviest.bytes.median)}), but ` +
          `${unweighed.join(', ')} never completed in any walk, so ${unweighed.length === 1 ? 'its' : 'their'} ` +
          `weight is unknown.`,
      };
    }
    return {
      score: heaviest.score,
      value: heaviest.bytes.median,
      unit: 'bytes',
      detail:
        scored.map((s) => `${s.step}: ${kib(s.bytes.median)} in ${Math.round(s.requests.median)} requests`).join('; ') +
        ' ' +
        `(medians; cross-origin responses without Timing-Allow-Origin count 0 bytes).`,
      findings: scored
        .filter((s) => s.score < PASS_THRESHOLD)
        .map((s) => ({
          message: `${s.step} transfers ${kib(s.bytes.median)} (median), above ${kib(WEIGHT_POINTS.median)}.`,
          step: s.step,
        })),
    };
  },
};

/**
 * performance/no-trackers: no origin of a known tracker (analytics, ads, social, marketing, tag managers) is contacted
 * on the journey, logged-in steps included.
 */
export const noTrackers: Check<'performance'> = {
  meta: {
    id: 'performance/no-trackers',
    suite: 'performance',
    title: "No known trackers are contacted during the patron's journey",
    impact: 'serious',
    weight: 7,
    criteria: [],
    references: [
      'GDPR Art. 5(1)(c) data minimisation, Art. 25 data protection by design',
      'third-party-web entity list (categories ad, analytics, social, marketing, tag-manager)',
    ],
    reads: ['performance.timings.origins[]'],
    requires: { timings: NO_TIMINGS },
  },
  evaluate({ data }) {
    const t = required(data.timings, 'performance.timings');
    const others = t.origins.filter((o) => !o.firstParty);
    const trackers = t.origins.filter((o) => o.tracker !== undefined);
    // No walk reached the end: the steps after the failure were never observed, so "no tracker" is unknown there.
    const complete = t.runs.filter((r) => r.error === undefined).length;
    if (trackers.length === 0 && complete === 0) {
      const errors = [...new Set(t.runs.flatMap((r) => (r.error ? [r.error] : [])))];
      return {
        status: 'inconclusive',
        value: 0,
        unit: 'trackers',
        detail:
          `No known tracker in the steps reached, but none of the ${t.runs.length} timed walks completed the ` +
          `journey${errors.length > 0 ? ` (${errors.join('; ')})` : ''}, so the later steps were never observed.`,
      };
    }
    const list =
      others.length > 0
        ? ` Other sites contacted: ${others.map((o) => o.origin).join(', ')}.`
        : ' No other site was contacted.';
    return {
      score: trackers.length === 0 ? 1 : 0,
      value: trackers.length,
      unit: 'trackers',
      detail:
        `${trackers.length} known tracker${trackers.length === 1 ? '' : 's'} among ${t.origins.length} origins ` +
        `(${t.trackerList}).${list}`,
      findings: trackers.map((o) => ({
        message:
          `${o.origin} (${o.tracker?.entity}: ${o.tracker?.categories.join(', ')}) is contacted at ` +
          `${o.steps.join(', ')}, ${o.requestsPerWalk} requests per walk.`,
        ...(o.steps[0] ? { step: o.steps[0] } : {}),
      })),
    };
  },
};

export const JOURNEY_CHECKS: readonly Check<'performance'>[] = [journeyTimings, pageWeight, noTrackers];
