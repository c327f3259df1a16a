/**
 * The facts behind the scorecard's "why" paragraph: who ranks first and what put them there, who is
 * excluded by which gate on which devices, and which budgets were missed (a maximum exceeded or a
 * minimum not reached). Typed facts only — ids, numbers and kinds; src/render/why.ts words them in
 * the reader's language.
 */
import type { Impact, RunResult, ScorecardEntry, Suite } from '../core/index.ts';
import { SUITES } from '../core/index.ts';
import { roundTo } from '../scoring/statistics.ts';
import { RANK_DIGITS } from './rank.ts';

/** A suite where the leader scored above the next service, with its share of the lead in overall points. */
export interface LeadPart {
  readonly suite: Suite;
  readonly leader: number;
  readonly other: number;
  /** Overall points this suite contributes to the lead (weight share × score difference). */
  readonly points: number;
}

export interface LeaderFact {
  /** Services sharing rank 1 (one unless tied), in ranking order. */
  readonly services: readonly string[];
  /** Their overall score, whole points. */
  readonly score: number;
  /** The best-placed service after them, when there is one. */
  readonly next?: { readonly service: string; readonly score: number; readonly rank: number };
  /** Whole points between the leader's and the next service's shown scores. */
  readonly margin?: number;
  /** The score ranges (performance quartiles) of leader and next overlap: the lead is not clear. */
  readonly close: boolean;
  /** Suites that made most of the lead, largest first (at most two). */
  readonly leadParts: readonly LeadPart[];
}

/** One reason a service is excluded from the ranking. */
export type ExclusionReason =
  | {
      readonly kind: 'gate-failed' | 'gate-undecided';
      readonly gate: string;
      /** The gate's check (check gates) or rule id, for its title. */
      readonly check: string;
      /** Devices where it failed (or could not be decided). */
      readonly devices: readonly string[];
      /** Rule gates: the checks that broke it (distinct, in order), with their impact. */
      readonly failures: ReadonlyArray<{ readonly check: string; readonly impact: Impact }>;
    }
  | { readonly kind: 'not-scored' }
  | { readonly kind: 'harness-error'; readonly devices: readonly string[]; readonly suites: readonly Suite[] };

export interface ExclusionFact {
  readonly service: string;
  readonly reasons: readonly ExclusionReason[];
}

export interface BudgetMissFact {
  readonly service: string;
  readonly budget: string;
  /** value: a measured value went over its maximum; score: a score stayed below its minimum. */
  readonly direction: 'max-exceeded' | 'min-not-reached';
  readonly subject: string;
  readonly actual: number;
  readonly limit: number;
  readonly unit?: string;
  readonly devices: readonly string[];
}

export interface WhyFacts {
  readonly leader: LeaderFact | null;
  readonly excluded: readonly ExclusionFact[];
  readonly budgetMisses: readonly BudgetMissFact[];
  /** Services in the run. */
  readonly services: number;
}

const shown = (score: number): number => roundTo(score, RANK_DIGITS);

function leadParts(result: RunResult, a: ScorecardEntry, b: ScorecardEntry): LeadPart[] {
  const weights = result.profile.weights as Record<Suite, number>;
  const scored = SUITES.filter((s) => (weights[s] ?? 0) > 0 && a.suites[s] !== null && b.suites[s] !== null);
  const total = scored.reduce((sum, s) => sum + weights[s], 0);
  if (total === 0) return [];
  return scored
    .map((suite) => {
      const leader = a.suites[suite] as number;
      const other = b.suites[suite] as number;
      return { suite, leader, other, points: (weights[suite] / total) * (leader - other) };
    })
    .filter((p) => p.points >= 0.5)
    .sort((x, y) => y.points - x.points || SUITES.indexOf(x.suite) - SUITES.indexOf(y.suite))
    .slice(0, 2);
}

function overlaps(a: ScorecardEntry, b: ScorecardEntry): boolean {
  const span = (e: ScorecardEntry) =>
    e.overallRange ?? (e.overall === null ? undefined : { low: e.overall, high: e.overall });
  const ra = span(a);
  const rb = span(b);
  if (ra === undefined || rb === undefined) return false;
  if (Math.round(ra.low) === Math.round(ra.high) && Math.round(rb.low) === Math.round(rb.high)) return false;
  return Math.round(ra.low) <= Math.round(rb.high) && Math.round(rb.low) <= Math.round(ra.high);
}

function leader(result: RunResult): LeaderFact | null {
  const ranked = result.ranking.flatMap((id) => result.scorecard.filter((e) => e.service === id));
  const first = ranked[0];
  if (first === undefined || first.overall === null || first.rank === null) return null;
  const top = ranked.filter((e) => e.rank === first.rank);
  const next = ranked.find((e) => e.rank !== first.rank && e.overall !== null);
  const base = { services: top.map((e) => e.service), score: shown(first.overall) };
  if (next === undefined || next.overall === null || next.rank === null) {
    return { ...base, close: false, leadParts: [] };
  }
  return {
    ...base,
    next: { service: next.service, score: shown(next.overall), rank: next.rank },
    margin: shown(first.overall) - shown(next.overall),
    close: overlaps(first, next),
    leadParts: leadParts(result, first, next),
  };
}

function exclusion(entry: ScorecardEntry): ExclusionFact | null {
  if (entry.rank !== null) return null;
  const reasons: ExclusionReason[] = [];
  for (const gate of entry.gates) {
    if (gate.passed === true || gate.notApplicable === true) continue;
    const failures = gate.failures ?? [];
    const distinct = failures.filter((f, i) => failures.findIndex((g) => g.check === f.check) === i);
    reasons.push({
      kind: gate.passed === false ? 'gate-failed' : 'gate-undecided',
      gate: gate.id,
      check: gate.check,
      devices: gate.passed === false ? gate.failedOn : (gate.undecidedOn ?? []),
      failures: distinct.map((f) => ({ check: f.check, impact: f.impact })),
    });
  }
  const weighted = entry.errors.filter((e) => e.weighted);
  if (weighted.length > 0) {
    reasons.push({
      kind: 'harness-error',
      devices: [...new Set(weighted.map((e) => e.device))],
      suites: [...new Set(weighted.map((e) => e.suite))],
    });
  }
  if (reasons.length === 0 && entry.overall === null) reasons.push({ kind: 'not-scored' });
  return reasons.length > 0 ? { service: entry.service, reasons } : null;
}

function budgetMisses(entry: ScorecardEntry): BudgetMissFact[] {
  return (entry.budgets ?? []).flatMap((b) =>
    b.passed === false && b.actual !== null
      ? [
          {
            service: entry.service,
            budget: b.id,
            direction: b.kind === 'value' ? ('max-exceeded' as const) : ('min-not-reached' as const),
            subject: b.subject,
            actual: b.kind === 'score' ? shown(b.actual) : b.actual,
            limit: b.limit,
            ...(b.unit !== undefined ? { unit: b.unit } : {}),
            devices: b.failedOn,
          },
        ]
      : [],
  );
}

/** The facts of the "why" paragraph, in ranking order (excluded services in scorecard order). */
export function whyFacts(result: RunResult): WhyFacts {
  const order = [
    ...result.ranking,
    ...result.scorecard.map((e) => e.service).filter((s) => !result.ranking.includes(s)),
  ];
  const entries = order.flatMap((id) => result.scorecard.filter((e) => e.service === id));
  return {
    leader: leader(result),
    excluded: entries.map(exclusion).filter((x): x is ExclusionFact => x !== null),
    budgetMisses: entries.flatMap(budgetMisses),
    services: result.scorecard.length,
  };
}
