/**
 * content/a11y-metadata: every publication declares the accessibility metadata EPUB Accessibility 1.1
 * §2 (Discoverability) requires — schema:accessMode, schema:accessibilityFeature,
 * schema:accessibilityHazard, schema:accessibilitySummary (and recommends accessModeSufficient) — so
 * that a patron can tell before borrowing whether they can read it. Serious: without it a library
 * catalogue cannot say whether the book works with a screen reader. The Act on the accessibility
 * requirements of products and services (EAA, Annex I) requires this information for e-books.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { EAA, EPUB_A11Y, perPublication } from './shared.ts';

const REQUIRED = ['accessMode', 'accessibilityFeature', 'accessibilityHazard', 'accessibilitySummary'] as const;

export const a11yMetadata: Check<'content'> = {
  meta: {
    id: 'content/a11y-metadata',
    suite: 'content',
    title: 'The publications carry accessibility metadata',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: [],
    references: [`${EPUB_A11Y} §2 Discoverability`, EAA],
    reads: ['content.publications', 'content.declared'],
  },
  evaluate({ data }) {
    return perPublication(
      data,
      (p) => {
        const m = p.package!.metadata;
        const missing = REQUIRED.filter((k) => m[k].every((v) => v.trim() === ''));
        return missing.length > 0 ? [`declares no ${missing.map((k) => `schema:${k}`).join(', ')}`] : [];
      },
      'declare the required accessibility metadata',
    );
  },
};
