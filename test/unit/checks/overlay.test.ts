/** Overlays in the keyboard checks (src/checks/accessibility/overlay.ts) over hand-built probe records. */
import { describe, expect, it } from 'vitest';
import type { A11yProbes, AccessibilityState, KeyboardProbe, OverlayEscape, OverlayProbe, TabStop } from '../../../src/core/index.ts';
import { escapeReleases, expectedStops, overlayContains, overlayTrap } from '../../../src/checks/accessibility/overlay.ts';
import { accessibilityEvidence, check } from './helpers.ts';

function stop(name: string, y: number): TabStop {
  return { selector: `#${name.toLowerCase()}`, name, x: 10, y, width: 80, height: 30, focusVisible: true, obscuredBy: null };
}

/** Page behind: Home, Search, Open (0–2); the dialog: Card, Pin, Login (3–5). */
const STOPS = [stop('Home', 0), stop('Search', 40), stop('Open', 80), stop('Card', 200), stop('Pin', 240), stop('Login', 280)];

const ESCAPE_OK: OverlayEscape = { closed: true, waitedMs: 40, focusAfter: 'outside', focusedAfter: { selector: '#open', name: 'Open' }, toOpener: true, reopened: true };

function overlay(extra: Partial<OverlayProbe> = {}): OverlayProbe {
  return { selector: 'div#dlg', name: 'Kirjaudu sisään', role: 'dialog', modal: true, stops: [3, 4, 5], focusOnOpen: 'inside', escape: ESCAPE_OK, ...extra };
}

/** Focus starts on Card (3) and goes round the dialog twice. */
const CONTAINED = [4, 5, 3, 4, 5, 3, 4, 5, 3];

function kb(sequence: Array<number | null>, o: OverlayProbe | undefined): KeyboardProbe {
  return { stops: STOPS, sequence, unfocusable: [], truncated: false, ...(o ? { overlay: o } : {}) };
}

function state(step: string, keyboard: KeyboardProbe): AccessibilityState {
  const probes: A11yProbes = { viewport: { width: 1366, height: 768 }, keyboard, errors: [], durationMs: 500 };
  return { step, url: `http://127.0.0.1:4100/${step}`, violations: [], incomplete: [], passes: [], inapplicable: [], probes };
}

const evidence = (...states: AccessibilityState[]) => accessibilityEvidence({ axeVersion: '4.14.1', tags: ['wcag2a'], states });

describe('overlay rules', () => {
  it('containment: every focused stop is the overlay\'s and one came round again', () => {
    expect(overlayContains(kb(CONTAINED, overlay()))).toBe(true);
    expect(overlayContains(kb([4, 5, null, 3, 4], overlay()))).toBe(true); // a native modal lets focus out to the browser between rounds
    expect(overlayContains(kb([4, 5, 0, 1, 2], overlay()))).toBe(false); // focus went on to the page
    expect(overlayContains(kb([4, 5], overlay()))).toBe(false); // never came round
    expect(overlayContains(kb(CONTAINED, undefined))).toBe(false);
  });

  it('while a contained overlay is open only its stops are expected; otherwise all', () => {
    expect(expectedStops(kb(CONTAINED, overlay()))).toEqual([3, 4, 5]);
    expect(expectedStops(kb([4, 5, 0, 1, 2, null], overlay()))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('Escape releases when it closed the overlay and the focus is no longer in it', () => {
    expect(escapeReleases(overlay())).toBe(true);
    expect(escapeReleases(overlay({ escape: { ...ESCAPE_OK, focusAfter: 'inside' } }))).toBe(false);
    expect(escapeReleases(overlay({ escape: { ...ESCAPE_OK, closed: false, focusAfter: null } }))).toBe(false);
    expect(escapeReleases(overlay({ escape: null }))).toBe(false);
  });

  it('trap verdicts: released, trap, review, none', () => {
    expect(overlayTrap(kb(CONTAINED, overlay())).kind).toBe('released');
    expect(overlayTrap(kb(CONTAINED, overlay({ escape: { closed: false, waitedMs: 1000, focusAfter: null, focusedAfter: null, toOpener: null, reopened: null } })))).toMatchObject({ kind: 'trap', message: expect.stringMatching(/Escape did not close it \(waited 1000 ms\)/) });
    expect(overlayTrap(kb(CONTAINED, overlay({ escape: null, escapeSkipped: 'no opener' })))).toMatchObject({ kind: 'review', message: expect.stringContaining('no opener') });
    expect(overlayTrap(kb([4, 5, 0, 1, 2, null], overlay())).kind).toBe('none');
  });
});

describe('keyboard checks at an overlay state', () => {
  it('a correct modal passes no-keyboard-trap and keyboard-reachable, though the page behind is never reached', () => {
    const ev = evidence(state('login-dialog', kb(CONTAINED, overlay())));
    expect(check(ev, 'accessibility/no-keyboard-trap')).toMatchObject({ status: 'pass' });
    expect(check(ev, 'accessibility/keyboard-reachable')).toMatchObject({ status: 'pass' });
    expect(check(ev, 'accessibility/dialog-focus')).toMatchObject({ status: 'pass' });
  });

  it('a contained dialog that Escape does not close fails no-keyboard-trap at its step, with the dialog as selector', () => {
    const stuck = overlay({ escape: { closed: false, waitedMs: 1000, focusAfter: null, focusedAfter: null, toOpener: null, reopened: null } });
    const ev = evidence(state('landing', kb([0, 1, 2, null], undefined)), state('newsletter', kb(CONTAINED, stuck)));
    const r = check(ev, 'accessibility/no-keyboard-trap');
    expect(r).toMatchObject({ status: 'fail' });
    expect(r.findings).toEqual([expect.objectContaining({ step: 'newsletter', selector: 'div#dlg', message: expect.stringMatching(/cycle among "Card", "Pin", "Login"/) })]);
  });

  it('the same walk without overlay evidence (a walk from the top that ended in the dialog) is judged by the page-wide rule', () => {
    // Every stop visited before the cycle: the page-wide rule sees no unreached stop, so no trap —
    // the hole the overlay walk closes.
    expect(check(evidence(state('s', kb([0, 1, 2, 3, 4, 5, 3, 4, 5, 3], undefined))), 'accessibility/no-keyboard-trap').status).toBe('pass');
  });

  it('Escape not tried (no opener) leaves a contained overlay for review', () => {
    const r = check(evidence(state('consent', kb(CONTAINED, overlay({ escape: null, escapeSkipped: 'The step did not open it with a click' })))), 'accessibility/no-keyboard-trap');
    expect(r.status).toBe('needs-review');
  });

  it('dialog-focus fails when focus stays behind on open, or is not returned to the opener after Escape', () => {
    const behind = check(evidence(state('help', kb([3, 4, 5, 0, 1, 2, null], overlay({ modal: false, focusOnOpen: 'outside' })))), 'accessibility/dialog-focus');
    expect(behind.status).toBe('fail');
    expect(behind.findings[0]!.message).toMatch(/stayed on an element behind it/);
    const lost = check(evidence(state('help', kb(CONTAINED, overlay({ escape: { ...ESCAPE_OK, focusAfter: 'none', focusedAfter: null, toOpener: false } })))), 'accessibility/dialog-focus');
    expect(lost.status).toBe('fail');
    expect(lost.findings[0]!.message).toMatch(/went to the page itself/);
    const elsewhere = check(evidence(state('help', kb(CONTAINED, overlay({ escape: { ...ESCAPE_OK, focusedAfter: { selector: '#home', name: 'Home' }, toOpener: false } })))), 'accessibility/dialog-focus');
    expect(elsewhere.findings[0]!.message).toMatch(/went to "Home" \(#home\), not back/);
  });

  it('dialog-focus: undecidable return is for review; a menu or no overlay is not applicable', () => {
    expect(check(evidence(state('d', kb(CONTAINED, overlay({ escape: { ...ESCAPE_OK, toOpener: null, reopened: false } })))), 'accessibility/dialog-focus').status).toBe('needs-review');
    expect(check(evidence(state('m', kb(CONTAINED, overlay({ role: 'menu' })))), 'accessibility/dialog-focus').status).toBe('not-applicable');
    expect(check(evidence(state('p', kb([0, 1, 2, null], undefined))), 'accessibility/dialog-focus').status).toBe('not-applicable');
  });
});
