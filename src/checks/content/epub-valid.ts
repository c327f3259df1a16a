/**
 * content/epub-valid: every publication passes EPUBCheck (W3C's EPUB validator) without fatal errors or
 * errors. Serious: an invalid EPUB may not open, or open differently, in patrons' reading systems and
 * assistive technology. Inconclusive when EPUBCheck could not be run.
 */
import type { Check, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { examined, named, nothingExamined, shareClean } from './shared.ts';

export const epubValid: Check<'content'> = {
  meta: {
    id: 'content/epub-valid',
    suite: 'content',
    title: 'The publications are valid EPUB (EPUBCheck)',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: [],
    references: ['EPUB 3.3 (W3C), checked with EPUBCheck'],
    reads: ['content.publications', 'content.declared', 'content.tools'],
  },
  evaluate({ data }) {
    const pubs = examined(data);
    if (pubs.length === 0) return nothingExamined(data);
    if (data.tools.epubcheck.error)
      return { status: 'inconclusive', detail: `EPUBCheck could not be run: ${data.tools.epubcheck.error}.` };
    const notRun = pubs.filter((p) => !p.epubcheck?.ran);
    if (notRun.length > 0)
      return {
        status: 'inconclusive',
        detail:
          `EPUBCheck gave no report for ${notRun.map(named).join(', ')}: ` +
          `${notRun[0]?.epubcheck?.error ?? 'not run'}.`,
      };
    const findings: FindingInput[] = [];
    let failing = 0;
    for (const p of pubs) {
      const r = p.epubcheck;
      if (!r || r.fatal + r.errors === 0) continue;
      failing++;
      const bad = r.messages.filter((m) => m.severity === 'FATAL' || m.severity === 'ERROR');
      for (const m of bad.slice(0, 10))
        findings.push({ message: `${named(p)}: ${m.id} ${m.message}${m.location ? ` (${m.location})` : ''}` });
      if (bad.length === 0) findings.push({ message: `${named(p)}: ${r.fatal} fatal errors and ${r.errors} errors.` });
    }
    return {
      score: shareClean(pubs.length, failing),
      detail: (
        `${pubs.length - failing} of ${pubs.length} publications pass EPUBCheck ` +
        `${data.tools.epubcheck.version ?? ''}.`
      ).replace(' .', '.'),
      findings,
    };
  },
};
