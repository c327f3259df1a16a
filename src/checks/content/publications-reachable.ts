/**
 * content/publications-reachable: every publication the service declares (sample files, OPDS
 * acquisition links, the journey's download link) could be fetched and read as an EPUB. Serious: a
 * publication the harness cannot fetch is one a patron may not get either, and none of its
 * accessibility can be checked. Not applicable when no publication is declared.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { named } from './shared.ts';

export const publicationsReachable: Check<'content'> = {
  meta: {
    id: 'content/publications-reachable',
    suite: 'content',
    title: 'The sample publications can be fetched and opened',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: [],
    references: [],
    reads: ['content.publications', 'content.declared', 'content.opds'],
  },
  evaluate({ data }) {
    const d = data.declared;
    if (d.samples === 0 && d.opds === null && d.download === null)
      return { status: 'not-applicable', detail: 'The service declares no publications to check.' };
    const findings = data.publications.flatMap((p) => {
      if (p.status === 'unreachable')
        return [{ message: `${named(p)} could not be fetched: ${p.error ?? 'no reason recorded'}.` }];
      if (p.package?.error) return [{ message: `${named(p)} could not be opened as an EPUB: ${p.package.error}.` }];
      return [];
    });
    if (data.opds?.error)
      findings.push({ message: `The OPDS feed ${data.opds.url} could not be read: ${data.opds.error}.` });
    else if (data.opds && data.opds.entries === 0)
      findings.push({ message: `The OPDS feed ${data.opds.url} lists no EPUB acquisition link.` });
    if (data.publications.length === 0) {
      return { score: 0, detail: 'No publication was found where the service declares them.', findings };
    }
    const failing =
      data.publications.length - data.publications.filter((p) => p.status === 'checked' && !p.package?.error).length;
    return {
      score: findings.length === 0 ? 1 : 0,
      detail: `${data.publications.length - failing} of ${data.publications.length} publications fetched and opened.`,
      findings,
    };
  },
};
