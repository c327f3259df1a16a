/**
 * The other rule engines' checks (issue 16): `accessibility/ibm-equal-access/<rule>`,
 * `accessibility/htmlcs/<rule>`, and `accessibility/engines/<engine>` (did the engine run), with one
 * finding per barrier across engines.
 *
 * Merging: at one step, findings about the same element (the same selector: the engines name an
 * element axe-core reported by axe's own selector) whose rules share a WCAG criterion are one finding.
 * It belongs to the first engine in precedence order that reported it — axe-core, then IBM Equal
 * Access, then HTML_CodeSniffer — and lists every engine in `sources`, the others' rules in its
 * message. A violation never merges into a needs-review finding (it stays a failure of its own rule);
 * a needs-review item merges into either.
 *
 * Severity (one policy): a finding's impact is the declared impact of the rule that owns it, from that
 * engine's static table — axe-core's frozen impacts (axe-rules.ts), IBM's toolkit level (ibm-rules.ts),
 * HTML_CodeSniffer's criterion level (htmlcs-rules.ts). Never the number of engines that agreed.
 *
 * Verdicts: a rule check fails on the violations it owns; is needs-review on the undecided items it
 * owns; is not applicable when everything it reported was owned by a rule of an earlier engine (counted
 * there once); is inconclusive where its engine could not run; passes when the rule passed (IBM reports
 * passes). Only violations fail: IBM's potential/manual results and HTML_CodeSniffer's warnings are
 * needs review; rules in REVIEW_ONLY are needs review even when the engine calls them violations.
 * Weight: IMPACT_WEIGHTS of the declared impact when the rule cites a WCAG A/AA criterion, else 0.
 */
import type { AccessibilityState, EngineRun, ExtraRuleEngine, Impact, RuleEngine, WcagSc } from '../../core/index.ts';
import { criterion, EXTRA_RULE_ENGINES } from '../../core/index.ts';
import type { Check, CheckFamily, CheckInput, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { AXE_RULES } from './axe-rules.ts';
import { htmlcsCriterion, htmlcsImpact } from './htmlcs-rules.ts';
import { IBM_IMPACTS, IBM_RULES } from './ibm-rules.ts';
import { criteriaFromTags } from './references.ts';

export const ENGINES_CHECK_PREFIX = 'accessibility/';

export const ENGINE_NAMES = {
  'axe-core': 'axe-core',
  'ibm-equal-access': 'IBM Equal Access',
  htmlcs: 'HTML_CodeSniffer',
} as const satisfies Record<RuleEngine, string>;

/**
 * Engine rules whose violations are false alarms on the harness's clean pages: counted as needs review
 * (docs/accessibility.md, "Rule engines", says why for each). Exact rule ids or HTML_CodeSniffer code prefixes.
 */
export const REVIEW_ONLY: Readonly<Record<ExtraRuleEngine, readonly string[]>> = {
  // 2.4.1 fails any page without a main landmark or skip link, with nothing repeated to bypass (corpus
  // pair bypass-nothing-repeated); the harness's bypass-blocks probe judges repeated blocks instead.
  'ibm-equal-access': ['skip_main_exists'],
  htmlcs: [],
};

function reviewOnly(engine: ExtraRuleEngine, rule: string): boolean {
  return REVIEW_ONLY[engine].some((r) => rule === r || rule.startsWith(`${r}.`));
}

interface RuleMeta {
  readonly criteria: readonly WcagSc[];
  readonly impact: Impact;
  readonly known: boolean;
}

export function engineRuleMeta(engine: ExtraRuleEngine, rule: string): RuleMeta {
  if (engine === 'ibm-equal-access') {
    const m = IBM_RULES[rule];
    return m
      ? { criteria: m.criteria, impact: IBM_IMPACTS[m.toolkitLevel], known: true }
      : { criteria: [], impact: 'moderate', known: false };
  }
  const sc = htmlcsCriterion(rule);
  return { criteria: sc ? [sc] : [], impact: htmlcsImpact(rule), known: sc !== undefined };
}

/** A finding some engine's rule owns, with the other engines' rules merged into it. */
interface Owned {
  readonly state: AccessibilityState;
  readonly selector: string;
  readonly html: string;
  readonly message: string;
  readonly criteria: ReadonlySet<WcagSc>;
  readonly violation: boolean;
  readonly also: Array<{ engine: RuleEngine; rule: string }>;
}

export interface Merged {
  /** axe findings with what other engines said about the same element and criterion: key axeKey(). */
  readonly axe: Map<string, Owned['also']>;
  /** Findings each extra engine rule owns: key `${engine}\n${rule}`. */
  readonly owned: Map<string, Owned[]>;
  /** Per extra engine rule: how many of its findings merged into an earlier engine's. */
  readonly mergedAway: Map<string, number>;
}

export function axeKey(step: string, selector: string, rule: string, violation: boolean): string {
  return `${step}\n${selector}\n${rule}\n${violation ? 'v' : 'r'}`;
}

const overlaps = (a: ReadonlySet<WcagSc>, b: readonly WcagSc[]) => b.some((x) => a.has(x));

/** Merges every engine's findings per step, element and criterion (the precedence in the module comment). */
export function mergeEngines(states: readonly AccessibilityState[]): Merged {
  const merged: Merged = { axe: new Map(), owned: new Map(), mergedAway: new Map() };
  for (const state of states) {
    // Owners at this step, by selector: axe-core's first, then each engine's in precedence order.
    const at = new Map<string, Array<{ owned: Owned; axe?: string }>>();
    const put = (selector: string, entry: { owned: Owned; axe?: string }) =>
      at.set(selector, [...(at.get(selector) ?? []), entry]);
    for (const [rules, violation] of [
      [state.violations, true],
      [state.incomplete, false],
    ] as const) {
      for (const rule of rules) {
        const criteria = new Set(criteriaFromTags(AXE_RULES[rule.id]?.tags ?? rule.tags));
        for (const node of rule.nodes) {
          if (node.target.length !== 1) continue;
          const selector = node.target[0] as string;
          const key = axeKey(state.step, selector, rule.id, violation);
          const owned: Owned = { state, selector, html: node.html, message: '', criteria, violation, also: [] };
          merged.axe.set(key, owned.also);
          put(selector, { owned, axe: key });
        }
      }
    }
    for (const engine of EXTRA_RULE_ENGINES) {
      const run = state.engines?.find((r) => r.engine === engine);
      if (!run || run.error !== undefined) continue;
      // Violations first, so that a review item of the same rule merges into them.
      const results = [...run.results].sort((a, b) =>
        a.outcome === b.outcome ? 0 : a.outcome === 'violation' ? -1 : 1,
      );
      for (const result of results) {
        const meta = engineRuleMeta(engine, result.rule);
        const violation = result.outcome === 'violation' && !reviewOnly(engine, result.rule);
        const ruleKey = `${engine}\n${result.rule}`;
        for (const node of result.nodes) {
          const owner = (at.get(node.selector) ?? []).find(
            (o) => (o.owned.violation || !violation) && overlaps(o.owned.criteria, meta.criteria),
          );
          if (owner) {
            if (!owner.owned.also.some((a) => a.engine === engine && a.rule === result.rule))
              owner.owned.also.push({ engine, rule: result.rule });
            merged.mergedAway.set(ruleKey, (merged.mergedAway.get(ruleKey) ?? 0) + 1);
            continue;
          }
          const owned: Owned = {
            state,
            selector: node.selector,
            html: node.html,
            message: node.message,
            criteria: new Set(meta.criteria),
            violation,
            also: [],
          };
          merged.owned.set(ruleKey, [...(merged.owned.get(ruleKey) ?? []), owned]);
          put(node.selector, { owned });
        }
      }
    }
  }
  return merged;
}

/** `sources` and the message suffix for a finding one engine owns and others also reported. */
export function alsoReported(owner: RuleEngine, also: Owned['also']): { sources: RuleEngine[]; note: string } {
  const sources = [owner, ...new Set(also.map((a) => a.engine))].filter((e, i, all) => all.indexOf(e) === i);
  const note =
    also.length === 0
      ? ''
      : ` Also reported by ${also.map((a) => `${ENGINE_NAMES[a.engine]} (${a.rule})`).join(', ')}.`;
  return { sources, note };
}

function findingOf(engine: ExtraRuleEngine, o: Owned, needsReview: boolean): FindingInput {
  const { sources, note } = alsoReported(engine, o.also);
  return {
    sources,
    ...(needsReview ? { needsReview: true } : {}),
    message: `${o.message}${note}`,
    step: o.state.step,
    url: o.state.url,
    selector: o.selector,
    html: o.html,
    ...(o.state.screenshot !== undefined ? { screenshot: o.state.screenshot } : {}),
  };
}

const stepsOf = (items: readonly { state: AccessibilityState }[]) =>
  [...new Set(items.map((i) => i.state.step))].join(', ');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function runsOf(
  states: readonly AccessibilityState[],
  engine: ExtraRuleEngine,
): Array<{ state: AccessibilityState; run: EngineRun }> {
  return states.flatMap(
    (state) => state.engines?.filter((r) => r.engine === engine).map((run) => ({ state, run })) ?? [],
  );
}

function ruleWeight(meta: RuleMeta): number {
  const scored = meta.known && meta.criteria.some((sc) => sc !== '4.1.1' && criterion(sc).level !== 'AAA');
  return scored ? IMPACT_WEIGHTS[meta.impact] : 0;
}

function ruleCheck(
  engine: ExtraRuleEngine,
  rule: string,
  states: readonly AccessibilityState[],
  merged: Merged,
): Check<'accessibility'> {
  const meta = engineRuleMeta(engine, rule);
  const runs = runsOf(states, engine);
  const owned = merged.owned.get(`${engine}\n${rule}`) ?? [];
  const away = merged.mergedAway.get(`${engine}\n${rule}`) ?? 0;
  return {
    meta: {
      id: `${ENGINES_CHECK_PREFIX}${engine}/${rule}`,
      suite: 'accessibility',
      title: `${ENGINE_NAMES[engine]}: ${rule}`,
      impact: meta.impact,
      weight: ruleWeight(meta),
      criteria: [...meta.criteria],
      references: meta.known ? [] : [`${ENGINE_NAMES[engine]} rule not in the harness's table (reported, not scored)`],
      reads: [
        'accessibility.states[].engines',
        'accessibility.states[].violations',
        'accessibility.states[].incomplete',
      ],
    },
    evaluate() {
      const violations = owned.filter((o) => o.violation);
      const reviews = owned.filter((o) => !o.violation);
      const failedAt = runs.filter((r) => r.run.error !== undefined).map((r) => r.state.step);
      if (violations.length > 0) {
        const review =
          reviews.length > 0 ? ` ${plural(reviews.length, 'more element')} to review in ${stepsOf(reviews)}.` : '';
        return {
          score: 0,
          detail: `Violated on ${plural(violations.length, 'element')} in ${stepsOf(violations)}.${review}`,
          findings: [
            ...violations.map((o) => findingOf(engine, o, false)),
            ...reviews.map((o) => findingOf(engine, o, true)),
          ],
        };
      }
      if (reviews.length > 0) {
        return {
          status: 'needs-review',
          detail: `${ENGINE_NAMES[engine]} could not decide in ${stepsOf(reviews)}; a person must review the elements.`,
          findings: reviews.map((o) => findingOf(engine, o, false)),
        };
      }
      if (away > 0) {
        return {
          status: 'not-applicable',
          detail: `Its ${plural(away, 'finding')} were also reported by an earlier engine's rule: listed there once.`,
        };
      }
      if (failedAt.length > 0)
        return { status: 'inconclusive', detail: `${ENGINE_NAMES[engine]} could not run at ${failedAt.join(', ')}.` };
      const passedIn = runs.filter((r) => r.run.passes.includes(rule)).map((r) => r.state.step);
      return { score: 1, detail: `Passed in ${[...new Set(passedIn)].join(', ')}.` };
    },
  };
}

/** Whether the engine ran at every state where it was enabled (harness health, weight 0). */
function runCheck(engine: ExtraRuleEngine, states: readonly AccessibilityState[]): Check<'accessibility'> {
  const runs = runsOf(states, engine);
  return {
    meta: {
      id: `${ENGINES_CHECK_PREFIX}engines/${engine}`,
      suite: 'accessibility',
      title: `${ENGINE_NAMES[engine]} ran at every page state`,
      impact: 'minor',
      weight: 0,
      criteria: [],
      references: [`${ENGINE_NAMES[engine]} ${runs[0]?.run.version ?? ''}`.trim()],
      reads: ['accessibility.states[].engines'],
    },
    evaluate() {
      const failed = runs.filter((r) => r.run.error !== undefined);
      const ms = runs.map((r) => r.run.durationMs).sort((a, b) => a - b);
      const median = ms[Math.floor(ms.length / 2)] ?? 0;
      if (failed.length > 0) {
        return {
          status: 'inconclusive',
          detail: `${ENGINE_NAMES[engine]} could not run at ${plural(failed.length, 'state')} (harness, not vendor).`,
          findings: failed.map((f) => ({
            message: f.run.error ?? '',
            step: f.state.step,
            url: f.state.url,
            sources: [engine],
          })),
        };
      }
      return { score: 1, detail: `Ran at ${plural(runs.length, 'state')}, median ${median} ms per state.` };
    },
  };
}

export const engineRules: CheckFamily<'accessibility'> = {
  suite: 'accessibility',
  idPrefix: ENGINES_CHECK_PREFIX,
  title: 'Other rule engines (IBM Equal Access, HTML_CodeSniffer)',
  checks({ data }: CheckInput<'accessibility'>) {
    const merged = mergeEngines(data.states);
    const checks: Check<'accessibility'>[] = [];
    for (const engine of EXTRA_RULE_ENGINES) {
      if (runsOf(data.states, engine).length === 0) continue;
      checks.push(runCheck(engine, data.states));
      const rules = new Set<string>();
      for (const { run } of runsOf(data.states, engine)) {
        for (const r of run.results) rules.add(r.rule);
        for (const p of run.passes) rules.add(p);
      }
      for (const rule of [...rules].sort()) checks.push(ruleCheck(engine, rule, data.states, merged));
    }
    return checks;
  },
};
