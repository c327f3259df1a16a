/**
 * content/image-alternatives: every image in a publication's content documents has a text
 * alternative (an alt attribute; alt="" marks a decorative image). WCAG 1.1.1 Non-text Content applied
 * to EPUB content (EPUB Accessibility 1.1 §4). Critical: a blind patron cannot know what an image
 * without one shows. Not applicable when no publication has images.
 */
import type { Check, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { examined, named, nothingExamined, shareClean } from './shared.ts';

export const imageAlternatives: Check<'content'> = {
  meta: {
    id: 'content/image-alternatives',
    suite: 'content',
    title: 'Images in the publications have text alternatives',
    impact: 'critical',
    weight: IMPACT_WEIGHTS.critical,
    criteria: ['1.1.1'],
    references: [],
    reads: ['content.publications', 'content.declared'],
  },
  evaluate({ data }) {
    const pubs = examined(data);
    if (pubs.length === 0) return nothingExamined(data);
    const withImages = pubs.filter((p) => p.package!.documents.some((d) => d.images > 0));
    if (withImages.length === 0) return { status: 'not-applicable', detail: 'No publication has images.' };
    const findings: FindingInput[] = [];
    let failing = 0;
    for (const p of withImages) {
      const docs = p.package!.documents.filter((d) => d.imagesWithoutAltTotal > 0);
      if (docs.length > 0) failing++;
      for (const d of docs)
        findings.push({
          message:
            `${named(p)}: ${d.imagesWithoutAltTotal} of ${d.images} images in ${d.href} have no alt attribute ` +
            `(${d.imagesWithoutAlt.slice(0, 5).join(', ')}).`,
        });
    }
    return {
      score: shareClean(withImages.length, failing),
      detail:
        `${withImages.length - failing} of ${withImages.length} publications with images give every image an ` +
        `alternative.`,
      findings,
    };
  },
};
