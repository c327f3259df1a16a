/**
 * `accessibility/axe/<rule-id>`: one check per axe-core rule seen in any journey state
 * (violations, incomplete or passes). Rules that were inapplicable everywhere are not reported.
 *
 * - fail (score 0) when the rule is violated in any state; one finding per violating element,
 *   with the state's step, url and screenshot; elements axe could not decide (at this or another
 *   step) follow them marked `needsReview`, so a review item never vanishes behind a failure;
 * - needs-review (score null, so its weight is kept out) when axe could not decide anywhere and
 *   found no violation; the undecided elements are findings for the reviewer;
 * - pass (score 1) when the rule only passed.
 *
 * Impact: the rule's declared impact in the rule table (axe-rules.ts), for every vendor and every
 * finding — never the impact axe reported for the nodes of this evidence, so severity cannot depend
 * on which parts of a rule a vendor happened to fail; a rule unknown to the table is `moderate` and
 * not scored. Weight: IMPACT_WEIGHTS of the table impact when the
 * rule maps to a WCAG A/AA success criterion, 0 otherwise (best-practice only, AAA, experimental,
 * or unknown to the table). Weights come from the static table, not from the evidence, so a rule
 * weighs the same for every vendor whether they violated it or not.
 */
import type { AccessibilityState, AxeRuleResult, Impact } from '../../core/index.ts';
import type { Check, CheckFamily, CheckInput, FindingInput } from '../types.ts';
import { AXE_RULES } from './axe-rules.ts';
import { reachedNote } from '../reached.ts';
import { criteriaFromTags, referencesFromTags, ruleWeight } from './references.ts';
import { alsoReported, axeKey, mergeEngines, type Merged } from './engines.ts';

export const AXE_CHECK_PREFIX = 'accessibility/axe/';

/** Separator between frame selectors in axe's target path (frames first). */
export const FRAME_SEPARATOR = ' >>> ';

interface Seen {
  readonly state: AccessibilityState;
  readonly rule: AxeRuleResult;
}

interface RuleObservations {
  readonly violations: Seen[];
  readonly incomplete: Seen[];
  readonly passedIn: string[];
}

/** Impact of a rule the table does not know (a newer axe-core than the table): reported, not scored. */
const UNKNOWN_RULE_IMPACT: Impact = 'moderate';

function observe(states: readonly AccessibilityState[]): Map<string, RuleObservations> {
  const rules = new Map<string, RuleObservations>();
  const get = (id: string): RuleObservations => {
    let entry = rules.get(id);
    if (!entry) {
      entry = { violations: [], incomplete: [], passedIn: [] };
      rules.set(id, entry);
    }
    return entry;
  };
  for (const state of states) {
    for (const rule of state.violations) get(rule.id).violations.push({ state, rule });
    for (const rule of state.incomplete) get(rule.id).incomplete.push({ state, rule });
    for (const id of state.passes) get(id).passedIn.push(state.step);
  }
  return rules;
}

/** The engine name findings of this family carry (`sources`), for counting per engine. */
export const AXE_SOURCE = 'axe-core' as const;

/** Findings of axe's nodes, with what other engines said about the same element and criterion (engines.ts). */
function findingsOf(seen: readonly Seen[], merged: Merged, violation: boolean, needsReview = false): FindingInput[] {
  return seen.flatMap(({ state, rule }) =>
    rule.nodes.map((node) => {
      const top = node.target.length === 1 ? node.target[0] : undefined;
      const also = top === undefined ? undefined : merged.axe.get(axeKey(state.step, top, rule.id, violation));
      const { sources, note } = alsoReported(AXE_SOURCE, also ?? []);
      return {
        sources,
        ...(needsReview ? { needsReview: true } : {}),
        message: `${node.failureSummary?.trim() || rule.help}${note}`,
        step: state.step,
        url: state.url,
        selector: node.target.join(FRAME_SEPARATOR),
        html: node.html,
        helpUrl: rule.helpUrl,
        ...(state.screenshot !== undefined ? { screenshot: state.screenshot } : {}),
      };
    }),
  );
}

function steps(seen: readonly Seen[]): string {
  return [...new Set(seen.map((s) => s.state.step))].join(', ');
}

function axeRuleCheck(ruleId: string, obs: RuleObservations, merged: Merged): Check<'accessibility'> {
  const known = AXE_RULES[ruleId];
  const reported = [...obs.violations, ...obs.incomplete].map((s) => s.rule);
  const impact = known?.impact ?? UNKNOWN_RULE_IMPACT;
  const tags = known?.tags ?? reported[0]?.tags ?? [];
  return {
    meta: {
      id: `${AXE_CHECK_PREFIX}${ruleId}`,
      suite: 'accessibility',
      title: reported[0]?.help ?? known?.help ?? ruleId,
      impact,
      weight: known ? ruleWeight(known.impact, known.tags) : 0,
      criteria: criteriaFromTags(tags),
      references: referencesFromTags(tags),
      reads: [
        'accessibility.states[].violations',
        'accessibility.states[].incomplete',
        'accessibility.states[].passes',
      ],
    },
    evaluate({ steps: walked }) {
      const unknown = known ? '' : ' The rule is not in the harness rule table, so it is reported but not scored.';
      if (obs.violations.length > 0) {
        const nodes = obs.violations.reduce((n, s) => n + s.rule.nodes.length, 0);
        // What axe could not decide elsewhere stays listed (needsReview) rather than vanish behind the failure.
        const undecided = obs.incomplete.reduce((n, s) => n + s.rule.nodes.length, 0);
        const review =
          undecided > 0
            ? ` ${undecided} more element${undecided === 1 ? '' : 's'} to review in ${steps(obs.incomplete)}.`
            : '';
        return {
          score: 0,
          detail:
            `Violated on ${nodes} element${nodes === 1 ? '' : 's'} in ` +
            `${steps(obs.violations)}.${review}${unknown}`,
          findings: [...findingsOf(obs.violations, merged, true), ...findingsOf(obs.incomplete, merged, false, true)],
        };
      }
      if (obs.incomplete.length > 0) {
        return {
          status: 'needs-review',
          detail:
            `axe could not decide in ${steps(obs.incomplete)}; a person must review the elements ` +
            `listed.${unknown}`,
          findings: findingsOf(obs.incomplete, merged, false),
        };
      }
      return {
        score: 1,
        detail: `Passed in ${[...new Set(obs.passedIn)].join(', ')}.${unknown}${reachedNote(walked)}`,
      };
    },
  };
}

export const axeRules: CheckFamily<'accessibility'> = {
  suite: 'accessibility',
  idPrefix: AXE_CHECK_PREFIX,
  title: 'axe-core rules',
  checks({ data }: CheckInput<'accessibility'>) {
    const observed = observe(data.states);
    const merged = mergeEngines(data.states);
    return [...observed.keys()].sort().map((id) => axeRuleCheck(id, observed.get(id) as RuleObservations, merged));
  },
};
