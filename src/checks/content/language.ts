/**
 * content/language: every publication declares its language in the package (dc:language) and every
 * content document on its root element (lang / xml:lang), so that text-to-speech and braille
 * displays read it in the right language. WCAG 3.1.1 Language of Page applied to EPUB content
 * documents (EPUB Accessibility 1.1 §4); the language of parts (3.1.2) is checked by Ace
 * (content/ace-wcag: axe valid-lang). Serious.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { perPublication } from './shared.ts';

export const language: Check<'content'> = {
  meta: {
    id: 'content/language',
    suite: 'content',
    title: 'The publications declare their language',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: ['3.1.1'],
    references: [],
    reads: ['content.publications', 'content.declared'],
  },
  evaluate({ data }) {
    return perPublication(
      data,
      (p) => {
        const pkg = p.package!;
        const problems: string[] = [];
        if (pkg.languages.every((l) => l.trim() === '')) problems.push('declares no dc:language in its package');
        const without = pkg.documents.filter((d) => d.lang === null || d.lang.trim() === '');
        if (without.length > 0)
          problems.push(
            `has ${without.length} of ${pkg.documents.length} content documents without lang (${without
              .slice(0, 5)
              .map((d) => d.href)
              .join(', ')}${without.length > 5 ? ', …' : ''})`,
          );
        return problems;
      },
      'declare their language throughout',
    );
  },
};
