import type { StepEvidence } from '../core/index.ts';

/**
 * What a pass over per-state evidence covers when the journey stopped early: "" when every step
 * walked completed, else a sentence saying which states were never examined. A pass then speaks
 * only of the states reached (journey-completed fails for the step itself).
 */
export function reachedNote(steps: readonly StepEvidence[]): string {
  const failed = steps.find((s) => !s.ok);
  if (!failed) return '';
  return (
    ` Only the states before step "${failed.step}" were examined: the journey stopped there (see ` +
    `journey-completed).`
  );
}
