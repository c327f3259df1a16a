/**
 * The shape every beyond-axe check shares (issue 4): it reads `accessibility.states[].probes`,
 * cites its WCAG success criteria and EN 301 549 clauses, weighs impact × criterion level
 * (criteria.ts), and turns what it found into a CheckOutcome:
 *
 * - any finding → fail (score 0); every finding names the step, URL, element selector, the state's
 *   screenshot, and how to reproduce it by hand;
 * - otherwise `review` → needs-review (a person must look; the items are findings for them);
 * - otherwise nothing to test anywhere → not-applicable (e.g. no audio or video);
 * - otherwise a probe could not run at some state, or tested a state only in part → inconclusive;
 * - otherwise pass (score 1).
 *
 * Evidence without probe data (gathered before the probes existed) → not-applicable.
 */
import type { A11yProbes, AccessibilityState, Impact, WcagSc } from '../../core/index.ts';
import type { Check, CheckOutcome, FindingInput } from '../types.ts';
import { reachedNote } from '../reached.ts';
import { criterionWeight } from './criteria.ts';

export interface ProbedState {
  readonly state: AccessibilityState;
  readonly probes: A11yProbes;
}

export interface ProbeVerdict {
  readonly findings: readonly FindingInput[];
  /** Items a person must review (only reported when there is no finding). */
  readonly review?: readonly FindingInput[];
  /** Steps where the probe this check needs did not produce data. */
  readonly missing: readonly string[];
  /** States tested only in part, each with why (e.g. the Tab walk was cut short): no pass over them. */
  readonly partial?: readonly string[];
  /** States where there was something to test. */
  readonly tested: number;
  /** Sentence for a pass, e.g. "All 34 tab stops showed a focus indicator." */
  readonly passDetail: string;
}

export interface ProbeCheckDefinition {
  readonly id: string;
  readonly title: string;
  readonly impact: Impact;
  /** WCAG success criteria, e.g. ['2.1.2']. */
  readonly criteria: readonly WcagSc[];
  readonly reads: readonly string[];
  /** Why it may be not applicable, when nothing was tested (e.g. "No audio or video element was found."). */
  readonly notApplicable: string;
  verdict(states: readonly ProbedState[]): ProbeVerdict;
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

export function probeCheck(def: ProbeCheckDefinition): Check<'accessibility'> {
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
      const probed: ProbedState[] = data.states.flatMap((state) => (state.probes ? [{ state, probes: state.probes }] : []));
      if (probed.length === 0) return { status: 'not-applicable', detail: 'The evidence holds no beyond-axe probe data (gathered by an older harness).' };
      const v = def.verdict(probed);
      if (v.findings.length > 0) {
        return { score: 0, detail: `${v.findings.length} problem${v.findings.length === 1 ? '' : 's'} in ${stepsOf(v.findings)}.`, findings: v.findings };
      }
      if (v.review && v.review.length > 0) {
        return { status: 'needs-review', detail: `A person must review ${v.review.length} item${v.review.length === 1 ? '' : 's'} in ${stepsOf(v.review)}.`, findings: v.review };
      }
      if (v.missing.length > 0 && v.tested === 0) return { status: 'inconclusive', detail: `The probe produced no data at ${v.missing.join(', ')}.` };
      if (v.tested === 0) return { status: 'not-applicable', detail: def.notApplicable };
      if (v.missing.length > 0) return { status: 'inconclusive', detail: `No problem where tested, but the probe produced no data at ${v.missing.join(', ')}.` };
      if (v.partial && v.partial.length > 0) return { status: 'inconclusive', detail: `No problem where tested, but not everything was tested: ${v.partial.join('; ')}.` };
      return { score: 1, detail: `${v.passDetail}${reachedNote(steps)}` };
    },
  };
}
