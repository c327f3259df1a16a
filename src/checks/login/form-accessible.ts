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
import { loginStep } from './attempts.ts';

const NAMES = { card: 'card-number field', pin: 'PIN field' } as const;

export const loginFormAccessible: Check<'login'> = {
  meta: {
    id: 'login/form-accessible',
    suite: 'login',
    title: 'The login form has labels, autocomplete, allows paste and has no puzzle',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    references: ['WCAG 2.2 SC 3.3.8 Accessible Authentication (Minimum) (AA)', 'WCAG 2.1 SC 1.3.5 Identify Input Purpose (AA)', 'WCAG 2.0 SC 3.3.2 Labels or Instructions (A)', 'WCAG 2.0 SC 1.3.1 (A)', 'EN 301 549 9.1.3.5, 9.3.3.2'],
    reads: ['login.form'],
  },
  evaluate({ data }) {
    const form = data.form;
    if (!form) return { status: 'not-applicable', detail: 'No card + PIN form was examined (the strategy has no form, or it did not appear).' };
    if (form.fields.length === 0) return { status: 'needs-review', detail: 'No text or password field was found in the login form\'s document.' };
    const problems: string[] = [];
    for (const f of form.fields) {
      if (!f.label) problems.push(`The ${NAMES[f.field]} has no label or accessible name (WCAG 1.3.1, 3.3.2).`);
      if (!f.autocomplete || f.autocomplete.trim().toLowerCase() === 'off') problems.push(`The ${NAMES[f.field]} has no autocomplete purpose (${f.autocomplete === null ? 'none' : `"${f.autocomplete}"`}); use ${f.field === 'pin' ? 'current-password' : 'username'} (WCAG 1.3.5).`);
      if (!f.pasteAllowed) problems.push(`The ${NAMES[f.field]} blocks pasting, which password managers need (WCAG 2.2 SC 3.3.8).`);
    }
    if (form.cognitiveTest) problems.push(`A CAPTCHA or puzzle (${form.cognitiveTest}) is part of the login (WCAG 2.2 SC 3.3.8).`);
    if (problems.length === 0) return { score: 1, detail: `The form's ${form.fields.length} fields are labelled, declare autocomplete and accept paste; no puzzle.` };
    return {
      score: 0,
      detail: `${problems.length} problem${problems.length > 1 ? 's' : ''} with the login form.`,
      findings: problems.map((message) => ({ message, step: loginStep('valid') })),
    };
  },
};
