/**
 * Keyboard checks over real Tab presses (src/gather/a11y): the walk starts at the top of the page
 * (or inside an overlay the step opened: see overlay.ts) and presses Tab up to (tab stops + 3)
 * times, reading the focused element after each press.
 *
 * - `accessibility/keyboard-reachable` (2.1.1, critical): every tab stop was reached, and nothing
 *   that looks interactive (ARIA widget role, onclick) is left out of the tab order. A radio group is
 *   one stop (the gatherer lists only its checked or first radio); an iframe Tab skipped is not a
 *   finding (a frame that cannot load has nothing to reach).
 * - `accessibility/no-keyboard-trap` (2.1.2, critical): focus does not end up cycling among a few
 *   elements (or stuck on one) while other stops were never reached; an overlay that holds the
 *   focus is a trap only when Escape does not close it.
 * - `accessibility/focus-order` (2.4.3, moderate): the order of first visits never jumps back up
 *   the same column of the page; jumps between columns are left for review.
 * - `accessibility/focus-visible` (2.4.7, serious): each focused stop's outline, shadow, border,
 *   background, colour or underline (or its parent's) differs from its unfocused style.
 * - `accessibility/focus-not-obscured` (2.4.11, serious): no focused stop is entirely hidden under
 *   fixed or sticky content.
 */
import type { KeyboardProbe, TabStop } from '../../core/index.ts';
import type { FindingInput } from '../types.ts';
import { CONTROL_CHECKS } from './controls.ts';
import { expectedStops, overlayTrap } from './overlay.ts';
import { findingAt, moreFindings, probeCheck, type ProbedState, type StateVerdict } from './probe-check.ts';

/** Tail length examined for a trap. */
export const TRAP_WINDOW = 6;

const READS = ['accessibility.states[].probes.keyboard'];

/** A walk cut short by the press budget never tried the last stops: no pass over the whole walk can cover them. */
function truncation(p: ProbedState, kb: KeyboardProbe): string | undefined {
  return kb.truncated
    ? `at ${p.state.step} the page has ${kb.stops.length} tab stops, more than the walk's ` +
        `${kb.sequence.length} Tab presses reached`
    : undefined;
}

function label(stop: TabStop | undefined): string {
  if (!stop) return 'an unknown element';
  return stop.name ? `"${stop.name}" (${stop.selector})` : stop.selector;
}

/** The stops a trap cycles among, or undefined when there is no trap. */
export function trapOf(kb: KeyboardProbe): number[] | undefined {
  const visited = new Set(kb.sequence.filter((i): i is number => i !== null));
  if (visited.size >= kb.stops.length) return undefined;
  const tail = kb.sequence.slice(-TRAP_WINDOW);
  if (tail.length < 4 || tail.some((i) => i === null)) return undefined;
  const cycle = [...new Set(tail as number[])];
  if (cycle.length >= tail.length) return undefined; // no repeat: the walk was just cut short
  return cycle;
}

export const keyboardReachable = probeCheck({
  id: 'accessibility/keyboard-reachable',
  title: 'Every interactive element can be reached with the Tab key',
  impact: 'critical',
  criteria: ['2.1.1'],
  probe: 'keyboard',
  reads: READS,
  notApplicable: 'No page state had an interactive element.',
  atState(p, kb): StateVerdict {
    const { state } = p;
    const reached = new Set(kb.sequence);
    const findings: FindingInput[] = [];
    // While a contained overlay (a modal) is open only its own stops can be reached (overlay.ts).
    const expected = new Set(expectedStops(kb));
    if (!kb.truncated) {
      kb.stops.forEach((s, i) => {
        // An iframe is a container (its own stops are the frame's): one that could not load may be skipped by Tab.
        if (expected.has(i) && !reached.has(i) && !s.frame) {
          findings.push(
            findingAt(
              state,
              s.selector,
              `${label(s)} was never focused in ${kb.sequence.length} Tab ` +
                `presses from the top of the page. Reproduce: open the page, press Tab repeatedly and watch for it.`,
            ),
          );
        }
      });
    }
    for (const u of kb.unfocusable) {
      findings.push(
        findingAt(
          state,
          u.selector,
          `${u.name ? `"${u.name}" ` : ''}looks interactive (widget role or ` +
            `click handler) but is not in the Tab order. Reproduce: press Tab through the page; it is skipped, and ` +
            `Enter/Space cannot use it.`,
        ),
      );
    }
    findings.push(
      ...moreFindings(
        state,
        kb.unfocusableTotal,
        kb.unfocusable.length,
        'elements that look interactive but are not in the Tab order',
      ),
    );
    return {
      findings,
      tested: kb.stops.length + kb.unfocusable.length > 0,
      partial: truncation(p, kb),
      count: kb.stops.length,
    };
  },
  passDetail: (stops) => `All ${stops} tab stops were reached with Tab, and no widget was left out of the Tab order.`,
});

export const noKeyboardTrap = probeCheck({
  id: 'accessibility/no-keyboard-trap',
  title: 'The keyboard focus is never trapped',
  impact: 'critical',
  criteria: ['2.1.2'],
  probe: 'keyboard',
  reads: READS,
  notApplicable: 'No page state had a tab stop.',
  atState(p, kb): StateVerdict {
    const { state } = p;
    const partial = truncation(p, kb);
    // A contained overlay is a trap only when Escape does not let the focus out (overlay.ts).
    const overlay = overlayTrap(kb);
    if (overlay.kind === 'released') return { tested: true, partial };
    if (overlay.kind === 'trap')
      return { tested: true, partial, findings: [findingAt(state, kb.overlay?.selector, overlay.message)] };
    if (overlay.kind === 'review')
      return { tested: true, partial, review: [findingAt(state, kb.overlay?.selector, overlay.message)] };
    const cycle = trapOf(kb);
    if (!cycle) return { tested: kb.stops.length > 0, partial };
    const first = kb.sequence.findIndex((i) => i !== null && cycle.includes(i));
    const unreached = kb.stops.length - new Set(kb.sequence.filter((i) => i !== null)).size;
    const names = cycle.map((i) => label(kb.stops[i])).join(' and ');
    return {
      tested: true,
      partial,
      findings: [
        findingAt(
          state,
          kb.stops[cycle[0] ?? 0]?.selector,
          `Focus is trapped: after ${first + 1} Tab presses it only cycles among ${names}; ${unreached} tab ` +
            `stop${unreached === 1 ? ' is' : 's are'} never reached. Reproduce: open the page, press Tab ` +
            `${first + 1} times, then keep pressing Tab (and Shift+Tab is no way out either if the page ` +
            `intercepts it).`,
        ),
      ],
    };
  },
  passDetail: () => 'Tab moved through every state without getting stuck.',
});

export const focusOrder = probeCheck({
  id: 'accessibility/focus-order',
  title: 'The focus order follows the visual order',
  impact: 'moderate',
  criteria: ['2.4.3'],
  probe: 'keyboard',
  reads: READS,
  notApplicable: 'No page state had two tab stops.',
  atState({ state }, kb): StateVerdict {
    const order: number[] = [];
    for (const i of kb.sequence) {
      if (i === null) {
        if (order.length > 0) break; // wrapped
        continue;
      }
      if (order.includes(i)) break;
      order.push(i);
    }
    const findings: FindingInput[] = [];
    const review: FindingInput[] = [];
    for (let k = 1; k < order.length; k++) {
      const a = kb.stops[order[k - 1] as number];
      const b = kb.stops[order[k] as number];
      if (!a || !b || a.width === 0 || b.width === 0) continue;
      if (b.y + b.height > a.y - 4) continue; // b is not entirely above a
      const sameColumn = b.x < a.x + a.width && a.x < b.x + b.width;
      const text =
        `Focus moves from ${label(a)} up to ${label(b)}, ${Math.round(a.y - b.y)} px higher on the ` +
        `page. Reproduce: press Tab ${k} times from the top and then once more.`;
      (sameColumn ? findings : review).push(
        findingAt(
          state,
          b.selector,
          sameColumn ? text : `${text} They are in ` + `different columns: check that the order keeps the meaning.`,
        ),
      );
    }
    return { findings, review, tested: order.length > 1 };
  },
  passDetail: () => 'The focus moved down the page in reading order at every state.',
});

export const focusVisible = probeCheck({
  id: 'accessibility/focus-visible',
  title: 'The keyboard focus is visible',
  impact: 'serious',
  criteria: ['2.4.7'],
  probe: 'keyboard',
  reads: READS,
  notApplicable: 'No tab stop was focused.',
  atState({ state }, kb): StateVerdict {
    const focused = kb.stops.filter((s) => s.focusVisible !== null);
    const findings = kb.stops.flatMap((s, i) => {
      const presses = `Reproduce: press Tab ${kb.sequence.indexOf(i) + 1} times from the top of the page`;
      // Pixels decide where they were captured: a ring the styles miss passes, a change nobody can see fails.
      if (s.focusPixels !== undefined && s.focusVisible !== null) {
        if (focusShownByPixels(s.focusPixels)) return [];
        return [
          findingAt(
            state,
            s.selector,
            `${label(s)} shows no visible focus indicator: its box looks the same focused and ` +
              `unfocused (${s.focusPixels.changed} of ${s.focusPixels.measured} pixels changed visibly)` +
              `${s.focusVisible ? ', although its style changes (a change that cannot be seen)' : ''}. ${presses}; ` +
              `nothing shows where the focus is.`,
          ),
        ];
      }
      return s.focusVisible === false
        ? [
            findingAt(
              state,
              s.selector,
              `${label(s)} shows no focus indicator: its outline, shadow, border, ` +
                `background, colour and underline are the same focused and unfocused. ${presses}; nothing ` +
                `shows where the focus is.`,
            ),
          ]
        : [];
    });
    return { findings, tested: focused.length > 0, count: focused.length };
  },
  passDetail: (n) => `All ${n} focused tab stops showed a focus indicator.`,
});

/**
 * Pixels that must change visibly between the focused and the unfocused capture of a stop's box for
 * its focus indicator to count as shown: a 1 px ring round even a 10 × 10 px control changes 44.
 */
export const FOCUS_PIXELS_MIN = 20;

export function focusShownByPixels(p: { changed: number }): boolean {
  return p.changed >= FOCUS_PIXELS_MIN;
}

export const focusNotObscured = probeCheck({
  id: 'accessibility/focus-not-obscured',
  title: 'The focused element is not hidden by sticky or fixed content',
  impact: 'serious',
  criteria: ['2.4.11'],
  probe: 'keyboard',
  reads: READS,
  notApplicable: 'No tab stop was focused.',
  atState({ state }, kb): StateVerdict {
    const findings = kb.stops.flatMap((s, i) =>
      s.obscuredBy !== null
        ? [
            findingAt(
              state,
              s.selector,
              `${label(s)} is entirely hidden under ${s.obscuredBy} when focused. ` +
                `Reproduce: press Tab ${kb.sequence.indexOf(i) + 1} times from the top of the page.`,
            ),
          ]
        : [],
    );
    return { findings, tested: kb.stops.some((s) => s.focusVisible !== null) };
  },
  passDetail: () => 'No focused element was hidden by fixed or sticky content.',
});

export const KEYBOARD_CHECKS = [
  keyboardReachable,
  noKeyboardTrap,
  focusOrder,
  focusVisible,
  focusNotObscured,
  ...CONTROL_CHECKS,
] as const;
