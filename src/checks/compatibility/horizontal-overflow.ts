/**
 * compatibility/horizontal-overflow: no page scrolls sideways at the device's viewport width.
 * Fails when, at any sampled step, the document is wider than the viewport by more than 1 CSS px
 * (1 px of slack absorbs sub-pixel rounding). One finding per offending element (or one for the
 * page when the gatherer named none). Serious: content that needs two-dimensional scrolling fails
 * reflow on phones (WCAG 2.1 SC 1.4.10 at 320 CSS px).
 */
import type { Check, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { reachedNote } from '../reached.ts';
import { nothingSampled } from './observed.ts';
import { stepUrl } from './step-urls.ts';

/** Sub-pixel tolerance, CSS px. */
export const OVERFLOW_TOLERANCE_PX = 1;

export const horizontalOverflow: Check<'compatibility'> = {
  meta: {
    id: 'compatibility/horizontal-overflow',
    suite: 'compatibility',
    title: 'Pages fit the screen width without sideways scrolling',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: ['1.4.10'],
    references: [],
    reads: ['compatibility.overflow', 'steps'],
  },
  evaluate({ data, steps }) {
    if (data.overflow.length === 0) return nothingSampled(steps, 'the layout width');
    const overflowing = data.overflow.filter((s) => s.documentWidth > s.viewportWidth + OVERFLOW_TOLERANCE_PX);
    if (overflowing.length === 0) {
      return { score: 1, detail: `All ${data.overflow.length} sampled states fit the viewport.${reachedNote(steps)}` };
    }
    const findings: FindingInput[] = overflowing.flatMap((s) => {
      const { screenshot } = stepUrl(steps, s.step);
      const where = { step: s.step, url: s.url, ...(screenshot !== undefined ? { screenshot } : {}) };
      const page = `The page is ${Math.round(s.documentWidth)} px wide in a ${Math.round(s.viewportWidth)} px viewport`;
      if (s.offenders.length === 0) return [{ message: `${page}.`, ...where }];
      return s.offenders.map((o) => ({
        message: `${page}: this element reaches ${Math.round(o.right)} px.`,
        selector: o.selector,
        ...where,
      }));
    });
    const worst = Math.max(...overflowing.map((s) => s.documentWidth - s.viewportWidth));
    return {
      score: 0,
      value: worst,
      unit: 'px',
      detail:
        `Horizontal overflow in ${overflowing.map((s) => s.step).join(', ')}; ` +
        `up to ${Math.round(worst)} px too wide.`,
      findings,
    };
  },
};
