/**
 * compatibility/console-errors: the browser console shows no errors while a patron walks the
 * journey. Console errors are how broken scripts, blocked resources and engine incompatibilities
 * show themselves; warnings are not counted. Binary: any error fails, one finding per entry.
 *
 * Excluded: the console line a browser prints for its own favicon.ico probe answered 404 — the same
 * request failed-requests ignores (see isIgnoredFaviconConsole).
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { reachedNote } from '../reached.ts';
import { stepUrl } from './step-urls.ts';
import { notObservable } from './observed.ts';
import { isIgnoredRequest } from './failed-requests.ts';

/** Chromium logs "Failed to load resource … 404" at the favicon's URL for its own favicon probe. */
function isIgnoredFaviconConsole(entry: { text: string; location?: string | undefined }): boolean {
  const url = entry.location?.replace(/:\d+$/, '') ?? '';
  return (
    /Failed to load resource/i.test(entry.text) &&
    / 404\b/.test(entry.text) &&
    isIgnoredRequest({ url, status: 404, failure: null, method: 'GET', resourceType: 'other', step: '' })
  );
}

export const consoleErrors: Check<'compatibility'> = {
  meta: {
    id: 'compatibility/console-errors',
    suite: 'compatibility',
    title: 'No errors in the browser console',
    impact: 'moderate',
    weight: IMPACT_WEIGHTS.moderate,
    criteria: [],
    references: ['Lighthouse: errors-in-console'],
    reads: ['compatibility.console[level=error]', 'compatibility.observed.console', 'steps'],
  },
  evaluate({ data, steps }) {
    if (data.observed && !data.observed.console) return notObservable('console messages');
    const errors = data.console.filter((entry) => entry.level === 'error' && !isIgnoredFaviconConsole(entry));
    if (errors.length === 0) return { score: 1, detail: `The console showed no errors.${reachedNote(steps)}` };
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
