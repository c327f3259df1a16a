/**
 * compatibility/console-errors: the browser console shows no errors while a patron walks the
 * journey. Console errors are how broken scripts, blocked resources and engine incompatibilities
 * show themselves; warnings are not counted. Binary: any error fails, one finding per entry.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { stepUrl } from './step-urls.ts';

export const consoleErrors: Check<'compatibility'> = {
  meta: {
    id: 'compatibility/console-errors',
    suite: 'compatibility',
    title: 'No errors in the browser console',
    impact: 'moderate',
    weight: IMPACT_WEIGHTS.moderate,
    references: ['Lighthouse: errors-in-console'],
    reads: ['compatibility.console[level=error]', 'steps'],
  },
  evaluate({ data, steps }) {
    const errors = data.console.filter((entry) => entry.level === 'error');
    if (errors.length === 0) return { score: 1, detail: 'The console showed no errors.' };
    return {
      score: 0,
      detail: `${errors.length} console error${errors.length === 1 ? '' : 's'}.`,
      findings: errors.map((e) => ({
        message: `Console error: ${e.text}${e.location ? ` (at ${e.location})` : ''}`,
        step: e.step,
        ...stepUrl(steps, e.step),
      })),
    };
  },
};
