/**
 * Controls that are not controls, judged from interaction (src/gather/a11y/interact.ts):
 *
 * - `accessibility/click-listeners` (2.1.1 + 4.1.2, serious): no element that is not a control (no
 *   native control, no widget role, holding none) has its own click listener: a keyboard user cannot
 *   reach it (out of the Tab order) or a screen reader announces no control. Listeners are seen on
 *   Chromium (DevTools protocol); elsewhere the check is inconclusive ("not observable").
 * - `accessibility/key-activation` (2.1.1, critical): a custom control answers the keys a patron
 *   presses — Enter and Space for role=button, Enter for a link or menu item, Space for a checkbox or
 *   switch; a focusable element with a click listener and no role answers Enter or Space.
 * - `accessibility/hover-disclosure` (2.1.1, serious): content that a hover shows (a menu, a
 *   tooltip, a disclosure) also shows when the trigger gets the keyboard focus.
 */
import type { FindingInput } from '../types.ts';
import { findingAt, moreFindings, probeCheck, type StateVerdict } from './probe-check.ts';

const named = (name: string): string => (name ? `"${name}" ` : '');

export const clickListeners = probeCheck({
  id: 'accessibility/click-listeners',
  title: 'Elements that react to clicks are controls a keyboard can use',
  impact: 'serious',
  criteria: ['2.1.1', '4.1.2'],
  probe: 'clickListeners',
  reads: ['accessibility.states[].probes.clickListeners'],
  notApplicable: 'No page state was examined.',
  atState({ state }, c): StateVerdict {
    if (!c.observable)
      return {
        tested: true,
        partial: `at ${state.step} click listeners were not observable (${c.reason ?? 'driver'})`,
      };
    const findings: FindingInput[] = c.items.map((i) =>
      findingAt(
        state,
        i.selector,
        i.focusable
          ? `${named(i.name)}reacts to clicks (its own click listener) and takes the focus, but it has no role: a ` +
              `screen reader announces no control${i.keyListener ? '' : ', and it has no key listener of its own'}. ` +
              `Reproduce: Tab to it with a screen reader on; nothing says it can be pressed.`
          : `${named(i.name)}reacts to clicks (its own click listener) but is no control: not in the Tab order, ` +
              `no role. A keyboard user cannot reach it and a screen reader does not offer it. Reproduce: press Tab ` +
              `through the page; it is skipped.`,
      ),
    );
    findings.push(
      ...moreFindings(state, c.total, c.items.length, 'elements with click listeners that are no controls'),
    );
    return { findings, tested: true, count: c.total };
  },
  passDetail: () => 'Every element with its own click listener was a control or held one.',
});

const KEY_LABEL = { Enter: 'Enter', Space: 'Space' } as const;

export const keyActivation = probeCheck({
  id: 'accessibility/key-activation',
  title: 'Custom controls work with Enter and Space',
  impact: 'critical',
  criteria: ['2.1.1'],
  probe: 'keyActivation',
  reads: ['accessibility.states[].probes.keyActivation'],
  notApplicable: 'No custom control (role=button, link, checkbox…) was found.',
  atState({ state }, k): StateVerdict {
    const findings: FindingInput[] = [];
    const review: FindingInput[] = [];
    for (const i of k.items) {
      const ignored = i.presses.filter((p) => p.answers.length === 0).map((p) => KEY_LABEL[p.key]);
      // A control without a role owes no particular key: one that answers either is used from the keyboard.
      const fails = i.role === '' ? ignored.length === i.presses.length : ignored.length > 0;
      // Only a control a click is seen to act on owes the key the same effect; with no listener seen
      // anywhere around it there is nothing to compare with, and where listeners cannot be seen a person checks.
      if (!fails || i.clickListener === false) continue;
      const what = i.role ? `role=${i.role}` : 'an element with a click listener';
      const text =
        `${named(i.name)}(${what}) ignores ${ignored.join(' and ')}: with the focus on it, the key caused no ` +
        `click, changed nothing on the page and was not handled`;
      const how = `Reproduce: Tab to it and press ${ignored.join(', then ')}.`;
      if (i.clickListener === true)
        findings.push(findingAt(state, i.selector, `${text}, while a click acts on it (a click listener). ${how}`));
      else
        review.push(
          findingAt(state, i.selector, `${text}; whether a click does anything could not be seen here. ${how}`),
        );
    }
    // Not pressed at all (an overlay was open): not tested here. The first MAX_KEY_TESTS are pressed.
    const partial =
      k.skipped !== undefined && k.total > 0
        ? `at ${state.step} ${k.total} custom controls were not pressed: ${k.skipped}`
        : undefined;
    // Candidates not pressed were still there to test: inconclusive, not not-applicable.
    return {
      findings,
      review,
      tested: k.items.length > 0 || partial !== undefined,
      count: k.items.length,
      ...(partial ? { partial } : {}),
    };
  },
  passDetail: (n) => `All ${n} custom controls pressed answered Enter and Space as their roles require.`,
});

export const hoverDisclosure = probeCheck({
  id: 'accessibility/hover-disclosure',
  title: 'What opens on hover also opens from the keyboard',
  impact: 'serious',
  criteria: ['2.1.1'],
  probe: 'hoverDisclosure',
  reads: ['accessibility.states[].probes.hoverDisclosure'],
  notApplicable: 'Nothing on the pages opened on hover.',
  atState({ state }, h): StateVerdict {
    const findings = h.items
      .filter((i) => !i.byFocus)
      .map((i) =>
        findingAt(
          state,
          i.selector,
          `Hovering ${named(i.name)}shows "${i.revealed}", but ` +
            (i.focusable
              ? 'giving it the keyboard focus does not'
              : 'nothing in it can take the keyboard focus, so a keyboard user never sees it') +
            `. Reproduce: Tab to it; the content does not appear.`,
        ),
      );
    const partial =
      h.skipped !== undefined && h.total > 0
        ? `at ${state.step} hover triggers were not tried: ${h.skipped}`
        : undefined;
    return {
      findings,
      tested: h.items.length > 0 || partial !== undefined,
      count: h.items.length,
      ...(partial ? { partial } : {}),
    };
  },
  passDetail: (n) => `All ${n} disclosures that opened on hover also opened on keyboard focus.`,
});

export const CONTROL_CHECKS = [clickListeners, keyActivation, hoverDisclosure] as const;
