/**
 * CompareResult: what `erh compare <old-run> <new-run>` found (compare.json, next to compare.html).
 * Per service: the release tested in each run, and every change between the runs, each marked as a
 * regression or not by the profile's thresholds (profile `regressions:`). CI scripts may rely on
 * `schemaVersion`, `regressed` (service ids) and `services[].{service, regressed, changes[].kind}`.
 *
 * Scores are 0–100; metric values are in their unit (ms, or unitless for CLS).
 */
import { z } from 'zod';
import { RegressionThresholdsSchema } from './config.ts';
import { ImpactSchema } from './ids.ts';

export const COMPARE_SCHEMA_VERSION = 1 as const;

/**
 * - new-failure / fixed: a check that did not fail before and fails now, or the other way round;
 * - more-findings / fewer-findings: a check failing in both runs, on more or fewer elements;
 * - login-broken / login-fixed: login/valid-patron on a device;
 * - slowdown / speedup: a Lighthouse metric median on a page;
 * - gate-failed / gate-passed: a must-pass gate changed its verdict;
 * - score-drop / score-rise: the overall score moved by at least one whole point;
 * - not-compared: a device or suite could not be compared (not gathered in one of the runs).
 */
export const CHANGE_KINDS = [
  'new-failure',
  'fixed',
  'more-findings',
  'fewer-findings',
  'login-broken',
  'login-fixed',
  'slowdown',
  'speedup',
  'gate-failed',
  'gate-passed',
  'score-drop',
  'score-rise',
  'not-compared',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The Lighthouse metrics `erh compare` follows between runs (keys of the evidence's run metrics). */
export const COMPARED_METRICS = ['fcp', 'lcp', 'tbt', 'cls'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

export const ChangeSchema = z.strictObject({
  kind: z.enum(CHANGE_KINDS),
  /** The profile's thresholds call this change a regression. */
  regression: z.boolean(),
  device: z.string().optional(),
  /** Check id (or gate id for gate changes). */
  check: z.string().optional(),
  /** English title of the check or gate. */
  title: z.string().optional(),
  impact: ImpactSchema.optional(),
  /** Journey step (metrics: the audited page). */
  step: z.string().optional(),
  /** Lighthouse metric: fcp, lcp, tbt or cls. */
  metric: z.enum(COMPARED_METRICS).optional(),
  before: z.number().nullable().optional(),
  after: z.number().nullable().optional(),
  unit: z.string().optional(),
  /** For metric changes: whether the change is beyond the run-to-run spread (quartile ranges apart, enough runs). */
  significant: z.boolean().optional(),
  /** One English sentence: what changed. */
  detail: z.string(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const SERVICE_COMPARISONS = ['regressed', 'changed', 'unchanged', 'not-compared'] as const;

export const ServiceComparisonSchema = z.strictObject({
  service: z.string(),
  name: z.string(),
  /** Release in the old and new run (null when not declared or not read). */
  oldRelease: z.string().nullable(),
  newRelease: z.string().nullable(),
  releaseChanged: z.boolean(),
  oldOverall: z.number().nullable(),
  newOverall: z.number().nullable(),
  /** regressed: some change is a regression; changed: changes, none a regression; not-compared: absent from a run. */
  status: z.enum(SERVICE_COMPARISONS),
  regressed: z.boolean(),
  changes: z.array(ChangeSchema),
});
export type ServiceComparison = z.infer<typeof ServiceComparisonSchema>;

const RunRef = z.strictObject({
  runId: z.string(),
  startedAt: z.iso.datetime(),
  fingerprint: z.string(),
  profile: z.string(),
});

export const CompareResultSchema = z.strictObject({
  schemaVersion: z.literal(COMPARE_SCHEMA_VERSION),
  old: RunRef,
  new: RunRef,
  /** Both runs were measured with the same configuration (same fingerprint). */
  sameConfiguration: z.boolean(),
  /** The thresholds applied (from the new run's profile unless overridden). */
  thresholds: RegressionThresholdsSchema,
  services: z.array(ServiceComparisonSchema),
  /** Ids of services with at least one regression. */
  regressed: z.array(z.string()),
});
export type CompareResult = z.infer<typeof CompareResultSchema>;
