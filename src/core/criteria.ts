/**
 * WCAG success criteria as typed ids: the closed set every check's `criteria` draws from, with each
 * criterion's title, level, the WCAG version that introduced it (one version per criterion) and the
 * EN 301 549 clause that adopts it for web content (clause 9: V3.2.1 adopts WCAG 2.1; the criteria new
 * in WCAG 2.2 are cited with the clause number of the V4 draft, which adopts WCAG 2.2, and marked so).
 *
 * This module owns the rule "which standard a verdict cites": checks declare SC ids, and references
 * in words ("WCAG 2.1 SC 1.4.10 Reflow (AA)", "EN 301 549 9.1.4.10") are derived from here, never
 * written by hand and never parsed back.
 */
import { z } from 'zod';

export const WCAG_LEVELS = ['A', 'AA', 'AAA'] as const;
export type WcagLevel = (typeof WCAG_LEVELS)[number];

export const WCAG_VERSIONS = ['2.0', '2.1', '2.2'] as const;
export type WcagVersion = (typeof WCAG_VERSIONS)[number];

/** [sc, title, level, version introduced]. 4.1.1 Parsing is obsolete in WCAG 2.2 and kept for old tags. */
const TABLE = [
  ['1.1.1', 'Non-text Content', 'A', '2.0'],
  ['1.2.1', 'Audio-only and Video-only (Prerecorded)', 'A', '2.0'],
  ['1.2.2', 'Captions (Prerecorded)', 'A', '2.0'],
  ['1.2.3', 'Audio Description or Media Alternative (Prerecorded)', 'A', '2.0'],
  ['1.2.4', 'Captions (Live)', 'AA', '2.0'],
  ['1.2.5', 'Audio Description (Prerecorded)', 'AA', '2.0'],
  ['1.2.6', 'Sign Language (Prerecorded)', 'AAA', '2.0'],
  ['1.2.7', 'Extended Audio Description (Prerecorded)', 'AAA', '2.0'],
  ['1.2.8', 'Media Alternative (Prerecorded)', 'AAA', '2.0'],
  ['1.2.9', 'Audio-only (Live)', 'AAA', '2.0'],
  ['1.3.1', 'Info and Relationships', 'A', '2.0'],
  ['1.3.2', 'Meaningful Sequence', 'A', '2.0'],
  ['1.3.3', 'Sensory Characteristics', 'A', '2.0'],
  ['1.3.4', 'Orientation', 'AA', '2.1'],
  ['1.3.5', 'Identify Input Purpose', 'AA', '2.1'],
  ['1.3.6', 'Identify Purpose', 'AAA', '2.1'],
  ['1.4.1', 'Use of Color', 'A', '2.0'],
  ['1.4.2', 'Audio Control', 'A', '2.0'],
  ['1.4.3', 'Contrast (Minimum)', 'AA', '2.0'],
  ['1.4.4', 'Resize Text', 'AA', '2.0'],
  ['1.4.5', 'Images of Text', 'AA', '2.0'],
  ['1.4.6', 'Contrast (Enhanced)', 'AAA', '2.0'],
  ['1.4.7', 'Low or No Background Audio', 'AAA', '2.0'],
  ['1.4.8', 'Visual Presentation', 'AAA', '2.0'],
  ['1.4.9', 'Images of Text (No Exception)', 'AAA', '2.0'],
  ['1.4.10', 'Reflow', 'AA', '2.1'],
  ['1.4.11', 'Non-text Contrast', 'AA', '2.1'],
  ['1.4.12', 'Text Spacing', 'AA', '2.1'],
  ['1.4.13', 'Content on Hover or Focus', 'AA', '2.1'],
  ['2.1.1', 'Keyboard', 'A', '2.0'],
  ['2.1.2', 'No Keyboard Trap', 'A', '2.0'],
  ['2.1.3', 'Keyboard (No Exception)', 'AAA', '2.0'],
  ['2.1.4', 'Character Key Shortcuts', 'A', '2.1'],
  ['2.2.1', 'Timing Adjustable', 'A', '2.0'],
  ['2.2.2', 'Pause, Stop, Hide', 'A', '2.0'],
  ['2.2.3', 'No Timing', 'AAA', '2.0'],
  ['2.2.4', 'Interruptions', 'AAA', '2.0'],
  ['2.2.5', 'Re-authenticating', 'AAA', '2.0'],
  ['2.2.6', 'Timeouts', 'AAA', '2.1'],
  ['2.3.1', 'Three Flashes or Below Threshold', 'A', '2.0'],
  ['2.3.2', 'Three Flashes', 'AAA', '2.0'],
  ['2.3.3', 'Animation from Interactions', 'AAA', '2.1'],
  ['2.4.1', 'Bypass Blocks', 'A', '2.0'],
  ['2.4.2', 'Page Titled', 'A', '2.0'],
  ['2.4.3', 'Focus Order', 'A', '2.0'],
  ['2.4.4', 'Link Purpose (In Context)', 'A', '2.0'],
  ['2.4.5', 'Multiple Ways', 'AA', '2.0'],
  ['2.4.6', 'Headings and Labels', 'AA', '2.0'],
  ['2.4.7', 'Focus Visible', 'AA', '2.0'],
  ['2.4.8', 'Location', 'AAA', '2.0'],
  ['2.4.9', 'Link Purpose (Link Only)', 'AAA', '2.0'],
  ['2.4.10', 'Section Headings', 'AAA', '2.0'],
  ['2.4.11', 'Focus Not Obscured (Minimum)', 'AA', '2.2'],
  ['2.4.12', 'Focus Not Obscured (Enhanced)', 'AAA', '2.2'],
  ['2.4.13', 'Focus Appearance', 'AAA', '2.2'],
  ['2.5.1', 'Pointer Gestures', 'A', '2.1'],
  ['2.5.2', 'Pointer Cancellation', 'A', '2.1'],
  ['2.5.3', 'Label in Name', 'A', '2.1'],
  ['2.5.4', 'Motion Actuation', 'A', '2.1'],
  ['2.5.5', 'Target Size (Enhanced)', 'AAA', '2.1'],
  ['2.5.6', 'Concurrent Input Mechanisms', 'AAA', '2.1'],
  ['2.5.7', 'Dragging Movements', 'AA', '2.2'],
  ['2.5.8', 'Target Size (Minimum)', 'AA', '2.2'],
  ['3.1.1', 'Language of Page', 'A', '2.0'],
  ['3.1.2', 'Language of Parts', 'AA', '2.0'],
  ['3.1.3', 'Unusual Words', 'AAA', '2.0'],
  ['3.1.4', 'Abbreviations', 'AAA', '2.0'],
  ['3.1.5', 'Reading Level', 'AAA', '2.0'],
  ['3.1.6', 'Pronunciation', 'AAA', '2.0'],
  ['3.2.1', 'On Focus', 'A', '2.0'],
  ['3.2.2', 'On Input', 'A', '2.0'],
  ['3.2.3', 'Consistent Navigation', 'AA', '2.0'],
  ['3.2.4', 'Consistent Identification', 'AA', '2.0'],
  ['3.2.5', 'Change on Request', 'AAA', '2.0'],
  ['3.2.6', 'Consistent Help', 'A', '2.2'],
  ['3.3.1', 'Error Identification', 'A', '2.0'],
  ['3.3.2', 'Labels or Instructions', 'A', '2.0'],
  ['3.3.3', 'Error Suggestion', 'AA', '2.0'],
  ['3.3.4', 'Error Prevention (Legal, Financial, Data)', 'AA', '2.0'],
  ['3.3.5', 'Help', 'AAA', '2.0'],
  ['3.3.6', 'Error Prevention (All)', 'AAA', '2.0'],
  ['3.3.7', 'Redundant Entry', 'A', '2.2'],
  ['3.3.8', 'Accessible Authentication (Minimum)', 'AA', '2.2'],
  ['3.3.9', 'Accessible Authentication (Enhanced)', 'AAA', '2.2'],
  ['4.1.1', 'Parsing (obsolete in WCAG 2.2)', 'A', '2.0'],
  ['4.1.2', 'Name, Role, Value', 'A', '2.0'],
  ['4.1.3', 'Status Messages', 'AA', '2.1'],
] as const satisfies readonly (readonly [string, string, WcagLevel, WcagVersion])[];

/** Every WCAG success criterion id, e.g. `1.4.10`. */
export const WCAG_SC_IDS = TABLE.map((row) => row[0]) as unknown as readonly [
  (typeof TABLE)[number][0],
  ...(typeof TABLE)[number][0][],
];
export type WcagSc = (typeof TABLE)[number][0];
export const WcagScSchema = z.enum(WCAG_SC_IDS).describe('A WCAG success criterion id, e.g. 1.4.10');

export interface Criterion {
  readonly sc: WcagSc;
  readonly title: string;
  readonly level: WcagLevel;
  /** The WCAG version that introduced it. */
  readonly version: WcagVersion;
  /** EN 301 549 clause for web content. */
  readonly en: string;
  /** True when the clause is from the V4 draft (WCAG 2.2), not V3.2.1. */
  readonly enDraft: boolean;
}

/** Every criterion, in WCAG order. */
export const ALL_CRITERIA: readonly Criterion[] = TABLE.map(([sc, title, level, version]) => ({
  sc,
  title,
  level,
  version,
  en: `9.${sc}`,
  enDraft: version === '2.2',
}));

/** WCAG 2.2 A and AA success criteria (the legal baseline; the conformance table lists every one of them). */
export const WCAG_CRITERIA: readonly Criterion[] = ALL_CRITERIA.filter((c) => c.level !== 'AAA' && c.sc !== '4.1.1');

export function isWcagSc(id: string): id is WcagSc {
  return (WCAG_SC_IDS as readonly string[]).includes(id);
}

export function criterion(sc: WcagSc): Criterion {
  return ALL_CRITERIA.find((x) => x.sc === sc) as Criterion;
}

/** "WCAG 2.1 SC 1.4.10 Reflow (AA)" — the one way a criterion is cited in words. */
function wcagReference(sc: WcagSc): string {
  const x = criterion(sc);
  return `WCAG ${x.version} SC ${x.sc} ${x.title} (${x.level})`;
}

/** "EN 301 549 9.1.4.10" (or "EN 301 549 V4 draft 9.2.4.11" for criteria new in WCAG 2.2). */
function enReference(sc: WcagSc): string {
  const x = criterion(sc);
  return `EN 301 549 ${x.enDraft ? 'V4 draft ' : ''}${x.en}`;
}

/** Both citations of each criterion: WCAG first, then EN 301 549. */
export function criterionReferences(scs: readonly WcagSc[]): string[] {
  return [...scs.map(wcagReference), ...scs.map(enReference)];
}
