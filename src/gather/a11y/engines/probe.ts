/**
 * How a rule engine's source becomes one in-page probe: the engine is defined and run in the same
 * call, in the session's isolated world where it has one (src/session/types.ts `evaluate`), exactly as
 * axe-core is (src/gather/axe.ts). Its globals are declared as locals of the probe function before its
 * source, so nothing is looked up on `window`: a page that defines its own `ace` or `HTMLCS` (or a
 * setter for them) changes nothing, in an isolated world or not.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Probe } from '../../../session/types.ts';
import { pageTools, type EngineResultGroup, type PageTools } from './page-tools.ts';

/** What an engine probe sends back: results per rule and outcome, and the rules that passed. */
export interface EngineProbeResult {
  results: EngineResultGroup[];
  passes: string[];
}

/**
 * Every engine probe gets the selectors of the elements axe-core reported at this state (so findings
 * about one element merge) and how many elements to keep per rule.
 */
export interface EngineProbeArg {
  axeTargets: string[];
  perRule: number;
}

/** At most this many elements are kept per rule and outcome (as for axe-core). */
export const NODES_PER_RULE = 25;

/**
 * The probe that runs `run(arg, lib, tools)` in the page with the engine defined by `source`:
 * `globals` are the engine's global names (declared as locals), `lib` is the expression for the
 * engine object once its source ran.
 */
export function engineProbe<A extends EngineProbeArg>(
  source: string,
  globals: readonly string[],
  lib: string,
  run: (arg: A, lib: never, tools: PageTools) => Promise<EngineProbeResult>,
): Probe<A, EngineProbeResult> {
  const text = `async function (arg) {
var module = { exports: {} }, exports = module.exports, define = undefined${globals.map((g) => `, ${g}`).join('')};
${source}
;var lib = (${lib});
return (${run.toString()})(arg, lib, (${pageTools.toString()})(arg.axeTargets, arg.perRule));
}`;
  const probe = (() => {
    throw new Error('engine probe runs in the page only');
  }) as Probe<A, EngineProbeResult>;
  return Object.assign(probe, { toString: () => text });
}

const require = createRequire(import.meta.url);

/** The source of an installed package's file and the package's version. */
export function packaged(pkg: string, file: string): { source: string; version: string } {
  const source = readFileSync(require.resolve(`${pkg}/${file}`), 'utf8');
  const meta = JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string };
  return { source, version: meta.version };
}
