/**
 * From axe-core tags to the standards a verdict cites, and to whether a rule is scored.
 *
 * - `wcag143` with level tag `wcag2aa` → "WCAG 2.0 SC 1.4.3 (AA)": the WCAG version and level come
 *   from the rule's level tag (wcag2a/wcag2aa → 2.0, wcag21a/wcag21aa → 2.1, wcag22aa → 2.2).
 * - `EN-9.1.4.3` → "EN 301 549 9.1.4.3".
 * - `best-practice` (with no WCAG tag) → "axe-core best practice".
 */
import type { Impact } from '../../core/index.ts';
import { IMPACT_WEIGHTS } from '../types.ts';

const LEVEL_TAGS = {
  wcag2a: { version: '2.0', level: 'A' },
  wcag2aa: { version: '2.0', level: 'AA' },
  wcag2aaa: { version: '2.0', level: 'AAA' },
  'wcag2a-obsolete': { version: '2.0', level: 'A, obsolete' },
  wcag21a: { version: '2.1', level: 'A' },
  wcag21aa: { version: '2.1', level: 'AA' },
  wcag21aaa: { version: '2.1', level: 'AAA' },
  wcag22a: { version: '2.2', level: 'A' },
  wcag22aa: { version: '2.2', level: 'AA' },
  wcag22aaa: { version: '2.2', level: 'AAA' },
} as const;
type LevelTag = keyof typeof LEVEL_TAGS;

/**
 * Level tags whose success criteria are the legal baseline (WCAG 2.1 AA via EN 301 549 clause 9,
 * plus WCAG 2.2 A/AA): only rules carrying one of these are scored.
 */
export const SCORED_LEVEL_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

/** Tags that keep a rule out of the score even with a WCAG tag. */
export const UNSCORED_TAGS = ['experimental', 'deprecated'] as const;

function isLevelTag(tag: string): tag is LevelTag {
  return Object.hasOwn(LEVEL_TAGS, tag);
}

/** `wcag1410` → `1.4.10`; undefined for tags that are not success criteria. */
export function successCriterion(tag: string): string | undefined {
  const m = /^wcag([1-4])([1-9])(\d{1,2})$/.exec(tag);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
}

export function referencesFromTags(tags: readonly string[]): string[] {
  const level = tags.filter(isLevelTag).map((t) => LEVEL_TAGS[t])[0];
  const refs: string[] = [];
  for (const tag of tags) {
    const sc = successCriterion(tag);
    if (sc !== undefined) refs.push(level ? `WCAG ${level.version} SC ${sc} (${level.level})` : `WCAG SC ${sc}`);
  }
  for (const tag of tags) {
    const en = /^EN-(9(?:\.\d+)+)$/.exec(tag);
    if (en) refs.push(`EN 301 549 ${en[1]}`);
  }
  if (refs.length === 0 && tags.includes('best-practice')) refs.push('axe-core best practice');
  return refs;
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
