/**
 * compatibility/page-errors: no uncaught JavaScript exceptions. An uncaught exception usually
 * means a feature stopped working in this engine. Binary; serious. Where the driver reports no
 * uncaught exceptions (WebDriver classic, e.g. WebKitGTK) the check is not applicable — unless the
 * harness's in-page observer recorded errors the page caught itself, which fail it there too.
 */
import type { PageError } from '../../core/index.ts';
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { reachedNote } from '../reached.ts';
import { stepUrl } from './step-urls.ts';
import { notObservable } from './observed.ts';

export const pageErrors: Check<'compatibility'> = {
  meta: {
    id: 'compatibility/page-errors',
    suite: 'compatibility',
    title: 'No uncaught script errors',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: [],
    references: [],
    reads: ['compatibility.pageErrors', 'compatibility.observed.pageErrors', 'steps'],
  },
  evaluate({ data, steps }) {
    const findings = (errors: readonly PageError[]) =>
      errors.map((e) => ({ message: `Uncaught exception: ${e.message}`, step: e.step, ...stepUrl(steps, e.step) }));
    if (data.observed && !data.observed.pageErrors) {
      // The driver reports no uncaught exceptions (WebDriver classic), but the in-page observer saw
      // the errors the page's own handler caught: those are facts, and they fail the check.
      const handled = data.pageErrors.filter((e) => e.handledByPage === true);
      if (handled.length === 0) return notObservable('uncaught exceptions');
      const n = handled.length;
      return {
        score: 0,
        detail:
          `${n} script error${n === 1 ? '' : 's'} the page caught with its own handler; ` +
          'exceptions nothing caught are not observable on this device.',
        findings: findings(handled),
      };
    }
    if (data.pageErrors.length === 0) return { score: 1, detail: `No uncaught exceptions.${reachedNote(steps)}` };
    return {
      score: 0,
      detail: `${data.pageErrors.length} uncaught exception${data.pageErrors.length === 1 ? '' : 's'}.`,
      findings: findings(data.pageErrors),
    };
  },
};
