/**
 * Overlays (dialogs, alert dialogs, popup menus) that a journey step opened, as the keyboard walk met
 * them (src/gather/a11y: the walk starts inside the open overlay, then presses Escape and clicks the
 * opener again). The rules the keyboard checks share, and one check of its own:
 *
 * - A modal that keeps focus inside itself while open is not a trap when Escape closes it: focus
 *   contained by a dialog is a trap (WCAG 2.1.2) only when the keyboard cannot close it.
 * - While a contained overlay is open, only its own stops can be reached; the page behind is judged
 *   at the states where it is not covered.
 * - `accessibility/dialog-focus` (2.4.3, serious): when a dialog opens the focus moves into it, and
 *   when Escape closes it the focus returns to the control that opened it (WCAG failure F85; the
 *   ARIA Authoring Practices dialog pattern).
 */
import type { KeyboardProbe, OverlayProbe } from '../../core/index.ts';
import type { FindingInput } from '../types.ts';
import { findingAt, probeCheck, type StateVerdict } from './probe-check.ts';

/** Which kind of overlay, in words. */
export function overlayLabel(o: OverlayProbe): string {
  const kind =
    o.role === 'menu' ? 'menu' : o.role === 'alertdialog' ? 'alert dialog' : o.modal ? 'modal dialog' : 'dialog';
  return `the ${kind}${o.name ? ` "${o.name}"` : ''} (${o.selector})`;
}

/**
 * The focus never left the overlay during the walk (every focused stop was one of its stops) and
 * went round it at least once: it holds the keyboard while open.
 */
export function overlayContains(kb: KeyboardProbe): boolean {
  const o = kb.overlay;
  if (!o || o.stops.length === 0) return false;
  const inside = new Set(o.stops);
  const focused = kb.sequence.filter((i): i is number => i !== null);
  if (focused.length === 0 || focused.some((i) => !inside.has(i))) return false;
  return new Set(focused).size < focused.length;
}

/** Escape closed the overlay and the focus was no longer inside it. */
export function escapeReleases(o: OverlayProbe): boolean {
  return o.escape !== null && o.escape.closed && o.escape.focusAfter !== 'inside';
}

/** The stops the walk was expected to reach at this state: only the overlay's own while a contained overlay is open. */
export function expectedStops(kb: KeyboardProbe): number[] {
  if (kb.overlay && overlayContains(kb)) return [...kb.overlay.stops];
  return kb.stops.map((_, i) => i);
}

export type OverlayTrapVerdict =
  | { kind: 'none' }
  /** A correct modal: contained while open, Escape closes it. */
  | { kind: 'released' }
  | { kind: 'trap'; message: string }
  | { kind: 'review'; message: string };

/**
 * How a contained overlay answers the trap question; `none` when there is no contained overlay (the page-wide rule
 * applies).
 */
export function overlayTrap(kb: KeyboardProbe): OverlayTrapVerdict {
  const o = kb.overlay;
  if (!o || !overlayContains(kb)) return { kind: 'none' };
  const names = o.stops
    .map((i) => kb.stops[i]?.name || kb.stops[i]?.selector || 'an element')
    .map((n) => `"${n}"`)
    .join(', ');
  const held = `Focus stays inside ${overlayLabel(o)}: ${kb.sequence.length} Tab presses only cycle among ${names}`;
  if (o.escape === null) {
    return {
      kind: 'review',
      message:
        `${held}. Escape was not tried (${o.escapeSkipped ?? 'no opener'}): check by ` +
        `hand that the keyboard can close it (Escape or a close button).`,
    };
  }
  if (escapeReleases(o)) return { kind: 'released' };
  const why = o.escape.closed
    ? 'Escape closed it but the focus stayed inside it'
    : `Escape did not close it (waited ` + `${o.escape.waitedMs} ms)`;
  return {
    kind: 'trap',
    message:
      `${held}, and ${why}: a keyboard user cannot get out. Reproduce: open it as the journey step does, ` +
      `press Tab repeatedly, then Escape.`,
  };
}

const isDialog = (o: OverlayProbe): boolean => o.role !== 'menu';

export const dialogFocus = probeCheck({
  id: 'accessibility/dialog-focus',
  title: 'Focus moves into a dialog when it opens and back to its opener when it closes',
  impact: 'serious',
  criteria: ['2.4.3'],
  reads: ['accessibility.states[].probes.keyboard.overlay'],
  notApplicable: 'No journey step had a dialog open.',
  probe: 'keyboard',
  atState({ state }, kb): StateVerdict {
    const o = kb.overlay;
    if (!o || !isDialog(o)) return { tested: false };
    const findings: FindingInput[] = [];
    const review: FindingInput[] = [];
    const what = overlayLabel(o);
    if (o.focusOnOpen !== 'inside') {
      const where = o.focusOnOpen === 'none' ? 'on the page itself' : 'on an element behind it';
      findings.push(
        findingAt(
          state,
          o.selector,
          `When ${what} opened, the focus stayed ${where}: a keyboard or ` +
            `screen-reader user is left behind the dialog. Reproduce: open it as the journey step does and press Tab ` +
            `once; watch where the focus goes.`,
        ),
      );
    }
    const e = o.escape;
    // Nothing closed: no return to judge (a contained one that Escape cannot close is a trap, judged by
    // no-keyboard-trap).
    if (e === null || !e.closed) return { findings, tested: true };
    let returned = 0;
    if (e.focusAfter === 'none' || e.toOpener === false) {
      const where = e.focusedAfter
        ? `"${e.focusedAfter.name || e.focusedAfter.selector}" ` + `(${e.focusedAfter.selector})`
        : 'the page itself (nothing focused)';
      findings.push(
        findingAt(
          state,
          o.selector,
          `After Escape closed ${what}, the focus went to ${where}, not back ` +
            `to the control that opened it. Reproduce: open it, press Escape, then press Tab and see where the focus ` +
            `continues from.`,
        ),
      );
    } else if (e.toOpener === null) {
      review.push(
        findingAt(
          state,
          o.selector,
          `After Escape closed ${what}, the focus went to ` +
            `${e.focusedAfter ? `"${e.focusedAfter.name || e.focusedAfter.selector}"` : 'an element'}; whether ` +
            `that is the control that opened it could not be told (it could not be reopened). Check by hand.`,
        ),
      );
    } else {
      returned = 1;
    }
    if (e.reopened === false)
      review.push(
        findingAt(
          state,
          o.selector,
          `Clicking the control that opened ${what} did ` +
            `not show it again after Escape; later steps of the journey may have started from another state.`,
        ),
      );
    return { findings, review, tested: true, count: returned };
  },
  passDetail: (returned) =>
    `Focus moved into every dialog that ` +
    `opened${returned > 0 ? `, and returned to the opener after Escape (${returned})` : ''}.`,
});
