/**
 * Presentation checks over the beyond-axe probes (src/gather/a11y):
 *
 * - `accessibility/reflow` (1.4.10, serious): at a 320 CSS px wide viewport the document is at most
 *   1 px wider than the viewport (no two-dimensional scrolling); findings name the elements that
 *   stick out. What sticks out only because it is content WCAG excepts from reflow (a data table, a
 *   map, a diagram, a video) is recorded in the pass, not failed.
 * - `accessibility/text-resize` (1.4.4, serious): with every element's font size doubled, no text
 *   is newly clipped (overflow hidden/clip, line clamp).
 * - `accessibility/text-spacing` (1.4.12, moderate): with the WCAG text-spacing style (line height
 *   1.5, paragraph spacing 2, letter 0.12, word 0.16 em), no text is newly clipped.
 * - `accessibility/target-size` (2.5.8, moderate): pointer targets are at least 24×24 CSS px, or a
 *   24 px circle on each stays clear of other targets (the spacing exception); inline links in text
 *   and labelled checkboxes are excepted.
 */
import { findingAt, moreFindings, probeCheck, type ProbedState, type StateVerdict } from './probe-check.ts';

/** Width tolerance, CSS px (sub-pixel rounding). */
export const REFLOW_TOLERANCE_PX = 1;

export const reflow = probeCheck({
  id: 'accessibility/reflow',
  title: 'Content reflows at 320 CSS px without horizontal scrolling',
  impact: 'serious',
  criteria: ['1.4.10'],
  probe: 'reflow',
  reads: ['accessibility.states[].probes.reflow'],
  notApplicable: 'No page state was measured.',
  atState({ state }, r): StateVerdict {
    if (r.documentWidth <= r.viewportWidth + REFLOW_TOLERANCE_PX) return { tested: true };
    // Content WCAG excepts (data tables, maps, diagrams, video) may scroll in two dimensions: recorded, not failed.
    const excepted = r.excepted ?? [];
    if (excepted.length > 0 && r.offenders.length === 0) return { tested: true, count: excepted.length };
    const how =
      `Reproduce: make the window ${r.viewportWidth} CSS px wide (or zoom to 400 % at 1280 px) and scroll ` +
      `sideways.`;
    const findings =
      r.offenders.length > 0
        ? r.offenders.map((o) =>
            findingAt(
              state,
              o.selector,
              `At ${r.viewportWidth} px the page is ` +
                `${r.documentWidth} px wide; this element reaches ${o.right} px. ${how}`,
            ),
          )
        : [findingAt(state, undefined, `At ${r.viewportWidth} px the page is ${r.documentWidth} px wide. ${how}`)];
    return { findings, tested: true };
  },
  passDetail: (excepted) => {
    const except =
      excepted > 0
        ? ` except ${excepted} element${excepted === 1 ? '' : 's'} WCAG excepts from reflow ` +
          `(data table, map, diagram, video)`
        : '';
    return `Every state fitted a 320 CSS px viewport without horizontal scrolling${except}.`;
  },
});

type Clipped = {
  clipped: ReadonlyArray<{ selector: string; name: string; hiddenPx: number }>;
  total?: number | undefined;
};

function clipped({ state }: ProbedState, r: Clipped, how: string): StateVerdict {
  const findings = r.clipped.map((c) =>
    findingAt(state, c.selector, `Text${c.name ? ` "${c.name}"` : ''} is cut off by ${c.hiddenPx} px ${how}.`),
  );
  return { tested: true, findings: [...findings, ...moreFindings(state, r.total, r.clipped.length, 'texts cut off')] };
}

export const textResize = probeCheck({
  id: 'accessibility/text-resize',
  title: 'Text can be resized to 200 % without loss of content',
  impact: 'serious',
  criteria: ['1.4.4'],
  probe: 'textResize',
  reads: ['accessibility.states[].probes.textResize'],
  notApplicable: 'No page state was measured.',
  atState: (p, r) =>
    clipped(
      p,
      r,
      "when the text is made twice as large. Reproduce: set the browser's text size " + '(not zoom) to 200 %',
    ),
  passDetail: () => 'No text was cut off with text at 200 %.',
});

export const textSpacing = probeCheck({
  id: 'accessibility/text-spacing',
  title: 'Text stays readable with increased text spacing',
  impact: 'moderate',
  criteria: ['1.4.12'],
  probe: 'textSpacing',
  reads: ['accessibility.states[].probes.textSpacing'],
  notApplicable: 'No page state was measured.',
  atState: (p, r) =>
    clipped(
      p,
      r,
      'with WCAG text spacing. Reproduce: apply line-height 1.5, paragraph spacing 2 em, letter spacing ' +
        '0.12 em and word spacing 0.16 em (e.g. with a text-spacing bookmarklet)',
    ),
  passDetail: () => 'No text was cut off with WCAG text spacing.',
});

export const targetSize = probeCheck({
  id: 'accessibility/target-size',
  title: 'Pointer targets are at least 24 × 24 CSS px or well spaced',
  impact: 'moderate',
  criteria: ['2.5.8'],
  probe: 'targets',
  reads: ['accessibility.states[].probes.targets'],
  notApplicable: 'No pointer target was found.',
  atState({ state }, t): StateVerdict {
    return {
      tested: t.measured > 0,
      count: t.measured,
      findings: t.small
        .map((s) =>
          findingAt(
            state,
            s.selector,
            `Target${s.name ? ` "${s.name}"` : ''} is ${s.width} × ${s.height} px and ` +
              `another target is ${s.nearestPx} px away (24 px needed). Reproduce: try to tap it with a finger or a ` +
              `head pointer; its neighbour is hit instead.`,
          ),
        )
        .concat(moreFindings(state, t.smallTotal, t.small.length, 'targets too small and too close')),
    };
  },
  passDetail: (measured) => `All ${measured} pointer targets were large enough or well spaced.`,
});

export const PRESENTATION_CHECKS = [reflow, textResize, textSpacing, targetSize] as const;
