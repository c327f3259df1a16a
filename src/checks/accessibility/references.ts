/**
 * From axe-core tags to the criteria a verdict cites, and to whether a rule is scored.
 *
 * - `wcag143` → the typed criterion `1.4.3`; its WCAG version, level and EN 301 549 clause come from
 *   the one criteria table (src/core/criteria.ts), not from the rule's level tag;
 * - `best-practice` (with no WCAG criterion) → the reference "axe-core best practice".
 */
import type { Impact, WcagSc } from '../../core/index.ts';
import { isWcagSc } from '../../core/index.ts';
import { IMPACT_WEIGHTS } from '../types.ts';

/**
 * Level tags whose success criteria are the legal baseline (WCAG 2.1 AA via EN 301 549 clause 9,
 * plus WCAG 2.2 A/AA): only rules carrying one of these are scored.
 */
export const SCORED_LEVEL_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

/** Tags that keep a rule out of the score even with a WCAG tag. */
export const UNSCORED_TAGS = ['experimental', 'deprecated'] as const;

/** `wcag1410` → `1.4.10`; undefined for tags that are not success criteria. */
export function successCriterion(tag: string): WcagSc | undefined {
  const m = /^wcag([1-4])([1-9])(\d{1,2})$/.exec(tag);
  const sc = m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
  return sc !== undefined && isWcagSc(sc) ? sc : undefined;
}

/** The WCAG success criteria a rule's tags name, in tag order, without repeats. */
export function criteriaFromTags(tags: readonly string[]): WcagSc[] {
  return [...new Set(tags.flatMap((t) => successCriterion(t) ?? []))];
}

/** Sources other than WCAG criteria that a rule's tags name. */
export function referencesFromTags(tags: readonly string[]): string[] {
  return criteriaFromTags(tags).length === 0 && tags.includes('best-practice') ? ['axe-core best practice'] : [];
}

/** Whether a rule with these tags counts towards the accessibility score. */
export function isScoredRule(tags: readonly string[]): boolean {
  return (
    tags.some((t) => (SCORED_LEVEL_TAGS as readonly string[]).includes(t)) &&
    !tags.some((t) => (UNSCORED_TAGS as readonly string[]).includes(t))
  );
}

/** Weight of a rule: its impact's weight when scored, else 0 (reported, not scored). */
export function ruleWeight(impact: Impact, tags: readonly string[]): number {
  return isScoredRule(tags) ? IMPACT_WEIGHTS[impact] : 0;
}
