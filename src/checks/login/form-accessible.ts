/**
 * login/form-accessible: the card + PIN form can be used by everyone — each field has an accessible
 * name (WCAG 1.3.1, 3.3.2, 4.1.2), declares its purpose with `autocomplete` so that password
 * managers and assistive tools can fill it (WCAG 2.1 SC 1.3.5), accepts pasting, and no CAPTCHA or
 * puzzle stands in the way (WCAG 2.2 SC 3.3.8 Accessible Authentication (Minimum): no cognitive
 * function test, copy-paste allowed). Measured in the form's document (vendor page, frame, popup or
 * identity provider).
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { isBrowserFormStrategy } from '../../core/index.ts';
import { attemptsOf, loginStep } from './attempts.ts';

const NAMES = { card: 'card-number field', pin: 'PIN field' } as const;

export const loginFormAccessible: Check<'login'> = {
  meta: {
    id: 'login/form-accessible',
    suite: 'login',
    title: 'The login form has labels, autocomplete, allows paste and has no puzzle',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: ['3.3.8', '1.3.5', '3.3.2', '1.3.1', '4.1.2'],
    references: [],
    reads: ['login.form', 'login.strategy', 'login.attempts[role=valid]'],
  },
  evaluate({ data }) {
    const form = data.form;
    if (!form) {
      if (!isBrowserFormStrategy(data.strategy))
        return {
          status: 'not-applicable',
          detail: `The ${data.strategy} login has no card + PIN form in the browser.`,
        };
      // A form login whose form was not examined is not "no problem": the form did not appear, or the probe failed.
      const valid = attemptsOf(data.attempts, 'valid')[0];
      const why = valid
        ? `the valid patron's attempt ended "${valid.outcome}"${valid.error ? ` (${valid.error})` : ''}`
        : 'no attempt with the valid patron was recorded';
      return {
        status: 'inconclusive',
        detail:
          `The ${data.strategy} login's form was not examined ` +
          `(it did not appear, or the probe could not read it): ${why}.`,
      };
    }
    if (form.fields.length === 0)
      return { status: 'needs-review', detail: "No text or password field was found in the login form's document." };
    const problems: string[] = [];
    for (const f of form.fields) {
      // axe accepts a placeholder as an accessible name (so accessibility/axe/label may pass); what is missing then is
      // a label
      // that stays visible while typing, which is what WCAG 3.3.2 (Labels or Instructions) asks for.
      if (!f.label && f.placeholder) {
        problems.push(
          `The ${NAMES[f.field]} has no visible label: only its placeholder "${f.placeholder}" names it, and ` +
            `that disappears while typing (WCAG 3.3.2, 1.3.1).`,
        );
      } else if (!f.label)
        problems.push(`The ${NAMES[f.field]} has no label and no accessible name (WCAG 1.3.1, 3.3.2, 4.1.2).`);
      if (!f.autocomplete || f.autocomplete.trim().toLowerCase() === 'off')
        problems.push(
          `The ${NAMES[f.field]} has no autocomplete purpose ` +
            `(${f.autocomplete === null ? 'none' : `"${f.autocomplete}"`}); use ` +
            `${f.field === 'pin' ? 'current-password' : 'username'} (WCAG 1.3.5).`,
        );
      if (!f.pasteAllowed)
        problems.push(`The ${NAMES[f.field]} blocks pasting, which password managers need (WCAG 2.2 SC 3.3.8).`);
    }
    if (form.cognitiveTest)
      problems.push(`A CAPTCHA or puzzle (${form.cognitiveTest}) is part of the login (WCAG 2.2 SC 3.3.8).`);
    if (problems.length === 0)
      return {
        score: 1,
        detail:
          `The form's ${form.fields.length} fields are labelled, declare autocomplete ` +
          'and accept paste; no puzzle.',
      };
    return {
      score: 0,
      detail: `${problems.length} problem${problems.length > 1 ? 's' : ''} with the login form.`,
      findings: problems.map((message) => ({ message, step: loginStep('valid') })),
    };
  },
};
