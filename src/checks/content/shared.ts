/**
 * What the content checks share: the publications that were examined, how a publication is named in
 * a finding, and the sources the checks cite. Pure.
 */
import type { ContentEvidence, Publication } from '../../core/index.ts';
import type { CheckOutcome, FindingInput } from '../types.ts';

/** EPUB Accessibility 1.1 (W3C Recommendation, 2025): discoverability, WCAG conformance of EPUB content. */
export const EPUB_A11Y = 'EPUB Accessibility 1.1 (W3C)';
/** The reference checker whose WCAG findings the content suite reports. */
export const ACE = 'Ace by DAISY (axe-core over the EPUB content documents)';
/** Act 306/2019 §15–16 (laki digitaalisten palvelujen tarjoamisesta) and Directive (EU) 2019/882 (EAA). */
export const STATEMENT_LAW =
  'Act 306/2019 §16 (Finland); Directive (EU) 2016/2102 Art. 7, Implementing Decision (EU) 2018/1523';
export const EAA = 'Directive (EU) 2019/882 (European Accessibility Act) Annex I';

/** Publications that were fetched and whose package could be read. */
export function examined(data: Pick<ContentEvidence, 'publications'>): Publication[] {
  return data.publications.filter((p) => p.status === 'checked' && p.package !== undefined && !p.package.error);
}

/** How a finding names a publication: its title (vendor text) and where it came from. */
export function named(p: Publication): string {
  const title = p.package?.title ?? p.title;
  return title ? `"${title}" (${p.source})` : p.source;
}

/** The outcome when no publication could be examined: inconclusive, or not applicable when none was declared. */
export function nothingExamined(data: Pick<ContentEvidence, 'publications' | 'declared'>): CheckOutcome {
  const d = data.declared;
  if (d.samples === 0 && d.opds === null && d.download === null)
    return {
      status: 'not-applicable',
      detail: 'The service declares no publications to check (content: samples, opds, download).',
    };
  return {
    status: 'inconclusive',
    detail:
      `No publication could be examined (${data.publications.length} tried; content/publications-reachable says ` +
      `why).`,
  };
}

/**
 * The score of a publication check: binary — 1 when every examined publication is clean, 0 when any is
 * not (one inaccessible book is a barrier for the patron who borrows it; the detail says how many).
 */
export function shareClean(total: number, failing: number): number {
  return total > 0 && failing === 0 ? 1 : 0;
}

/**
 * The shape of a per-publication check, owned here: each examined publication's problems become one
 * finding each ("<publication> <problem>."), the score is shareClean, the detail "<clean> of <total>
 * publications <cleanPhrase>."; with nothing examined, nothingExamined.
 */
export function perPublication(
  data: Pick<ContentEvidence, 'publications' | 'declared'>,
  problemsOf: (p: Publication) => readonly string[],
  cleanPhrase: string,
): CheckOutcome {
  const pubs = examined(data);
  if (pubs.length === 0) return nothingExamined(data);
  const findings: FindingInput[] = [];
  let failing = 0;
  for (const p of pubs) {
    const problems = problemsOf(p);
    if (problems.length > 0) failing++;
    for (const x of problems) findings.push({ message: `${named(p)} ${x}.` });
  }
  return {
    score: shareClean(pubs.length, failing),
    detail: `${pubs.length - failing} of ${pubs.length} publications ${cleanPhrase}.`,
    findings,
  };
}
