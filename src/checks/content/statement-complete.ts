/**
 * content/statement-complete: the accessibility statement contains what Act 306/2019 §16 and the
 * model statement of Implementing Decision (EU) 2018/1523 require: the conformance status, the content
 * that is not accessible and why, the date it was prepared and last reviewed, a feedback channel, and
 * the enforcement procedure (the supervisory authority: in Finland Etelä-Suomen aluehallintovirasto,
 * and Traficom for the EAA). Serious. Not applicable when there is no statement
 * (content/statement-present fails then).
 */
import { STATEMENT_PARTS, type StatementPart } from '../../core/index.ts';
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { STATEMENT_LAW } from './shared.ts';

export const PART_NAMES: Record<StatementPart, string> = {
  conformance: 'the conformance status',
  'non-accessible': 'the content that is not accessible and why',
  prepared: 'the date it was prepared',
  reviewed: 'the date it was last reviewed',
  feedback: 'a feedback channel',
  enforcement: 'the enforcement procedure (supervisory authority)',
};

export const statementComplete: Check<'content'> = {
  meta: {
    id: 'content/statement-complete',
    suite: 'content',
    title: 'The accessibility statement has every required part',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: [],
    references: [STATEMENT_LAW],
    reads: ['content.statement'],
  },
  evaluate({ data }) {
    const s = data.statement;
    if (s.status !== 'fetched' || !s.parts)
      return { status: 'not-applicable', detail: 'No accessibility statement was read.' };
    const parts = s.parts;
    const missing = STATEMENT_PARTS.filter((p) => !parts[p].found);
    // "Fully compliant" needs no list of non-accessible content.
    const needed = missing.filter((p) => !(p === 'non-accessible' && s.conformance === 'full'));
    return {
      // Binary: a statement missing a part the law requires does not meet it.
      score: needed.length === 0 ? 1 : 0,
      value: needed.length,
      unit: 'missing parts',
      detail:
        needed.length === 0
          ? 'Every required part was found.'
          : `Missing: ${needed.map((p) => PART_NAMES[p]).join(', ')}.`,
      findings: needed.map((p) => ({
        message: `The accessibility statement does not state ${PART_NAMES[p]}.`,
        ...(s.url ? { url: s.url } : {}),
      })),
    };
  },
};
