/**
 * How a finished (or re-scored, or merged) run ends: the one rule for `erh run`, `erh report` and
 * `erh merge`, so a sharded-and-merged run exits exactly like the same run unsharded.
 *
 * 3 when the harness failed anywhere — a gathering the harness could not complete, or a check that
 * could not be evaluated (status `error`); else, with --gate, 1 when a must-pass gate failed or was
 * undecided or a budget was exceeded; else 0.
 */
import { EXIT } from '../core/errors.ts';
import type { RunResult } from '../core/result.ts';

/** Gating (--gate): a must-pass gate failed or undecided, or a budget exceeded. */
function gateFailed(result: RunResult): boolean {
  return result.scorecard.some((e) => !e.eligible || (e.budgets ?? []).some((b) => b.passed === false));
}

export function runExitCode(
  result: RunResult,
  options: { readonly gate: boolean; readonly gatheringFailed?: boolean },
): number {
  if (options.gatheringFailed === true || result.harnessErrors.length > 0) return EXIT.harness;
  if (options.gate && gateFailed(result)) return EXIT.gatesFailed;
  return EXIT.ok;
}

/** One terminal line per harness error of the run, naming the target, suite and check. */
export function harnessErrorLines(result: RunResult): string[] {
  return result.harnessErrors.map((e) =>
    e.check !== undefined
      ? `erh: harness error: ${e.target} ${e.suite}: check ${e.check} could not be evaluated (${e.cause}): ${e.message}`
      : `erh: harness error: ${e.target} ${e.suite}: the harness could not gather this suite: ${e.message}`,
  );
}
