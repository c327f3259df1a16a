import type { StepEvidence } from '../../core/index.ts';

/** The URL reached by each journey step, to locate entries that only name their step. */
export function stepUrl(steps: readonly StepEvidence[], step: string): { url?: string; screenshot?: string } {
  const found = steps.find((s) => s.step === step);
  if (!found) return {};
  return { url: found.url, ...(found.screenshot !== undefined ? { screenshot: found.screenshot } : {}) };
}
