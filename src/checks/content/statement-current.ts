/**
 * content/statement-current: the accessibility statement was prepared or last reviewed within a year
 * of the run (Act 306/2019 §16 and Implementing Decision (EU) 2018/1523 ask that the statement be
 * reviewed regularly, at least yearly in the model statement's guidance). Measured from when it was
 * read (`statement.fetchedAt`). Moderate. Inconclusive when no date is stated (statement-complete
 * fails that part); not applicable without a statement.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { STATEMENT_LAW } from './shared.ts';

/** The limit: 366 days, so that a statement reviewed on the same date a year ago is still current. */
export const STATEMENT_MAX_AGE_DAYS = 366;

export const statementCurrent: Check<'content'> = {
  meta: {
    id: 'content/statement-current',
    suite: 'content',
    title: 'The accessibility statement is not older than a year',
    impact: 'moderate',
    weight: IMPACT_WEIGHTS.moderate,
    criteria: [],
    references: [STATEMENT_LAW],
    reads: ['content.statement'],
  },
  evaluate({ data }) {
    const s = data.statement;
    if (s.status !== 'fetched' || !s.parts)
      return { status: 'not-applicable', detail: 'No accessibility statement was read.' };
    const dates = [s.parts.prepared.date, s.parts.reviewed.date].filter((d): d is string => d !== undefined).sort();
    const latest = dates.at(-1);
    if (latest === undefined)
      return { status: 'inconclusive', detail: 'The statement gives no date of preparation or review.' };
    const days = Math.floor((Date.parse(s.fetchedAt) - Date.parse(`${latest}T00:00:00Z`)) / 86_400_000);
    if (days <= STATEMENT_MAX_AGE_DAYS)
      return { score: 1, value: days, unit: 'days', detail: `Last dated ${latest}, ${days} days before the run.` };
    return {
      score: 0,
      value: days,
      unit: 'days',
      detail: `Last dated ${latest}, ${days} days before the run.`,
      findings: [
        {
          message:
            `The accessibility statement was last prepared or reviewed on ${latest}, ${days} days ago (more than a ` +
            `year).`,
          ...(s.url ? { url: s.url } : {}),
        },
      ],
    };
  },
};
