/**
 * The interaction probe checks (src/checks/accessibility/controls.ts, error-colour-only, flashing,
 * focus-visible by pixels) on hand-made probe records: each barrier fails, its clean twin passes,
 * and what could not be observed is never a pass.
 */
import { describe, expect, it } from 'vitest';
import type { A11yProbes, AccessibilityState, TabStop } from '../../../src/core/index.ts';
import { accessibilityEvidence, check } from './helpers.ts';

function probes(extra: Partial<A11yProbes>): A11yProbes {
  return { viewport: { width: 1024, height: 700 }, errors: [], durationMs: 1, ...extra };
}

function run(id: string, p: A11yProbes) {
  const states: AccessibilityState[] = [
    { step: 'landing', url: 'http://127.0.0.1:1/', violations: [], incomplete: [], passes: [], inapplicable: [], probes: p },
  ];
  return check(accessibilityEvidence({ axeVersion: '4.14.1', tags: ['wcag2a'], states }), id);
}

const el = { selector: '#x', name: 'Renew' };

describe('interaction checks', () => {
  it('click-listeners: a listener on what is no control fails; none passes; not observable is inconclusive', () => {
    const item = { ...el, focusable: false, keyListener: false };
    const fail = run('accessibility/click-listeners', probes({ clickListeners: { observable: true, items: [item], total: 1 } }));
    expect(fail.status).toBe('fail');
    expect(fail.criteria).toEqual(['2.1.1', '4.1.2']);
    expect(fail.findings[0]?.message).toMatch(/not in the Tab order/);
    const focusable = run('accessibility/click-listeners', probes({ clickListeners: { observable: true, items: [{ ...item, focusable: true }], total: 1 } }));
    expect(focusable.findings[0]?.message).toMatch(/no role/);
    expect(run('accessibility/click-listeners', probes({ clickListeners: { observable: true, items: [], total: 0 } })).status).toBe('pass');
    const blind = run('accessibility/click-listeners', probes({ clickListeners: { observable: false, reason: 'webkit', items: [], total: 0 } }));
    expect(blind.status).toBe('inconclusive');
    expect(blind.detail).toMatch(/not observable/);
  });

  it('click-listeners counts every element, not only the listed ones', () => {
    const item = { ...el, focusable: false, keyListener: false };
    const r = run('accessibility/click-listeners', probes({ clickListeners: { observable: true, items: [item], total: 4 } }));
    expect(r.findingsTotal).toBe(2);
    expect(r.findings[1]?.message).toMatch(/^3 more/);
  });

  it('key-activation: role=button must answer Enter and Space; a role-less control either; skipped is not a pass', () => {
    const press = (key: 'Enter' | 'Space', answers: Array<'click' | 'page-changed'>) => ({ key, answers });
    const button = (space: Array<'click'>) => ({
      ...el,
      role: 'button',
      clickListener: true,
      presses: [press('Enter', ['click']), press('Space', space)],
    });
    const k = (items: NonNullable<A11yProbes['keyActivation']>['items']) => ({ items, total: items.length });
    const fail = run('accessibility/key-activation', probes({ keyActivation: k([button([])]) }));
    expect(fail.status).toBe('fail');
    expect(fail.findings[0]?.message).toMatch(/ignores Space/);
    expect(run('accessibility/key-activation', probes({ keyActivation: k([button(['click'])]) })).status).toBe('pass');
    const roleless = { ...el, role: '', clickListener: true, presses: [press('Enter', ['page-changed']), press('Space', [])] };
    expect(run('accessibility/key-activation', probes({ keyActivation: k([roleless]) })).status).toBe('pass');
    // Nothing seen to act on a click: nothing to compare the key with; listeners not observable: a person checks.
    const unseen = (clickListener: false | null) => ({ ...button([]), clickListener });
    expect(run('accessibility/key-activation', probes({ keyActivation: k([unseen(false)]) })).status).toBe('pass');
    expect(run('accessibility/key-activation', probes({ keyActivation: k([unseen(null)]) })).status).toBe('needs-review');
    const skipped = { items: [], total: 3, skipped: 'an overlay was open' };
    expect(run('accessibility/key-activation', probes({ keyActivation: skipped })).status).toBe('inconclusive');
    expect(run('accessibility/key-activation', probes({ keyActivation: { items: [], total: 0 } })).status).toBe('not-applicable');
  });

  it('hover-disclosure: shown on hover and not on focus fails; shown on both passes', () => {
    const item = { ...el, revealed: 'E-books Audiobooks', focusable: true };
    const h = (byFocus: boolean) => ({ items: [{ ...item, byFocus }], total: 1, tested: 1 });
    expect(run('accessibility/hover-disclosure', probes({ hoverDisclosure: h(false) })).status).toBe('fail');
    expect(run('accessibility/hover-disclosure', probes({ hoverDisclosure: h(true) })).status).toBe('pass');
    expect(run('accessibility/hover-disclosure', probes({ hoverDisclosure: { items: [], total: 0, tested: 0 } })).status).toBe(
      'not-applicable',
    );
  });

  it('error-colour-only: an error told by colour alone fails; no field in error is not applicable', () => {
    const e = { marked: 1, colourOnly: [{ ...el, changed: ['border-top-color'] }] };
    expect(run('accessibility/error-colour-only', probes({ errorCues: e })).status).toBe('fail');
    expect(run('accessibility/error-colour-only', probes({ errorCues: { marked: 1, colourOnly: [] } })).status).toBe('pass');
    expect(run('accessibility/error-colour-only', probes({ errorCues: { marked: 0, colourOnly: [] } })).status).toBe(
      'not-applicable',
    );
  });

  it('flashing: more than three flashes a second over a large area fails; a small or slow one passes', () => {
    const f = (transitions: number, areaPx: number) => ({
      candidates: 1,
      items: [{ ...el, transitions, areaPx, source: 'animation' as const }],
    });
    expect(run('accessibility/flashing', probes({ flashing: f(10, 48_000) })).status).toBe('fail');
    expect(run('accessibility/flashing', probes({ flashing: f(10, 4_000) })).status).toBe('pass');
    expect(run('accessibility/flashing', probes({ flashing: f(6, 48_000) })).status).toBe('pass');
  });

  it('focus-visible: pixels decide where captured — a ring the styles miss passes, an invisible change fails', () => {
    const stop = (focusVisible: boolean, changed?: number): TabStop => ({
      ...el,
      x: 0,
      y: 0,
      width: 80,
      height: 28,
      focusVisible,
      obscuredBy: null,
      ...(changed === undefined ? {} : { focusPixels: { changed, measured: 4000 } }),
    });
    const kb = (s: TabStop) => ({ stops: [s], sequence: [0, null], unfocusable: [], truncated: false });
    expect(run('accessibility/focus-visible', probes({ keyboard: kb(stop(false, 400)) })).status).toBe('pass');
    const invisible = run('accessibility/focus-visible', probes({ keyboard: kb(stop(true, 0)) }));
    expect(invisible.status).toBe('fail');
    expect(invisible.findings[0]?.message).toMatch(/cannot be seen/);
    expect(run('accessibility/focus-visible', probes({ keyboard: kb(stop(false)) })).status).toBe('fail');
    expect(run('accessibility/focus-visible', probes({ keyboard: kb(stop(true)) })).status).toBe('pass');
  });
});
