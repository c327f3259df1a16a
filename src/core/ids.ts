/**
 * Closed vocabularies shared by every stage of the pipeline. Each is an `as const` array with a
 * derived union so that schemas, switch statements and translations stay exhaustive.
 */
import { z } from 'zod';

/**
 * The suites every target is evaluated on. Order is the display order. `content` (publications,
 * accessibility statement, ACR: issue 18) is device-independent and gathered on one device per service
 * (src/matrix/targets.ts).
 */
export const SUITES = ['login', 'accessibility', 'performance', 'compatibility', 'content'] as const;
export type Suite = (typeof SUITES)[number];
export const SuiteSchema = z.enum(SUITES);

/** The one severity vocabulary (axe-core's impact levels), declared by each check, never derived. */
export const IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const;
export type Impact = (typeof IMPACTS)[number];
export const ImpactSchema = z.enum(IMPACTS);

/** Browser engines a device can run on. */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type Engine = (typeof ENGINES)[number];
export const EngineSchema = z.enum(ENGINES);

/** Kinds of e-resource a candidate service offers. */
export const SERVICE_KINDS = ['ebook', 'audiobook', 'emagazine', 'streaming', 'database'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** UI languages the harness reports in and detects in vendors' pages. */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LanguageSchema = z.enum(LANGUAGES);

/** Test-patron roles: each names what the library system says about the card. */
export const PATRON_ROLES = ['valid', 'wrongPin', 'unknownCard', 'blocked', 'expired'] as const;
export type PatronRole = (typeof PATRON_ROLES)[number];
export const PatronRoleSchema = z.enum(PATRON_ROLES);
/**
 * Roles whose login is a failed login the library system counts against a real card (a PIN known to
 * be wrong): each one is counted against the service's failed-login budget before it is sent
 * (src/auth/failed-logins.ts). An unknown card locks no card; blocked and expired patrons type their
 * right PIN.
 */
export const COUNTED_FAILURE_ROLES: ReadonlySet<PatronRole> = new Set(['wrongPin']);

/**
 * How gathering one (target, suite) went — harness health, never vendor quality.
 * - complete: the harness did its job (the vendor may still have done badly).
 * - unreachable: the vendor's service could not be reached at all.
 * - timeout: the vendor's service did not answer in time.
 * - inconclusive: the harness could not decide (e.g. the library system was down).
 * - not-applicable: the suite cannot run on this device (e.g. Lighthouse without Chromium).
 * - harness-error: the harness itself failed; the error is recorded.
 */
export const GATHER_STATUSES = [
  'complete',
  'unreachable',
  'timeout',
  'inconclusive',
  'not-applicable',
  'harness-error',
] as const;
export type GatherStatus = (typeof GATHER_STATUSES)[number];
export const GatherStatusSchema = z.enum(GATHER_STATUSES);

/**
 * Outcome of one evaluated check. `error` is harness health, never vendor quality: the check itself
 * broke (threw, or produced a score outside 0–1) — counted, shown and making the run exit 3.
 */
export const CHECK_STATUSES = ['pass', 'fail', 'needs-review', 'not-applicable', 'inconclusive', 'error'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
export const CheckStatusSchema = z.enum(CHECK_STATUSES);

/**
 * Why a check is in `error`: it threw, its score was not a number, its score was outside 0–1, or it
 * read evidence it does not declare in `meta.reads` (or declares a field the evidence has not).
 */
export const CHECK_ERROR_CAUSES = ['threw', 'score-not-finite', 'score-out-of-range', 'undeclared-read'] as const;
export type CheckErrorCause = (typeof CHECK_ERROR_CAUSES)[number];
export const CheckErrorCauseSchema = z.enum(CHECK_ERROR_CAUSES);

/**
 * Status of a suite on a target after evaluation.
 * `missing` means no evidence was found for it (e.g. an interrupted run).
 */
export const SUITE_STATUSES = [
  'passed',
  'failed',
  'inconclusive',
  'unreachable',
  'timeout',
  'not-applicable',
  'harness-error',
  'missing',
] as const;
export type SuiteStatus = (typeof SUITE_STATUSES)[number];
export const SuiteStatusSchema = z.enum(SUITE_STATUSES);

/** Identifier for services, devices, profiles and journey steps: lower-case slug. */
export const SLUG = /^[a-z0-9][a-z0-9-]*$/;
export const SlugSchema = z
  .string()
  .regex(SLUG, 'must be a lower-case slug: letters a–z, digits and "-", starting with a letter or digit');

/** A target is one service on one device; its id is `service@device`. */
export function targetId(service: string, device: string): string {
  return `${service}@${device}`;
}
