/**
 * The gatherers, one file each; each opens a BrowserSession for its target, walks what it needs, and
 * returns one Evidence record (./kit.ts has what they share). Accessibility and compatibility are
 * halves of one walk of the journey (./shared-walk.ts): `gatherWalk` gathers both, or whichever of
 * them is asked for, in one walk.
 */
import type { Evidence } from '../core/evidence.ts';
import type { Suite } from '../core/ids.ts';
import { accessibilityHalf, gatherAccessibility } from './accessibility.ts';
import { compatibilityHalf, gatherCompatibility } from './compatibility.ts';
import type { GatherKit } from './kit.ts';
import { gatherContent } from './content.ts';
import { gatherLogin } from './login.ts';
import { gatherPerformance } from './performance.ts';
import { walkTogether, type HalfMaker, type HalfOutcome, type WalkSuite } from './shared-walk.ts';

export type { GatherKit } from './kit.ts';
export type { HalfOutcome, WalkSuite } from './shared-walk.ts';

export const GATHERERS: Record<Suite, (kit: GatherKit, attempt?: number) => Promise<Evidence>> = {
  login: gatherLogin,
  accessibility: gatherAccessibility,
  performance: gatherPerformance,
  compatibility: gatherCompatibility,
  content: gatherContent,
};

/** The suites that share one walk of the journey, in the order of every phase of it (./shared-walk.ts). */
export const WALK_SUITES = ['compatibility', 'accessibility'] as const satisfies readonly WalkSuite[];

const HALVES: Record<WalkSuite, HalfMaker> = { accessibility: accessibilityHalf, compatibility: compatibilityHalf };

export function isWalkSuite(suite: Suite): suite is WalkSuite {
  return (WALK_SUITES as readonly Suite[]).includes(suite);
}

/**
 * Gathers the walk suites in `attempts` (suite → the attempt its evidence records) in one walk of the
 * journey; one outcome per suite, evidence or the harness error that kept it from being gathered.
 */
export function gatherWalk(kit: GatherKit, attempts: Partial<Record<WalkSuite, number>>): Promise<HalfOutcome[]> {
  const specs = WALK_SUITES.flatMap((suite) => {
    const attempt = attempts[suite];
    return attempt === undefined ? [] : [{ suite, make: HALVES[suite], attempt }];
  });
  return walkTogether(kit, specs);
}
