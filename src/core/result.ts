/**
 * RunResult: the scored outcome of a run (results.json). CI scripts may rely on: schemaVersion,
 * runId, services[].id, devices[].id, targets[] with service, device and suites.<suite>.{score,status},
 * and ranking (service ids, best first).
 *
 * Scores: check scores are 0–1; suite, overall and scorecard scores are 0–100. Null means "not
 * scored" (no evidence, not applicable, inconclusive) and is never silently treated as 0.
 */
import { z } from 'zod';
import { LOGIN_STRATEGIES, ProfileSchema, SCORE_BUDGET_SUBJECTS } from './config.ts';
import {
  LOGIN_OUTCOMES,
  LOGOUT_OUTCOMES,
  PREFLIGHT_STATUSES,
  ReleaseEvidenceSchema,
  ContentEvidenceSchema,
  THIRD_PARTY_COOKIE_STATES,
  TIMING_PHASE_KINDS,
} from './evidence.ts';
import { FORM_FACTORS } from './device.ts';
import { WcagScSchema } from './criteria.ts';
import {
  CheckErrorCauseSchema,
  CheckStatusSchema,
  EngineSchema,
  ImpactSchema,
  PatronRoleSchema,
  SERVICE_KINDS,
  SUITES,
  SuiteSchema,
  SuiteStatusSchema,
} from './ids.ts';

/**
 * 2: check `error` status and typed `criteria`, `findingsTotal`, `harnessErrors`, scorecard `errors`, gate
 * `notApplicable`, what each service declares.
 */
export const RESULT_SCHEMA_VERSION = 2 as const;

export const FindingSchema = z.strictObject({
  /** What is wrong, in English (the scorecard shows it as evidence, not translated). */
  message: z.string(),
  /**
   * The declared impact of the check (of the axe rule) that found it: severity comes from the rule, never from the
   * evidence.
   */
  impact: ImpactSchema,
  step: z.string().optional(),
  url: z.string().optional(),
  /** CSS selector of the element involved. */
  selector: z.string().optional(),
  /** Outer HTML of the element (vendor-controlled; escape when rendering). */
  html: z.string().optional(),
  /** Screenshot of the state, relative to the run directory. */
  screenshot: z.string().optional(),
  /** Where to read more (e.g. axe rule help). */
  helpUrl: z.string().optional(),
  /**
   * Which engines or harness probes reported it: `axe-core`, a probe check's id such as
   * `accessibility/focus-visible`, or another rule engine's name; several when engines agreed on the
   * same element and criterion. Absent in older results and for checks that are not about a page.
   */
  sources: z.array(z.string()).min(1).optional(),
  /**
   * True: a person must review this element (the engine could not decide), listed with the failures
   * of the same check at other elements or steps so that it does not vanish behind them.
   */
  needsReview: z.boolean().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const CheckResultSchema = z.strictObject({
  /** Stable id `<suite>/<name>`, e.g. login/valid-patron, accessibility/axe/color-contrast. */
  id: z.string(),
  suite: SuiteSchema,
  /** English title; the renderer translates known ids. */
  title: z.string(),
  status: CheckStatusSchema,
  /** 0–1, or null when not scored (not applicable, inconclusive). */
  score: z.number().min(0).max(1).nullable(),
  /** Relative weight of the check within its suite (0 = reported, not scored). */
  weight: z.number().min(0),
  /** Declared severity of a failure of this check. */
  impact: ImpactSchema,
  /**
   * WCAG success criteria the check tests (typed ids, e.g. "1.4.10"). The conformance table and the
   * gates read these; the WCAG and EN 301 549 citations in words are derived from them (src/core/criteria.ts).
   */
  criteria: z.array(WcagScSchema),
  /** Other sources the check is based on (not WCAG criteria), e.g. "Lighthouse: First Contentful Paint". */
  references: z.array(z.string()),
  /** Measured value the score came from, with its unit, when there is one. */
  value: z.number().nullable().optional(),
  unit: z.string().optional(),
  /** Why the status is what it is, one sentence (English). */
  detail: z.string().optional(),
  /** Present exactly when status is `error`: why the check could not be evaluated (a harness defect). */
  error: z.strictObject({ cause: CheckErrorCauseSchema, message: z.string() }).optional(),
  /** The findings kept for display (at most 50). */
  findings: z.array(FindingSchema),
  /** How many findings there were in all (gates and counts read this, never the kept list's length). */
  findingsTotal: z.number().int().nonnegative(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const SuiteResultSchema = z.strictObject({
  /** 0–100, null when not scored. */
  score: z.number().min(0).max(100).nullable(),
  status: SuiteStatusSchema,
  /** Why it is not scored / not passed (harness words). */
  reason: z.string().optional(),
  /** Times the harness gathered this suite, when it had to retry (> 1): the evidence names why. */
  attempts: z.number().int().min(2).optional(),
  checks: z.array(CheckResultSchema),
});
export type SuiteResult = z.infer<typeof SuiteResultSchema>;

/** A Lighthouse HTML report kept for a page (the representative, median run). */
export const LighthouseReportRefSchema = z.strictObject({
  /** Journey step of the audited page. */
  step: z.string(),
  url: z.string(),
  /** The report file, relative to the run directory. */
  file: z.string(),
});
export type LighthouseReportRef = z.infer<typeof LighthouseReportRefSchema>;

/**
 * The login verdict of one target as a committee reads it (from the login evidence): the valid
 * patron's outcome, why it is inconclusive, and per test patron what happened, what the page said,
 * how long it took and the screens. Vendor text (messages) is untrusted and escaped when rendered.
 */
export const LoginSummarySchema = z.strictObject({
  strategy: z.string(),
  /** The login/valid-patron verdict (or the login suite's status when that check is missing). */
  verdict: z.enum([
    'pass',
    'fail',
    'inconclusive',
    'not-applicable',
    'needs-review',
    'error',
    'unreachable',
    'timeout',
    'harness-error',
    'missing',
  ]),
  /** Why the verdict is not pass/fail: e.g. the library system could not be asked. */
  reason: z.string().optional(),
  /** Pre-flight against the library system: ok, unreachable or mismatch. */
  preflight: z.enum(PREFLIGHT_STATUSES).optional(),
  attempts: z.array(
    z.strictObject({
      role: PatronRoleSchema,
      outcome: z.enum(LOGIN_OUTCOMES),
      /** From submit to outcome, ms. */
      durationMs: z.number().nonnegative(),
      message: z.string().optional(),
      screenshot: z.string().optional(),
      formScreenshot: z.string().optional(),
      /** The second try of the attempt before it (which ended without an answer the harness could see). */
      retry: z.literal(true).optional(),
    }),
  ),
  /** Logout: ended, still-logged-in, not-tested or error; with the screen after logout. */
  logout: z.enum(LOGOUT_OUTCOMES).optional(),
  logoutScreenshot: z.string().optional(),
  /** Whether this browser kept cookies of a cross-site frame (when the login sits in one). */
  thirdPartyCookies: z.enum(THIRD_PARTY_COOKIE_STATES).optional(),
});
export type LoginSummary = z.infer<typeof LoginSummarySchema>;

export const TargetResultSchema = z.strictObject({
  /** `service@device` */
  id: z.string(),
  service: z.string(),
  device: z.string(),
  /** Profile-weighted mean of this target's suite scores, 0–100 (as the service overall, on one device). */
  overall: z.number().min(0).max(100).nullable().optional(),
  /** The release the service reported on this device, when it declares how to read it. */
  release: ReleaseEvidenceSchema.optional(),
  /** Lighthouse HTML reports of the audited pages. */
  lighthouseReports: z.array(LighthouseReportRefSchema).optional(),
  /** The login verdict with its evidence (issue 3); absent when there is no login evidence. */
  login: LoginSummarySchema.optional(),
  /**
   * The content suite's evidence as gathered (issue 18): publications with their EPUBCheck and Ace reports, the
   * accessibility statement and the ACR, for the scorecard's content section; absent where it was not gathered.
   */
  content: ContentEvidenceSchema.optional(),
  suites: z.strictObject(
    Object.fromEntries(SUITES.map((s) => [s, SuiteResultSchema])) as Record<
      (typeof SUITES)[number],
      typeof SuiteResultSchema
    >,
  ),
});
export type TargetResult = z.infer<typeof TargetResultSchema>;

export const GateResultSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  check: z.string(),
  /** true passed, false failed, null could not be decided (inconclusive or missing evidence) or did not apply. */
  passed: z.boolean().nullable(),
  /**
   * The gate does not apply to this service on any required device (e.g. a login gate for an
   * open-access service): it neither passes nor blocks eligibility.
   */
  notApplicable: z.boolean().optional(),
  /** Devices on which the check did not pass. */
  failedOn: z.array(z.string()),
  /** Devices on which the gate could not be decided (inconclusive, missing, not examined), when any. */
  undecidedOn: z.array(z.string()).optional(),
  /** For rule gates (`noFailures`): the failing checks that broke the gate, per device. */
  failures: z.array(z.strictObject({ device: z.string(), check: z.string(), impact: ImpactSchema })).optional(),
});
export type GateResult = z.infer<typeof GateResultSchema>;

const budgetResult = {
  id: z.string(),
  /** Title from the profile, or the check's English title. */
  title: z.string(),
  /** The limit: a maximum value (value budgets) or a minimum score (score budgets). */
  limit: z.number(),
  unit: z.string().optional(),
  /** The worst value over devices (value budgets) or the score (score budgets); null when not measured. */
  actual: z.number().nullable(),
  /** true within budget, false over budget, null not measured. */
  passed: z.boolean().nullable(),
  /** Devices on which a value budget was exceeded. */
  failedOn: z.array(z.string()),
};

export const BudgetResultSchema = z.discriminatedUnion('kind', [
  /** A value budget: `subject` is a check id with a measured value. */
  z.strictObject({ ...budgetResult, kind: z.literal('value'), subject: z.string() }),
  /** A score budget: `subject` is a suite or `overall`. */
  z.strictObject({ ...budgetResult, kind: z.literal('score'), subject: z.enum(SCORE_BUDGET_SUBJECTS) }),
]);
export type BudgetResult = z.infer<typeof BudgetResultSchema>;

/**
 * A harness failure inside a run: a check that could not be evaluated (status `error`) or a suite
 * whose gathering failed in the harness. Counted and shown; any of them makes erh exit 3.
 */
export const HarnessErrorRefSchema = z.strictObject({
  /** `service@device` */
  target: z.string(),
  service: z.string(),
  device: z.string(),
  suite: SuiteSchema,
  /** The check in error; absent when the suite's gathering failed. */
  check: z.string().optional(),
  /**
   * The check's typed cause; `gathering` when the harness could not gather the suite; `lost` when the run holds no
   * evidence for the cell at all (an interrupted run re-scored, a shard left out of a merge, an unreadable file).
   */
  cause: z.union([CheckErrorCauseSchema, z.literal('gathering'), z.literal('lost')]),
  /**
   * Whether the error leaves a weighted part of the score without a value (the suite and the service overall are then
   * null).
   */
  weighted: z.boolean(),
  message: z.string(),
});
export type HarnessErrorRef = z.infer<typeof HarnessErrorRefSchema>;

export const ScorecardEntrySchema = z.strictObject({
  service: z.string(),
  /** Weighted mean of suite scores, 0–100; null when nothing could be scored. */
  overall: z.number().min(0).max(100).nullable(),
  /** 1 = best; null when not ranked (a gate failed or nothing scored). Equal scores share a rank. */
  rank: z.number().int().positive().nullable(),
  /** Mean of the suite's score across devices, 0–100. */
  suites: z.strictObject(
    Object.fromEntries(SUITES.map((s) => [s, z.number().nullable()])) as Record<
      (typeof SUITES)[number],
      z.ZodNullable<z.ZodNumber>
    >,
  ),
  gates: z.array(GateResultSchema),
  /** All gates passed (or did not apply). */
  eligible: z.boolean(),
  /**
   * Harness errors that leave this service's score incomplete: a suite with an error on some device
   * has no service score (null), and a weighted suite without a score leaves the overall null, so the
   * service is not ranked until the error is fixed and the run re-scored.
   */
  errors: z.array(HarnessErrorRefSchema),
  /** Budgets of the profile, when it has any. */
  budgets: z.array(BudgetResultSchema).optional(),
  /**
   * How far the overall score moves when every performance metric is taken at its lower or upper
   * quartile over the repeated Lighthouse runs instead of the median (other suites are deterministic).
   * Two services whose ranges overlap are not clearly different.
   */
  overallRange: z.strictObject({ low: z.number().min(0).max(100), high: z.number().min(0).max(100) }).optional(),
});
export type ScorecardEntry = z.infer<typeof ScorecardEntrySchema>;

/** One timed phase (journey step, login, play) of one service on one device: median and spread over the runs. */
export const TimingCellSchema = z.strictObject({
  service: z.string(),
  /** Successful runs, and runs in which the phase failed. */
  n: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** ms; null when no run succeeded. */
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
  /** The network profile was applied on this device. */
  networkApplied: z.boolean(),
  /**
   * How the page answered during the step (journey steps only; medians over the walks, from
   * performance/responsiveness's summary): slowest interaction and blocking time in ms, layout shift
   * unitless; null where this engine cannot observe it. Absent for login and play phases.
   */
  responsiveness: z
    .strictObject({
      interactionMs: z.number().nullable(),
      blockingMs: z.number().nullable(),
      layoutShift: z.number().nullable(),
    })
    .optional(),
});

/** Two services compared on one phase and device: a two-sided Mann-Whitney U test of their run timings. */
export const TimingComparisonSchema = z.strictObject({
  device: z.string(),
  phase: z.string(),
  /** The service with the lower median, and the other. */
  faster: z.string(),
  slower: z.string(),
  fasterMedian: z.number(),
  slowerMedian: z.number(),
  nFaster: z.number().int(),
  nSlower: z.number().int(),
  /** Two-sided p-value; `exact` or `asymptotic` (ties or large samples). */
  p: z.number(),
  method: z.enum(['exact', 'asymptotic']),
  /** p < the profile's significance level: the scorecard may say "faster". */
  significant: z.boolean(),
});
export type TimingComparison = z.infer<typeof TimingComparisonSchema>;

/** Journey timings across services: per device and phase, each service's median and spread, and pairwise tests. */
export const TimingsReportSchema = z.strictObject({
  /** Significance level of the comparisons (profile significance). */
  alpha: z.number(),
  /** Timed walks requested per target (profile runs.timings). */
  runs: z.number().int(),
  /** Network profile id. */
  network: z.string(),
  rows: z.array(
    z.strictObject({
      device: z.string(),
      phase: z.string(),
      kind: z.enum(TIMING_PHASE_KINDS),
      cells: z.array(TimingCellSchema),
    }),
  ),
  comparisons: z.array(TimingComparisonSchema),
});
export type TimingsReport = z.infer<typeof TimingsReportSchema>;

export const RunResultSchema = z.strictObject({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  runId: z.string(),
  /** When gathering started / evaluation finished (ISO 8601). */
  startedAt: z.iso.datetime(),
  evaluatedAt: z.iso.datetime(),
  /** sha256 of everything in the configuration that affects scores. */
  fingerprint: z.string(),
  profile: ProfileSchema,
  environment: z.strictObject({
    harnessVersion: z.string(),
    node: z.string(),
    platform: z.string(),
    arch: z.string(),
    cpus: z.number().int(),
    /** Total memory in GiB. */
    memoryGiB: z.number(),
    ci: z.boolean(),
  }),
  /** Versions of the tools that produced the evidence. */
  tools: z.record(z.string(), z.string()),
  services: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      vendor: z.string(),
      kind: z.enum(SERVICE_KINDS),
      baseUrl: z.string(),
      /** The release tested: the version read on every device, or the distinct versions joined by " / ". */
      release: z.string().optional(),
      /**
       * What the service declares, so that the scorecard says only what was done: its login strategy (`none`: open
       * access).
       */
      login: z.enum(LOGIN_STRATEGIES),
      /**
       * The library system the test patrons were checked with before the login was tested; absent: none declared (no
       * pre-flight).
       */
      librarySystem: z.enum(['sip2', 'koha-rest']).optional(),
      /** The service declares how to read its release version (`release:` in its YAML). */
      releaseDeclared: z.boolean(),
      /** The journey as declared: step ids with their names (when the YAML gives one). */
      journey: z.array(z.strictObject({ id: z.string(), name: z.string().optional() })),
    }),
  ),
  devices: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      engine: EngineSchema,
      formFactor: z.enum(FORM_FACTORS),
      /** Browser version seen in the evidence, when known. */
      browserVersion: z.string().optional(),
    }),
  ),
  targets: z.array(TargetResultSchema),
  scorecard: z.array(ScorecardEntrySchema),
  /** Service ids of eligible services, best first. */
  ranking: z.array(z.string()),
  /** Every harness error of the run (checks in error, suites whose gathering failed): erh exits 3 when any. */
  harnessErrors: z.array(HarnessErrorRefSchema),
  /** Journey timings between services, with significance (absent when no evidence has timings). */
  timings: TimingsReportSchema.optional(),
});
export type RunResult = z.infer<typeof RunResultSchema>;
