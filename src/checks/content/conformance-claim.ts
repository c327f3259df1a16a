/**
 * content/conformance-claim: a publication that claims conformance (dcterms:conformsTo, e.g. "EPUB
 * Accessibility 1.1 - WCAG 2.1 Level AA") holds up against Ace: "claimed conforms, found failing" is
 * a contradiction (a serious or critical WCAG violation, or missing required metadata). Serious: a
 * claim a committee and a patron rely on is false. Not applicable when no publication makes a claim.
 */
import type { Check, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { wcagViolations } from './ace-wcag.ts';
import { ACE, EPUB_A11Y, examined, named, nothingExamined, shareClean } from './shared.ts';

export const conformanceClaim: Check<'content'> = {
  meta: {
    id: 'content/conformance-claim',
    suite: 'content',
    title: "The publications' own conformance claims hold up",
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: [],
    references: [`${EPUB_A11Y} §3 Conformance reporting`, ACE],
    reads: ['content.publications', 'content.declared', 'content.tools'],
  },
  evaluate({ data }) {
    const all = examined(data);
    if (all.length === 0) return nothingExamined(data);
    const claiming = all.filter((p) => p.package!.metadata.conformsTo.length > 0);
    if (claiming.length === 0) return { status: 'not-applicable', detail: 'No publication claims conformance.' };
    if (claiming.some((p) => !p.ace?.ran))
      return { status: 'inconclusive', detail: 'Ace gave no report for a publication that claims conformance.' };
    const findings: FindingInput[] = [];
    let failing = 0;
    for (const p of claiming) {
      const claim = p.package!.metadata.conformsTo.join('; ');
      const found = wcagViolations(p.ace!);
      const missing = p.ace!.metadataMissing.filter((m) => m.startsWith('schema:'));
      if (found.length === 0 && missing.length === 0) continue;
      failing++;
      if (found.length > 0)
        findings.push({
          message:
            `${named(p)} claims "${claim}", but Ace finds ` +
            `${found.map((v) => `${v.rule} (${v.impact})`).join(', ')}.`,
        });
      if (missing.length > 0)
        findings.push({ message: `${named(p)} claims "${claim}", but lacks ${missing.join(', ')}.` });
    }
    return {
      score: shareClean(claiming.length, failing),
      detail: `${claiming.length - failing} of ${claiming.length} conformance claims hold up against Ace.`,
      findings,
    };
  },
};
