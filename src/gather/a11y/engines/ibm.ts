/**
 * IBM's Equal Access engine (npm `accessibility-checker-engine`, its ace.js run in the page) with its
 * `WCAG_2_2` rule set. Kept: the rules that rule set declares at level VIOLATION (its RECOMMENDATION
 * rules are not WCAG requirements); per result, `FAIL` → violation, `POTENTIAL` and `MANUAL` → review
 * (needs review, never a failure), `PASS` → the rule's pass.
 */
import type { BrowserSession, Probe } from '../../../session/types.ts';
import type { PageTools } from './page-tools.ts';
import { engineProbe, NODES_PER_RULE, packaged, type EngineProbeArg, type EngineProbeResult } from './probe.ts';

/** The IBM rule set run: WCAG 2.2 A and AA. */
export const IBM_RULESET = 'WCAG_2_2';

interface IbmArg extends EngineProbeArg {
  ruleset: string;
}

/** In-page: runs the given engine (never a global the page could define) and compacts its report. Self-contained. */
async function runIbmProbe(arg: IbmArg, ace: never, tools: PageTools): Promise<EngineProbeResult> {
  type Result = { ruleId: string; value: [string, string]; node?: unknown; message: string };
  type Checker = {
    check(doc: Document, rulesets: string[]): Promise<{ results: Result[] }>;
    getGuidelines(): Array<{ id: string; checkpoints: Array<{ rules?: Array<{ id: string; level: string }> }> }>;
  };
  const checker = new (ace as { Checker: new () => Checker }).Checker();
  const set = checker.getGuidelines().find((g) => g.id === arg.ruleset);
  if (!set) throw new Error(`IBM Equal Access has no rule set ${arg.ruleset}`);
  const rules = set.checkpoints.flatMap((c) => c.rules ?? []);
  const violationRules = new Set(rules.filter((r) => r.level === 'VIOLATION').map((r) => r.id));
  const report = await checker.check(document, [arg.ruleset]);
  const failed = new Set<string>();
  const passed = new Set<string>();
  for (const r of report.results) {
    if (!violationRules.has(r.ruleId)) continue;
    const said = r.value[1];
    if (said === 'PASS') passed.add(r.ruleId);
    if (said !== 'FAIL' && said !== 'POTENTIAL' && said !== 'MANUAL') continue;
    failed.add(r.ruleId);
    tools.add(r.ruleId, said === 'FAIL' ? 'violation' : 'review', r.node, String(r.message));
  }
  return { results: tools.results(), passes: [...passed].filter((p) => !failed.has(p)).sort() };
}

let cached: { probe: Probe<IbmArg, EngineProbeResult>; version: string } | undefined;
function ibm(): { probe: Probe<IbmArg, EngineProbeResult>; version: string } {
  if (!cached) {
    const { source, version } = packaged('accessibility-checker-engine', 'ace.js');
    // ace.js declares `var ace`: inside the probe function that is a local.
    cached = { probe: engineProbe<IbmArg>(source, [], 'ace', runIbmProbe), version };
  }
  return cached;
}

export const ibmEngine = {
  id: 'ibm-equal-access' as const,
  version: (): string => ibm().version,
  run: (session: BrowserSession, axeTargets: string[]): Promise<EngineProbeResult> =>
    session.evaluate(ibm().probe, { axeTargets, ruleset: IBM_RULESET, perRule: NODES_PER_RULE }),
};
