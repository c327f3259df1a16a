/**
 * content/navigation: every publication has a table of contents (an EPUB 3 navigation document with
 * entries), a page list where it has a print equivalent (dc:source / pageBreakSource, or page-break
 * markers in its content), and a table of contents in reading order (its entries follow the spine).
 * EPUB Accessibility 1.1 §4 (Optimizing the content) via WCAG 2.4.5 Multiple Ways and 1.3.2
 * Meaningful Sequence; page navigation is EPUB Accessibility 1.1 §5 (Page navigation). Serious: a
 * patron with a screen reader cannot move through a book without one.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { EPUB_A11Y, perPublication } from './shared.ts';

export const navigation: Check<'content'> = {
  meta: {
    id: 'content/navigation',
    suite: 'content',
    title: 'The publications have a table of contents, page list and reading order',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: ['1.3.2', '2.4.5'],
    references: [`${EPUB_A11Y} §5 Page navigation`],
    reads: ['content.publications', 'content.declared'],
  },
  evaluate({ data }) {
    return perPublication(
      data,
      (p) => {
        const pkg = p.package!;
        const problems: string[] = [];
        if (!pkg.nav.present) problems.push('has no navigation document');
        else if (pkg.nav.tocEntries === 0) problems.push('has an empty table of contents');
        const breaks = pkg.documents.reduce((n, d) => n + d.pageBreaks, 0);
        if ((pkg.printSource !== null || breaks > 0) && pkg.nav.pageListEntries === 0)
          problems.push(
            `has a print equivalent (${pkg.printSource ?? `${breaks} page-break markers`}) but no page list to ` +
              `go to a page`,
          );
        if (pkg.nav.outOfSpineOrder.length > 0)
          problems.push(`lists ${pkg.nav.outOfSpineOrder.join(', ')} in the table of contents out of reading order`);
        return problems;
      },
      'can be navigated',
    );
  },
};
