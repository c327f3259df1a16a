/**
 * The rule engines besides axe-core (issue 16): IBM's Equal Access engine and HTML_CodeSniffer, run
 * one after the other right after axe-core, in the same page state, through the same isolated-world
 * path (probe.ts). Each run records its engine's version and cost at this state; a run that fails is
 * recorded with its error (a probe error: the checks that rely on it are inconclusive there), never as
 * "nothing found". A lost browser or a page that will not hold still propagates, as for every probe.
 *
 * Which engines run is the profile's `accessibility.engines` (src/core/config.ts).
 */
import type { AccessibilityState, EngineRun, ExtraRuleEngine } from '../../../core/evidence.ts';
import { PageUnexaminableError, type BrowserSession } from '../../../session/types.ts';
import { runAxe } from '../../axe.ts';
import { htmlcsEngine } from './htmlcs.ts';
import { ibmEngine } from './ibm.ts';

const ENGINES = { 'ibm-equal-access': ibmEngine, htmlcs: htmlcsEngine } satisfies Record<ExtraRuleEngine, unknown>;

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 300) ?? 'unknown error';
}

/** axe-core's top-document selectors at this state (a frame path of more than one selector names nothing here). */
function axeTargets(state: Pick<AccessibilityState, 'violations' | 'incomplete'>): string[] {
  const nodes = [...state.violations, ...state.incomplete].flatMap((r) => r.nodes);
  return [...new Set(nodes.flatMap((n) => (n.target.length === 1 ? n.target : [])))];
}

/** Runs the given engines at the current page state, after axe-core produced `axe` there. */
export async function runRuleEngines(
  session: BrowserSession,
  engines: readonly ExtraRuleEngine[],
  axe: Pick<AccessibilityState, 'violations' | 'incomplete'>,
): Promise<EngineRun[]> {
  const targets = axeTargets(axe);
  const runs: EngineRun[] = [];
  for (const id of engines) {
    const engine = ENGINES[id];
    const started = performance.now();
    const took = () => ({ engine: id, version: engine.version(), durationMs: Math.round(performance.now() - started) });
    try {
      const result = await engine.run(session, targets);
      runs.push({ ...took(), ...result });
    } catch (e) {
      if (session.lost?.() || e instanceof PageUnexaminableError) throw e;
      runs.push({ ...took(), error: message(e), results: [], passes: [] });
    }
  }
  return runs;
}

/**
 * Every rule engine at one page state: axe-core (timed), then the enabled others in the same state.
 * The state without probes, as the accessibility gatherer keeps it.
 */
export async function runRules(
  session: BrowserSession,
  step: string,
  url: string,
  engines: readonly ExtraRuleEngine[],
): Promise<AccessibilityState> {
  const started = performance.now();
  const axe = await runAxe(session, step, url);
  const axeDurationMs = Math.round(performance.now() - started);
  if (engines.length === 0) return { ...axe, axeDurationMs };
  return { ...axe, axeDurationMs, engines: await runRuleEngines(session, engines, axe) };
}
