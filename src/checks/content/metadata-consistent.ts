/**
 * content/metadata-consistent: what a publication's accessibility metadata says matches what is in it.
 * EPUB Accessibility 1.1 §2 asks that metadata describe the publication accurately; a false
 * "alternativeText" or "printPageNumbers" misleads exactly the patrons who rely on it. Inconsistencies
 * checked: alternativeText claimed but images lack alt; printPageNumbers / pageNavigation / pageBreakMarkers
 * claimed but no page list or page breaks; accessMode without "visual" while there are images;
 * accessibilityHazard "none" together with a hazard; dcterms:conformsTo without a:certifiedBy.
 * Serious. Not applicable to publications that declare no metadata (content/a11y-metadata fails those).
 */
import type { EpubPackage } from '../../core/index.ts';
import type { Check, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { EPUB_A11Y, examined, named, nothingExamined, shareClean } from './shared.ts';

const lower = (xs: readonly string[]) => xs.map((x) => x.trim().toLowerCase());

/** The contradictions within one package (English sentences). */
export function inconsistencies(pkg: EpubPackage): string[] {
  const m = pkg.metadata;
  const features = lower(m.accessibilityFeature);
  const hazards = lower(m.accessibilityHazard);
  const modes = lower(m.accessMode).flatMap((v) => v.split(',').map((x) => x.trim()));
  const images = pkg.documents.reduce((n, d) => n + d.images, 0);
  const noAlt = pkg.documents.reduce((n, d) => n + d.imagesWithoutAltTotal, 0);
  const breaks = pkg.documents.reduce((n, d) => n + d.pageBreaks, 0);
  const out: string[] = [];
  if (features.includes('alternativetext') && noAlt > 0)
    out.push(`accessibilityFeature says alternativeText, but ${noAlt} of ${images} images have no alt attribute`);
  if ((features.includes('printpagenumbers') || features.includes('pagenavigation')) && pkg.nav.pageListEntries === 0)
    out.push('accessibilityFeature says printPageNumbers/pageNavigation, but the navigation document has no page list');
  if (features.includes('pagebreakmarkers') && breaks === 0)
    out.push('accessibilityFeature says pageBreakMarkers, but no content document marks a page break');
  if (features.includes('tableofcontents') && pkg.nav.tocEntries === 0)
    out.push('accessibilityFeature says tableOfContents, but the table of contents is empty');
  if (modes.length > 0 && images > 0 && !modes.includes('visual'))
    out.push(`accessMode does not include visual, but the publication has ${images} images`);
  if (hazards.includes('none') && hazards.some((h) => h !== 'none'))
    out.push(`accessibilityHazard says none together with ${hazards.filter((h) => h !== 'none').join(', ')}`);
  if (m.conformsTo.length > 0 && m.certifiedBy.length === 0)
    out.push('dcterms:conformsTo makes a conformance claim, but no a11y:certifiedBy says who evaluated it');
  return out;
}

export const metadataConsistent: Check<'content'> = {
  meta: {
    id: 'content/metadata-consistent',
    suite: 'content',
    title: 'The accessibility metadata matches the publication',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: [],
    references: [`${EPUB_A11Y} §2 Discoverability`],
    reads: ['content.publications', 'content.declared'],
  },
  evaluate({ data }) {
    const all = examined(data);
    if (all.length === 0) return nothingExamined(data);
    const pubs = all.filter((p) => Object.values(p.package!.metadata).some((v) => v.length > 0));
    if (pubs.length === 0)
      return { status: 'not-applicable', detail: 'No publication declares accessibility metadata to compare.' };
    const findings: FindingInput[] = [];
    let failing = 0;
    for (const p of pubs) {
      const found = inconsistencies(p.package!);
      if (found.length > 0) failing++;
      for (const f of found) findings.push({ message: `${named(p)}: ${f}.` });
    }
    return {
      score: shareClean(pubs.length, failing),
      detail: `${pubs.length - failing} of ${pubs.length} publications with metadata describe themselves consistently.`,
      findings,
    };
  },
};
