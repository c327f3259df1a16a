/**
 * The WCAG 2.2 success criteria the harness tests beyond axe-core, with their level and the
 * EN 301 549 clause that adopts them for web content (clause 9, V3.2.1 = WCAG 2.1). WCAG 2.2's new
 * criteria (2.4.11, 2.5.8) are not in V3.2.1; they are cited with the clause number of the V4
 * draft, which adopts WCAG 2.2, and marked as such.
 *
 * Weight policy (impact × criterion level): a beyond-axe check weighs IMPACT_WEIGHTS[impact] ×
 * LEVEL_FACTORS[level]. Level A criteria are the ones whose failure blocks a patron outright (no
 * keyboard access, no captions, no name), so they count in full; AA criteria count 0.75.
 */
import type { Impact } from '../../core/index.ts';
import { IMPACT_WEIGHTS } from '../types.ts';

export const WCAG_LEVELS = ['A', 'AA'] as const;
export type WcagLevel = (typeof WCAG_LEVELS)[number];

export const LEVEL_FACTORS = { A: 1, AA: 0.75 } as const satisfies Record<WcagLevel, number>;

export interface Criterion {
  readonly sc: string;
  readonly title: string;
  readonly level: WcagLevel;
  /** The WCAG version that introduced it. */
  readonly version: '2.0' | '2.1' | '2.2';
  /** EN 301 549 clause for web content. */
  readonly en: string;
  /** True when the clause is from the V4 draft (WCAG 2.2), not V3.2.1. */
  readonly enDraft: boolean;
}

const c = (sc: string, title: string, level: WcagLevel, version: Criterion['version']): Criterion => ({
  sc,
  title,
  level,
  version,
  en: `9.${sc}`,
  enDraft: version === '2.2',
});

/** WCAG 2.2 A and AA success criteria (the conformance table lists every one of them). */
export const WCAG_CRITERIA: readonly Criterion[] = [
  c('1.1.1', 'Non-text Content', 'A', '2.0'),
  c('1.2.1', 'Audio-only and Video-only (Prerecorded)', 'A', '2.0'),
  c('1.2.2', 'Captions (Prerecorded)', 'A', '2.0'),
  c('1.2.3', 'Audio Description or Media Alternative (Prerecorded)', 'A', '2.0'),
  c('1.2.4', 'Captions (Live)', 'AA', '2.0'),
  c('1.2.5', 'Audio Description (Prerecorded)', 'AA', '2.0'),
  c('1.3.1', 'Info and Relationships', 'A', '2.0'),
  c('1.3.2', 'Meaningful Sequence', 'A', '2.0'),
  c('1.3.3', 'Sensory Characteristics', 'A', '2.0'),
  c('1.3.4', 'Orientation', 'AA', '2.1'),
  c('1.3.5', 'Identify Input Purpose', 'AA', '2.1'),
  c('1.4.1', 'Use of Color', 'A', '2.0'),
  c('1.4.2', 'Audio Control', 'A', '2.0'),
  c('1.4.3', 'Contrast (Minimum)', 'AA', '2.0'),
  c('1.4.4', 'Resize Text', 'AA', '2.0'),
  c('1.4.5', 'Images of Text', 'AA', '2.0'),
  c('1.4.10', 'Reflow', 'AA', '2.1'),
  c('1.4.11', 'Non-text Contrast', 'AA', '2.1'),
  c('1.4.12', 'Text Spacing', 'AA', '2.1'),
  c('1.4.13', 'Content on Hover or Focus', 'AA', '2.1'),
  c('2.1.1', 'Keyboard', 'A', '2.0'),
  c('2.1.2', 'No Keyboard Trap', 'A', '2.0'),
  c('2.1.4', 'Character Key Shortcuts', 'A', '2.1'),
  c('2.2.1', 'Timing Adjustable', 'A', '2.0'),
  c('2.2.2', 'Pause, Stop, Hide', 'A', '2.0'),
  c('2.3.1', 'Three Flashes or Below Threshold', 'A', '2.0'),
  c('2.4.1', 'Bypass Blocks', 'A', '2.0'),
  c('2.4.2', 'Page Titled', 'A', '2.0'),
  c('2.4.3', 'Focus Order', 'A', '2.0'),
  c('2.4.4', 'Link Purpose (In Context)', 'A', '2.0'),
  c('2.4.5', 'Multiple Ways', 'AA', '2.0'),
  c('2.4.6', 'Headings and Labels', 'AA', '2.0'),
  c('2.4.7', 'Focus Visible', 'AA', '2.0'),
  c('2.4.11', 'Focus Not Obscured (Minimum)', 'AA', '2.2'),
  c('2.5.1', 'Pointer Gestures', 'A', '2.1'),
  c('2.5.2', 'Pointer Cancellation', 'A', '2.1'),
  c('2.5.3', 'Label in Name', 'A', '2.1'),
  c('2.5.4', 'Motion Actuation', 'A', '2.1'),
  c('2.5.7', 'Dragging Movements', 'AA', '2.2'),
  c('2.5.8', 'Target Size (Minimum)', 'AA', '2.2'),
  c('3.1.1', 'Language of Page', 'A', '2.0'),
  c('3.1.2', 'Language of Parts', 'AA', '2.0'),
  c('3.2.1', 'On Focus', 'A', '2.0'),
  c('3.2.2', 'On Input', 'A', '2.0'),
  c('3.2.3', 'Consistent Navigation', 'AA', '2.0'),
  c('3.2.4', 'Consistent Identification', 'AA', '2.0'),
  c('3.2.6', 'Consistent Help', 'A', '2.2'),
  c('3.3.1', 'Error Identification', 'A', '2.0'),
  c('3.3.2', 'Labels or Instructions', 'A', '2.0'),
  c('3.3.3', 'Error Suggestion', 'AA', '2.0'),
  c('3.3.4', 'Error Prevention (Legal, Financial, Data)', 'AA', '2.0'),
  c('3.3.7', 'Redundant Entry', 'A', '2.2'),
  c('3.3.8', 'Accessible Authentication (Minimum)', 'AA', '2.2'),
  c('4.1.2', 'Name, Role, Value', 'A', '2.0'),
  c('4.1.3', 'Status Messages', 'AA', '2.1'),
];

export function criterion(sc: string): Criterion {
  const found = WCAG_CRITERIA.find((x) => x.sc === sc);
  if (!found) throw new Error(`Unknown WCAG success criterion ${sc}`);
  return found;
}

/** "WCAG 2.2 SC 2.4.11 (AA)" and "EN 301 549 9.2.4.11" (or "EN 301 549 V4 draft 9.2.4.11"). */
export function criterionReferences(...scs: string[]): string[] {
  const list = scs.map(criterion);
  return [
    ...list.map((x) => `WCAG ${x.version} SC ${x.sc} ${x.title} (${x.level})`),
    ...list.map((x) => `EN 301 549 ${x.enDraft ? 'V4 draft ' : ''}${x.en}`),
  ];
}

/** The policy weight of a check citing these criteria: impact weight × the strictest (A) level's factor. */
export function criterionWeight(impact: Impact, ...scs: string[]): number {
  const factor = Math.max(...scs.map((sc) => LEVEL_FACTORS[criterion(sc).level]));
  return IMPACT_WEIGHTS[impact] * factor;
}
