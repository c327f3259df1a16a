/**
 * The shape every beyond-axe check shares (issue 4): it reads `accessibility.states[].probes`,
 * cites its WCAG success criteria and EN 301 549 clauses, weighs impact × criterion level
 * (criteria.ts), and turns what it found into a CheckOutcome:
 *
 * - any finding → fail (score 0); every finding names the step, URL, element selector, the state's
 *   screenshot, how to reproduce it by hand, and the check as its source (`sources`); review items
 *   stay listed after the failures (`needsReview`);
 * - otherwise `review` → needs-review (a person must look; the items are findings for them);
 * - otherwise nothing to test anywhere → not-applicable (e.g. no audio or video);
 * - otherwise a probe could not run at some state, or tested a state only in part → inconclusive;
 * - otherwise pass (score 1).
 *
 * Evidence without probe data (gathered before the probes existed) → not-applicable.
 *
 * probeCheck owns the loop over states: a check declares the probe it reads and its verdict at one
 * state (`atState`); a state without that probe's data is missing.
 */
import type { A11yProbes, AccessibilityState, Impact, WcagSc } from '../../core/index.ts';
import type { Check, CheckOutcome, FindingInput } from '../types.ts';
import { reachedNote } from '../reached.ts';
import { criterionWeight } from './criteria.ts';

export interface ProbedState {
  readonly state: AccessibilityState;
  readonly probes: A11yProbes;
}

/** What a check found at one state that had the probe data it reads. */
export interface StateVerdict {
  readonly findings?: readonly FindingInput[];
  /** Items a person must review (reported when the check has no finding anywhere). */
  readonly review?: readonly FindingInput[];
  /** There was something to test at this state. */
  readonly tested: boolean;
  /** The state was tested only in part, and why (e.g. the Tab walk was cut short): no pass over it. */
  readonly partial?: string;
  /** How many things were examined here (summed into the pass sentence), e.g. tab stops. */
  readonly count?: number;
}

export interface ProbeCheckDefinition<K extends ProbeKey = ProbeKey> {
  readonly id: string;
  readonly title: string;
  readonly impact: Impact;
  /** WCAG success criteria, e.g. ['2.1.2']. */
  readonly criteria: readonly WcagSc[];
  /** The probe whose data the check needs at a state: a state without it is missing (no verdict there). */
  readonly probe: K;
  readonly reads: readonly string[];
  /** Why it may be not applicable, when nothing was tested (e.g. "No audio or video element was found."). */
  readonly notApplicable: string;
  /** The verdict at one state that has the probe's data. */
  atState(p: ProbedState, data: NonNullable<A11yProbes[K]>): StateVerdict;
  /** Sentence for a pass, given the summed `count`s, e.g. "All 34 tab stops showed a focus indicator." */
  passDetail(count: number): string;
}

/** The probes a check can read at a state. */
export type ProbeKey = Exclude<keyof A11yProbes, 'errors' | 'durationMs' | 'viewport'>;

/**
 * When a probe listed only the first `listed` of `total` items: one finding that counts the rest, so
 * nothing found is left uncounted (the probe's lists stop at 25). None when all were listed.
 */
export function moreFindings(
  state: AccessibilityState,
  total: number | undefined,
  listed: number,
  what: string,
): FindingInput[] {
  const more = (total ?? listed) - listed;
  return more > 0 ? [findingAt(state, undefined, `${more} more ${what} (only the first ${listed} are listed).`)] : [];
}

/** A finding at a state: step, url, screenshot filled in. */
export function findingAt(state: AccessibilityState, selector: string | undefined, message: string): FindingInput {
  return {
    message,
    step: state.step,
    url: state.url,
    ...(selector !== undefined ? { selector } : {}),
    ...(state.screenshot !== undefined ? { screenshot: state.screenshot } : {}),
  };
}

function stepsOf(findings: readonly FindingInput[]): string {
  return [...new Set(findings.map((f) => f.step).filter((s): s is string => s !== undefined))].join(', ');
}

/** The state loop every probe check shares: missing data, partial states, findings and review items, counts. */
function verdictOf<K extends ProbeKey>(def: ProbeCheckDefinition<K>, probed: readonly ProbedState[]) {
  const findings: FindingInput[] = [];
  const review: FindingInput[] = [];
  const missing: string[] = [];
  const partial: string[] = [];
  let tested = 0;
  let count = 0;
  for (const p of probed) {
    const data = p.probes[def.probe];
    if (data === undefined) {
      missing.push(p.state.step);
      continue;
    }
    const v = def.atState(p, data as NonNullable<A11yProbes[K]>);
    findings.push(...(v.findings ?? []));
    review.push(...(v.review ?? []));
    if (v.tested) tested++;
    if (v.partial !== undefined) partial.push(v.partial);
    count += v.count ?? 0;
  }
  const sources = [def.id];
  const stamp = (f: FindingInput): FindingInput => ({ ...f, sources });
  return { findings: findings.map(stamp), review: review.map(stamp), missing, partial, tested, count };
}

export function probeCheck<K extends ProbeKey>(def: ProbeCheckDefinition<K>): Check<'accessibility'> {
  return {
    meta: {
      id: def.id,
      suite: 'accessibility',
      title: def.title,
      impact: def.impact,
      weight: criterionWeight(def.impact, ...def.criteria),
      criteria: [...def.criteria],
      references: [],
      reads: def.reads,
    },
    evaluate({ data, steps }): CheckOutcome {
      const probed: ProbedState[] = data.states.flatMap((state) =>
        state.probes ? [{ state, probes: state.probes }] : [],
      );
      if (probed.length === 0)
        return {
          status: 'not-applicable',
          detail: 'The evidence holds no beyond-axe probe ' + 'data (gathered by an older harness).',
        };
      const v = verdictOf(def, probed);
      if (v.findings.length > 0) {
        // Review items of other elements or steps stay listed after the failures (needsReview).
        const review = v.review.map((f) => ({ ...f, needsReview: true }));
        const more = review.length > 0 ? ` ${review.length} more item${review.length === 1 ? '' : 's'} to review.` : '';
        const detail =
          `${v.findings.length} problem${v.findings.length === 1 ? '' : 's'} in ` + `${stepsOf(v.findings)}.${more}`;
        return { score: 0, detail, findings: [...v.findings, ...review] };
      }
      if (v.review.length > 0) {
        return {
          status: 'needs-review',
          detail:
            `A person must review ${v.review.length} ` +
            `item${v.review.length === 1 ? '' : 's'} in ${stepsOf(v.review)}.`,
          findings: v.review,
        };
      }
      if (v.missing.length > 0 && v.tested === 0)
        return { status: 'inconclusive', detail: `The probe produced no ` + `data at ${v.missing.join(', ')}.` };
      if (v.tested === 0) return { status: 'not-applicable', detail: def.notApplicable };
      if (v.missing.length > 0)
        return {
          status: 'inconclusive',
          detail: `No problem where tested, but the probe ` + `produced no data at ${v.missing.join(', ')}.`,
        };
      if (v.partial.length > 0)
        return {
          status: 'inconclusive',
          detail: `No problem where tested, but not ` + `everything was tested: ${v.partial.join('; ')}.`,
        };
      return { score: 1, detail: `${def.passDetail(v.count)}${reachedNote(steps)}` };
    },
  };
}
