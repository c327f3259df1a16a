/**
 * compatibility/reader-paging: the reader opens (the journey's reader step) and turns pages: after
 * pressing its "next page" control (declared in the service's `compatibility.reader`) the page shown
 * changes (its text or the address). Binary; critical: an e-book nobody can page through cannot be
 * read. Not applicable when the service declares no reader.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { notReached } from './declared.ts';

export const readerPaging: Check<'compatibility'> = {
  meta: {
    id: 'compatibility/reader-paging',
    suite: 'compatibility',
    title: 'The reader turns pages',
    impact: 'critical',
    weight: IMPACT_WEIGHTS.critical,
    criteria: [],
    references: [],
    reads: ['compatibility.reader', 'compatibility.declared.reader', 'steps'],
  },
  evaluate({ data, steps }) {
    const r = data.reader;
    if (!r) return notReached(data.declared?.reader, steps, 'reader');
    const where = { step: r.step, url: r.urlBefore };
    if (r.error)
      return {
        score: 0,
        detail: `The next-page control could not be used: ${r.error}`,
        findings: [{ message: `The reader's next-page control could not be used: ${r.error}`, ...where }],
      };
    const textChanged = r.textBefore !== null && r.textAfter !== null && r.textBefore !== r.textAfter;
    if (textChanged || r.urlAfter !== r.urlBefore)
      return { score: 1, detail: 'Pressing next page showed another page.' };
    const message = 'Pressing next page left the reader on the same page (same text and address).';
    return { score: 0, detail: message, findings: [{ message, ...where }] };
  },
};
