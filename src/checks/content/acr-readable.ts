/**
 * content/acr-readable: the ACR the service declares (OpenACR, GSA's YAML schema) could be read and
 * holds claims. Moderate: an ACR that cannot be read cannot be held against the findings. Not
 * applicable when no ACR is declared. The claims are compared with the harness's conformance
 * evidence in the scorecard (src/checks/content/acr-contradictions.ts).
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';

export const acrReadable: Check<'content'> = {
  meta: {
    id: 'content/acr-readable',
    suite: 'content',
    title: "The vendor's ACR (OpenACR) can be read",
    impact: 'moderate',
    weight: IMPACT_WEIGHTS.moderate,
    criteria: [],
    references: ['OpenACR (GSA), VPAT 2.5'],
    reads: ['content.acr'],
  },
  evaluate({ data }) {
    const acr = data.acr;
    if (acr === undefined) return { status: 'not-applicable', detail: 'The service declares no ACR.' };
    if (acr.status !== 'parsed')
      return {
        score: 0,
        detail: `The ACR could not be read: ${acr.error ?? acr.status}.`,
        findings: [{ message: `The ACR ${acr.source} could not be read (${acr.status}): ${acr.error ?? ''}.` }],
      };
    if (acr.claims.length === 0)
      return {
        score: 0,
        detail: 'The ACR holds no criterion claims.',
        findings: [{ message: `The ACR ${acr.source} holds no criterion claims.` }],
      };
    return { score: 1, detail: `${acr.claims.length} claims read from ${acr.source}.` };
  },
};
