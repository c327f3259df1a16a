/**
 * The check contract. A check is metadata plus one small pure function, like a Lighthouse audit:
 * the metadata declares id, suite, title, impact (severity of a failure), weight and references,
 * and which evidence the check reads; the function maps that evidence to a CheckOutcome.
 * `toCheckResult` (normalise.ts) is the only place that turns an outcome into a CheckResult, so
 * every invariant of a result (score range, status, findings cap) is enforced in one place.
 */
import type {
  AccessibilityEvidence,
  CheckStatus,
  CompatibilityEvidence,
  ContentEvidence,
  Finding,
  Impact,
  LoginEvidence,
  PerformanceEvidence,
  StepEvidence,
  Suite,
  WcagSc,
} from '../core/index.ts';
import type { ControlPoints } from '../scoring/curves.ts';

/**
 * Weight policy (after Lighthouse's accessibility weights in core/config/default-config.js):
 * a check's weight follows its declared impact unless its definition says otherwise.
 */
export const IMPACT_WEIGHTS = { minor: 1, moderate: 3, serious: 7, critical: 10 } as const satisfies Record<
  Impact,
  number
>;

/** A scored check passes when its score is at least this (value at or below a curve's median). */
export const PASS_THRESHOLD = 0.5;

/** Findings kept per check result; the rest are counted in `detail`. */
export const MAX_FINDINGS = 50;

/** The suite payload a check of that suite reads, keyed by suite. */
export interface SuiteData {
  login: LoginEvidence;
  accessibility: AccessibilityEvidence;
  performance: PerformanceEvidence;
  compatibility: CompatibilityEvidence;
  content: ContentEvidence;
}

/** What a check is given: its suite's payload and the journey steps walked while gathering. */
export interface CheckInput<S extends Suite = Suite> {
  readonly data: SuiteData[S];
  readonly steps: readonly StepEvidence[];
}

export interface CheckMeta<S extends Suite = Suite> {
  /** Stable id `<suite>/<name>`; fixtures, gates and translations refer to it. */
  readonly id: string;
  readonly suite: S;
  /** English title; the renderer translates known ids. */
  readonly title: string;
  /** Declared severity of a failure (axe's vocabulary). Never derived from findings. */
  readonly impact: Impact;
  /** Relative weight within the suite; 0 = reported, not scored. */
  readonly weight: number;
  /**
   * WCAG success criteria the check tests, as typed ids (e.g. `['1.4.10']`); their WCAG and
   * EN 301 549 citations are derived (src/core/criteria.ts). Empty for checks that test no criterion.
   */
  readonly criteria: readonly WcagSc[];
  /**
   * Other sources, never WCAG or EN 301 549 clauses (those come from `criteria`), e.g. "Lighthouse: First Contentful
   * Paint".
   */
  readonly references: readonly string[];
  /**
   * Evidence the check reads: `<suite>.<field>` paths into its suite's payload (what follows the
   * field documents which part, e.g. `login.attempts[role=valid]`), and `steps` for the journey steps.
   * Enforced at the one boundary (inputs.ts, from runCheck): the check is given only the payload
   * fields it declares, and reading another is an `error` result (cause `undeclared-read`).
   */
  readonly reads: readonly string[];
  /**
   * Payload fields the check cannot do without, each with why it is not applicable when the
   * evidence lacks it (e.g. no journey timings in this evidence). Decided at the boundary: the check
   * is not run. Every field here is also in `reads`.
   */
  readonly requires?: { readonly [K in keyof SuiteData[S]]?: string };
  /** For metric checks: the curve's control points (per form factor when they differ) and their source. */
  readonly scoring?: {
    readonly points: ControlPoints | { readonly mobile: ControlPoints; readonly desktop: ControlPoints };
    readonly source: string;
  };
}

/** A finding as a check reports it; its impact is always the check's declared impact (set by the normaliser). */
export type FindingInput = Omit<Finding, 'impact'>;

/** Statuses a check may report without a score (`error` is the normaliser's alone). */
export const UNSCORED_STATUSES = ['needs-review', 'not-applicable', 'inconclusive'] as const;
export type UnscoredStatus = (typeof UNSCORED_STATUSES)[number];

/**
 * What a check function returns. Either a score (0–1; the status is derived from it), or an
 * unscored status. Binary checks return 1 or 0.
 */
export type CheckOutcome = (
  { readonly score: number; readonly status?: never } | { readonly score?: never; readonly status: UnscoredStatus }
) & {
  /** Measured value the score came from, with its unit. */
  readonly value?: number | null;
  readonly unit?: string;
  /** One sentence (English) saying why the result is what it is. */
  readonly detail?: string;
  readonly findings?: readonly FindingInput[];
};

export interface Check<S extends Suite = Suite> {
  readonly meta: CheckMeta<S>;
  evaluate(input: CheckInput<S>): CheckOutcome;
}

/** Checks that exist only when the evidence names them (one per axe rule seen). */
export interface CheckFamily<S extends Suite = Suite> {
  readonly suite: S;
  /** Id prefix of the generated checks, e.g. `accessibility/axe/`. */
  readonly idPrefix: string;
  readonly title: string;
  checks(input: CheckInput<S>): readonly Check<S>[];
}

/** Everything a suite evaluates: fixed checks plus generated families. */
export interface SuiteChecks<S extends Suite = Suite> {
  readonly suite: S;
  readonly checks: readonly Check<S>[];
  readonly families: readonly CheckFamily<S>[];
}

export type { CheckStatus };
