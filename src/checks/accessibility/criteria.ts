/**
 * Weight policy of the checks that cite WCAG success criteria (the criteria themselves, their levels
 * and EN 301 549 clauses live in src/core/criteria.ts).
 *
 * Weight policy (impact × criterion level): a beyond-axe check weighs IMPACT_WEIGHTS[impact] ×
 * LEVEL_FACTORS[level]. Level A criteria are the ones whose failure blocks a patron outright (no
 * keyboard access, no captions, no name), so they count in full; AA criteria count 0.75.
 */
import type { Impact, WcagLevel, WcagSc } from '../../core/index.ts';
import { criterion } from '../../core/index.ts';
import { IMPACT_WEIGHTS } from '../types.ts';

export const LEVEL_FACTORS = { A: 1, AA: 0.75, AAA: 0 } as const satisfies Record<WcagLevel, number>;

/** The policy weight of a check citing these criteria: impact weight × the strictest level's factor. */
export function criterionWeight(impact: Impact, ...scs: WcagSc[]): number {
  const factor = Math.max(...scs.map((sc) => LEVEL_FACTORS[criterion(sc).level]));
  return IMPACT_WEIGHTS[impact] * factor;
}
