/**
 * content/statement-present: the service publishes an accessibility statement (saavutettavuusseloste,
 * tillgänglighetsutlåtande) that the harness could find — declared in the service YAML or linked from
 * the journey's first page — and read. Act 306/2019 §15–16 requires one for a digital service a public
 * library offers; the EAA (Directive (EU) 2019/882 Annex V) requires the service's accessibility
 * information. Serious.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { STATEMENT_LAW } from './shared.ts';

export const statementPresent: Check<'content'> = {
  meta: {
    id: 'content/statement-present',
    suite: 'content',
    title: 'An accessibility statement is published',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: [],
    references: [STATEMENT_LAW, 'Directive (EU) 2019/882 Annex V'],
    reads: ['content.statement'],
  },
  evaluate({ data }) {
    const s = data.statement;
    if (s.status === 'fetched') {
      const where = s.foundBy === 'declared' ? 'where the service YAML says' : `from the link "${s.linkText ?? ''}"`;
      return { score: 1, detail: `Found ${where}: ${s.url ?? ''}.` };
    }
    if (s.status === 'absent')
      return {
        score: 0,
        detail: 'No accessibility statement was declared or linked.',
        findings: [
          {
            message:
              'No accessibility statement: the service YAML declares none and no link named saavutettavuusseloste, ' +
              'tillgänglighetsutlåtande or accessibility statement was found on the first page of the journey.',
          },
        ],
      };
    return {
      score: 0,
      detail: `The accessibility statement could not be read: ${s.error ?? 'no reason recorded'}.`,
      findings: [
        {
          message: `The accessibility statement at ${s.url ?? '?'} could not be read: ${s.error ?? ''}.`,
          ...(s.url ? { url: s.url } : {}),
        },
      ],
    };
  },
};
