/**
 * performance/responsiveness: how the page answers during each journey step — the slowest
 * interaction (the measure Interaction to Next Paint takes), main-thread blocking (Total Blocking
 * Time's measure, from long animation frames) and layout shifts of the step itself — read from the
 * browser's own instruments after every step of the timed walks (src/gather/timings.ts), logged-in
 * steps included. A step's value per metric is its median over the walks; each median is scored on
 * Lighthouse's curve for that metric (RESPONSIVENESS_CURVES), and the check is as good as its worst
 * step and metric, so one step that freezes the page fails it on its own.
 *
 * What an engine cannot observe is said, never guessed: Long Animation Frames and Layout Instability
 * are Chromium's; Event Timing is Chromium's and Firefox's; a walk on an engine with none of them
 * makes the check not applicable, naming what was missing. Event Timing keeps only interactions of
 * EVENT_TIMING_BUFFER_MS or longer: a step with none that long had only faster ones, which scores as
 * good (they are under INP's 200 ms "good" limit).
 */
import { EVENT_TIMING_BUFFER_MS, type PerformanceEvidence, type StepResponsiveness } from '../../core/index.ts';
import type { ControlPoints } from '../../scoring/curves.ts';
import { logNormalScore } from '../../scoring/curves.ts';
import { spread, type Spread } from '../../scoring/statistics.ts';
import type { Check, FindingInput } from '../types.ts';
import { PASS_THRESHOLD } from '../types.ts';
import { describeSpread, format } from './spread-text.ts';
import { required } from '../inputs.ts';

type Timings = NonNullable<PerformanceEvidence['timings']>;

export const RESPONSIVENESS_METRICS = ['interaction', 'blocking', 'layoutShift'] as const;
export type ResponsivenessMetric = (typeof RESPONSIVENESS_METRICS)[number];

interface Curve {
  readonly name: string;
  readonly unit: 'ms' | undefined;
  readonly points: ControlPoints;
  readonly source: string;
}

/**
 * One owner for the curves (docs/scoring.md quotes them). Lighthouse scores these metrics in its
 * timespan (user-flow) mode with the same control points; the timed walks run without CPU
 * throttling, on the machine's own speed, so blocking time takes Lighthouse's desktop curve.
 */
export const RESPONSIVENESS_CURVES: Readonly<Record<ResponsivenessMetric, Curve>> = {
  interaction: {
    name: 'slowest interaction (INP)',
    unit: 'ms',
    points: { p10: 200, median: 500 },
    source:
      'Lighthouse 13 core/audits/metrics/interaction-to-next-paint.js defaultOptions; web.dev/inp: good ≤ 200 ' +
      'ms, poor > 500 ms',
  },
  blocking: {
    name: 'main-thread blocking (TBT)',
    unit: 'ms',
    points: { p10: 150, median: 350 },
    source:
      'Lighthouse 13 core/audits/metrics/total-blocking-time.js defaultOptions, desktop (p10 150 ms, median 350 ms)',
  },
  layoutShift: {
    name: 'layout shift (CLS)',
    unit: undefined,
    points: { p10: 0.1, median: 0.25 },
    source:
      'Lighthouse 13 core/audits/metrics/cumulative-layout-shift.js defaultOptions; web.dev/cls: good ≤ 0.1, ' +
      'poor > 0.25',
  },
};

/** A step's value of one metric in one walk; undefined when the walk could not observe it. */
function valueOf(r: StepResponsiveness, metric: ResponsivenessMetric): number | undefined {
  switch (metric) {
    case 'interaction':
      // Observable, but none of EVENT_TIMING_BUFFER_MS or longer: every interaction was faster.
      return r.interactionsObservable ? (r.slowestInteractionMs ?? 0) : undefined;
    case 'blocking':
      return r.blockingMs ?? undefined;
    case 'layoutShift':
      return r.layoutShift ?? undefined;
  }
}

export interface StepResponsivenessSummary {
  readonly step: string;
  /** Per metric, the spread over the walks that observed it; absent: not observable on this engine. */
  readonly metrics: Partial<Record<ResponsivenessMetric, Spread>>;
}

/** Per journey step (in journey order) that reported responsiveness, the spread of each observed metric. */
export function stepResponsiveness(timings: Timings): StepResponsivenessSummary[] {
  const by = new Map<string, Record<ResponsivenessMetric, number[]>>();
  for (const run of timings.runs) {
    for (const p of run.phases) {
      const r = p.kind === 'step' && p.ok ? p.page?.responsiveness : undefined;
      if (!r) continue;
      const e = by.get(p.id) ?? { interaction: [], blocking: [], layoutShift: [] };
      for (const m of RESPONSIVENESS_METRICS) {
        const v = valueOf(r, m);
        if (v !== undefined) e[m].push(v);
      }
      by.set(p.id, e);
    }
  }
  return [...by.entries()].map(([step, e]) => {
    const metrics: Partial<Record<ResponsivenessMetric, Spread>> = {};
    for (const m of RESPONSIVENESS_METRICS) {
      const s = spread(e[m]);
      if (s) metrics[m] = s;
    }
    return { step, metrics };
  });
}

export const responsiveness: Check<'performance'> = {
  meta: {
    id: 'performance/responsiveness',
    suite: 'performance',
    title: 'The page answers promptly during every journey step',
    impact: 'serious',
    weight: 10,
    criteria: [],
    references: [
      'Lighthouse: Interaction to Next Paint, Total Blocking Time, Cumulative Layout Shift (timespan mode)',
      'W3C Event Timing; W3C Long Animation Frames; W3C Layout Instability',
    ],
    reads: ['performance.timings.runs[].phases[].page.responsiveness'],
    requires: { timings: 'No journey timings in this evidence.' },
    scoring: {
      points: RESPONSIVENESS_CURVES.interaction.points,
      source: RESPONSIVENESS_METRICS.map((m) => {
        const c = RESPONSIVENESS_CURVES[m];
        return `${c.name}: p10 ${c.points.p10}, median ${c.points.median} (${c.source})`;
      }).join('; '),
    },
  },
  evaluate({ data }) {
    const steps = stepResponsiveness(required(data.timings, 'performance.timings'));
    const observed = steps.filter((s) => Object.keys(s.metrics).length > 0);
    if (observed.length === 0) {
      return {
        status: 'not-applicable',
        detail:
          steps.length === 0
            ? 'No journey step reported how the page answered (evidence from before this check, or no step completed).'
            : 'This engine offers none of Event Timing, Long Animation Frames or Layout Instability: ' +
              'responsiveness is not observable here (the wall-clock step timings stand).',
      };
    }
    const judged = observed.flatMap((s) =>
      RESPONSIVENESS_METRICS.flatMap((m) => {
        const sp = s.metrics[m];
        return sp
          ? [{ step: s.step, metric: m, spread: sp, score: logNormalScore(RESPONSIVENESS_CURVES[m].points, sp.median) }]
          : [];
      }),
    );
    const worst = judged.reduce((a, b) => (b.score < a.score ? b : a));
    const findings: FindingInput[] = judged
      .filter((j) => j.score < PASS_THRESHOLD)
      .map((j) => {
        const c = RESPONSIVENESS_CURVES[j.metric];
        return {
          message:
            `${j.step}: ${c.name} ${format(j.spread.median, c.unit)} ` +
            `(${describeSpread(j.spread, c.unit, { range: false })}), above ${format(c.points.median, c.unit)}, ` +
            `the limit of a poor page (p10 ${format(c.points.p10, c.unit)}).`,
          step: j.step,
        };
      });
    const unobserved = RESPONSIVENESS_METRICS.filter((m) => !observed.some((s) => s.metrics[m]));
    const parts = observed.map(
      (s) =>
        `${s.step}: ${RESPONSIVENESS_METRICS.flatMap((m) => {
          const sp = s.metrics[m];
          return sp ? [`${RESPONSIVENESS_CURVES[m].name} ${format(sp.median, RESPONSIVENESS_CURVES[m].unit)}`] : [];
        }).join(', ')}`,
    );
    return {
      score: worst.score,
      value: worst.spread.median,
      ...(RESPONSIVENESS_CURVES[worst.metric].unit ? { unit: 'ms' } : {}),
      detail:
        `Medians per step — ${parts.join('; ')}; the check takes the lowest score (${worst.step}, ` +
        `${RESPONSIVENESS_CURVES[worst.metric].name}).` +
        ` Interactions under ${EVENT_TIMING_BUFFER_MS} ms are not kept by the browser and count as good.` +
        (unobserved.length > 0
          ? ` Not observable on this engine: ${unobserved.map((m) => RESPONSIVENESS_CURVES[m].name).join(', ')}.`
          : ''),
      findings,
    };
  },
};
