/**
 * Journey timings between vendors (pure): for each device and timed phase (journey step, login,
 * play) that several services share, each service's median with its quartiles, and for every pair
 * of services a two-sided Mann-Whitney U test on their run timings. The scorecard says "A is faster
 * than B" only when p is below the profile's significance level; otherwise it says the data does not
 * tell them apart. No correction for multiple comparisons is applied: each statement is about one
 * phase on one device, and the p-value is shown next to it.
 *
 * Phases are matched by id (e.g. `search`, `login`, `play`): services whose journeys name their steps
 * the same are compared step by step.
 */
import type {
  Device,
  Evidence,
  Profile,
  Service,
  TimingCellSchema,
  TimingComparison,
  TimingsReport,
} from '../core/index.ts';
import { networkConditions } from '../core/index.ts';
import type { z } from 'zod';
import { phaseSummaries, type PhaseSummary } from '../checks/performance/journey.ts';
import { stepResponsiveness, type StepResponsivenessSummary } from '../checks/performance/responsiveness.ts';
import { mannWhitneyU } from '../scoring/mann-whitney.ts';
import { roundTo } from '../scoring/statistics.ts';

type Cell = z.infer<typeof TimingCellSchema>;

export function timingsReport(
  evidence: ReadonlyMap<string, Evidence>,
  key: (service: string, device: string) => string,
  services: readonly Service[],
  devices: readonly Device[],
  profile: Profile,
): TimingsReport | undefined {
  const alpha = profile.significance;
  const rows: TimingsReport['rows'] = [];
  const comparisons: TimingComparison[] = [];
  let any = false;
  for (const device of devices) {
    const perService = new Map<
      string,
      { phases: PhaseSummary[]; applied: boolean; answers: StepResponsivenessSummary[] }
    >();
    for (const service of services) {
      const e = evidence.get(key(service.id, device.id));
      const t = e?.suite === 'performance' && e.status === 'complete' ? e.performance?.timings : undefined;
      if (!t) continue;
      any = true;
      perService.set(service.id, {
        phases: phaseSummaries(t),
        applied: t.network.applied,
        answers: stepResponsiveness(t),
      });
    }
    // Phases in the order they first appear, across services.
    const phases: Array<{ id: string; kind: TimingsReport['rows'][number]['kind'] }> = [];
    for (const { phases: ps } of perService.values())
      for (const p of ps) if (!phases.some((x) => x.id === p.id)) phases.push({ id: p.id, kind: p.kind });
    for (const phase of phases) {
      const cells: Cell[] = [];
      const samples: Array<{ service: string; values: readonly number[]; median: number }> = [];
      for (const [service, { phases: ps, applied, answers }] of perService) {
        const p = ps.find((x) => x.id === phase.id);
        if (!p) continue;
        const s = p.spread;
        const a = p.kind === 'step' ? answers.find((x) => x.step === phase.id) : undefined;
        const median = (m: keyof StepResponsivenessSummary['metrics'], digits: number) => {
          const v = a?.metrics[m]?.median;
          return v === undefined ? null : roundTo(v, digits);
        };
        cells.push({
          service,
          n: p.values.length,
          failed: p.failed,
          median: s ? roundTo(s.median, 1) : null,
          q1: s ? roundTo(s.q1, 1) : null,
          q3: s ? roundTo(s.q3, 1) : null,
          networkApplied: applied,
          ...(a
            ? {
                responsiveness: {
                  interactionMs: median('interaction', 0),
                  blockingMs: median('blocking', 0),
                  layoutShift: median('layoutShift', 4),
                },
              }
            : {}),
        });
        if (s) samples.push({ service, values: p.values, median: s.median });
      }
      if (cells.length < 2) continue;
      rows.push({ device: device.id, phase: phase.id, kind: phase.kind, cells });
      for (let i = 0; i < samples.length; i++) {
        for (let j = i + 1; j < samples.length; j++) {
          const a = samples[i] as (typeof samples)[number];
          const b = samples[j] as (typeof samples)[number];
          const [fast, slow] = a.median <= b.median ? [a, b] : [b, a];
          const test = mannWhitneyU(fast.values, slow.values);
          if (!test) continue;
          comparisons.push({
            device: device.id,
            phase: phase.id,
            faster: fast.service,
            slower: slow.service,
            fasterMedian: roundTo(fast.median, 1),
            slowerMedian: roundTo(slow.median, 1),
            nFaster: test.nX,
            nSlower: test.nY,
            p: roundTo(test.p, 6),
            method: test.method,
            significant: test.p < alpha && fast.median < slow.median,
          });
        }
      }
    }
  }
  if (!any) return undefined;
  const net = profile.network;
  return { alpha, runs: profile.runs.timings, network: networkConditions(net)?.id ?? 'unthrottled', rows, comparisons };
}
