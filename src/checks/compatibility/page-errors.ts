/**
 * compatibility/page-errors: no uncaught JavaScript exceptions. An uncaught exception usually
 * means a feature stopped working in this engine. Binary; serious.
 */
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
    if (data.observed && !data.observed.pageErrors) return notObservable('uncaught exceptions');
    if (data.pageErrors.length === 0) return { score: 1, detail: `No uncaught exceptions.${reachedNote(steps)}` };
    return {
      score: 0,
      detail: `${data.pageErrors.length} uncaught exception${data.pageErrors.length === 1 ? '' : 's'}.`,
      findings: data.pageErrors.map((e) => ({ message: `Uncaught exception: ${e.message}`, step: e.step, ...stepUrl(steps, e.step) })),
    };
  },
};
