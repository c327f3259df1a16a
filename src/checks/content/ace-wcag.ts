/**
 * content/ace-wcag: Ace by DAISY finds no WCAG A/AA violation of impact serious or critical in any
 * publication's content documents (Ace runs axe-core over each XHTML document in Chromium, and its
 * own EPUB rules). Ace's metadata rules are left to content/a11y-metadata, which owns that rule. The
 * score is the share of publications without such a violation; every violation is a finding with the
 * criteria its rule tags. Inconclusive when Ace could not be run.
 */
import type { Publication } from '../../core/index.ts';
import type { Check, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { ACE, EPUB_A11Y, examined, named, nothingExamined, shareClean } from './shared.ts';

/** Violations the check counts: WCAG-tagged, serious or critical, not Ace's metadata rules. */
export function wcagViolations(ace: NonNullable<Publication['ace']>): NonNullable<Publication['ace']>['violations'] {
  return ace.violations.filter(
    (v) =>
      !v.rule.startsWith('metadata-') &&
      (v.impact === 'serious' || v.impact === 'critical') &&
      (v.criteria.length > 0 || v.tags.some((t) => /^wcag2/.test(t)) || v.tags.includes('EPUB')),
  );
}

export const aceWcag: Check<'content'> = {
  meta: {
    id: 'content/ace-wcag',
    suite: 'content',
    title: 'Ace by DAISY finds no serious WCAG failure in the publications',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: [],
    references: [ACE, `${EPUB_A11Y} §4 Optimizing the content (WCAG 2 A/AA)`],
    reads: ['content.publications', 'content.declared', 'content.tools'],
  },
  evaluate({ data }) {
    const pubs = examined(data);
    if (pubs.length === 0) return nothingExamined(data);
    if (data.tools.ace.error)
      return { status: 'inconclusive', detail: `Ace could not be run: ${data.tools.ace.error}.` };
    const notRun = pubs.filter((p) => !p.ace?.ran);
    if (notRun.length > 0)
      return {
        status: 'inconclusive',
        detail: `Ace gave no report for ${notRun.map(named).join(', ')}: ${notRun[0]?.ace?.error ?? 'not run'}.`,
      };
    const findings: FindingInput[] = [];
    let failing = 0;
    for (const p of pubs) {
      const found = wcagViolations(p.ace!);
      if (found.length > 0) failing++;
      for (const v of found)
        findings.push({
          message:
            `${named(p)}: ${v.rule} (${v.impact}${v.criteria.length ? `, WCAG ${v.criteria.join(', ')}` : ''}) ` +
            `×${v.count}: ${v.description}${v.documents.length ? ` — in ${v.documents.join(', ')}` : ''}`,
        });
    }
    return {
      score: shareClean(pubs.length, failing),
      detail: `${pubs.length - failing} of ${pubs.length} publications without a serious WCAG failure in Ace's report.`,
      findings,
    };
  },
};
