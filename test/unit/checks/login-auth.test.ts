/** The issue-3 login checks: pre-flight verdicts, negative patrons, messages, form, session, third-party cookies, outage. */
import { describe, expect, it } from 'vitest';
import type { EvidenceOf, LoginAttempt, LoginEvidence } from '../../../src/core/index.ts';
import { EvidenceSchema } from '../../../src/core/index.ts';
import { classifyMessage } from '../../../src/checks/login/classify.ts';
import { attempt, check } from './helpers.ts';

function login(attempts: LoginAttempt[], extra: Partial<LoginEvidence> = {}): EvidenceOf<'login'> {
  return EvidenceSchema.parse({
    evidenceVersion: 1, service: 'portti', device: 'desktop-chromium', suite: 'login', status: 'complete',
    startedAt: '2026-11-25T10:00:00.000Z', finishedAt: '2026-11-25T10:01:00.000Z', browser: { engine: 'chromium', version: '1' }, steps: [], attempt: 1,
    login: { strategy: 'card-pin-form', attempts, ...extra },
  }) as EvidenceOf<'login'>;
}

const ok = attempt('valid', 'logged-in');
const rejected = (role: LoginAttempt['role'], message: string, extra: Partial<LoginAttempt> = {}) =>
  attempt(role, 'rejected', { message, messageLanguage: 'fi', pageLanguage: 'fi', announced: true, echoesPin: false, ...extra });
const preflightOk = { protocol: 'sip2' as const, status: 'ok' as const, patrons: [], durationMs: 10 };

describe('classifyMessage', () => {
  it.each([
    ['PIN-koodi on väärä. Tarkista PIN-koodi ja yritä uudelleen.', 'credentials'],
    ['Virheellinen kortin numero tai PIN-koodi.', 'credentials'],
    ['Bibliotekskortets nummer kändes inte igen.', 'credentials'],
    ['Kirjastokorttisi käyttö on estetty. Ota yhteyttä kirjastoosi.', 'blocked'],
    ['Din lånerätt är spärrad. Kontakta biblioteket.', 'blocked'],
    ['Kirjastokorttisi voimassaolo on päättynyt.', 'expired'],
    ['Kirjastokorttisi ei ole enää voimassa.', 'expired'],
    ['Ditt bibliotekskort har gått ut.', 'expired'],
    ['Your library card is no longer valid.', 'expired'],
    ['We cannot reach the library’s patron system right now. Your details are not wrong – please try again in a moment.', 'unavailable'],
    ['Palvelussa on tilapäinen häiriö. Yritä myöhemmin uudelleen.', 'unavailable'],
    ['Tervetuloa!', null],
  ])('%s → %s', (text, kind) => {
    expect(classifyMessage(text)).toBe(kind);
  });
});

describe('pre-flight makes login verdicts inconclusive, never failed', () => {
  it('library unreachable: the valid-patron gate is inconclusive with the reason', () => {
    const e = login([attempt('valid', 'rejected', { message: 'Väärä PIN-koodi' })], {
      preflight: { protocol: 'sip2', status: 'unreachable', reason: 'SIP2 connect-failed', patrons: [], durationMs: 5 },
    });
    const r = check(e, 'login/valid-patron');
    expect(r.status).toBe('inconclusive');
    expect(r.detail).toMatch(/library system could not be asked.*connect-failed/);
    expect(check(e, 'login/time-to-login').status).toBe('inconclusive');
  });

  it('a mislabelled patron makes only the checks over that role inconclusive', () => {
    const e = login([ok, rejected('wrongPin', 'PIN-koodi on väärä.'), attempt('expired', 'logged-in')], {
      preflight: {
        protocol: 'sip2', status: 'mismatch', durationMs: 5,
        patrons: [
          { role: 'valid', standing: 'valid', matches: true },
          { role: 'wrongPin', standing: 'wrong-pin', matches: true },
          { role: 'expired', standing: 'valid', matches: false },
        ],
      },
    });
    expect(check(e, 'login/expired-card-rejected')).toMatchObject({ status: 'inconclusive' });
    expect(check(e, 'login/expired-card-rejected').detail).toMatch(/expired test patron is valid/);
    expect(check(e, 'login/valid-patron').status).toBe('pass');
    expect(check(e, 'login/wrong-pin-rejected').status).toBe('pass');
  });
});

describe('negative patrons', () => {
  it('pass with a specific message', () => {
    const e = login([ok, rejected('blocked', 'Kirjastokorttisi käyttö on estetty.'), rejected('expired', 'Kirjastokorttisi voimassaolo on päättynyt.'), rejected('unknownCard', 'Kortin numeroa ei tunnistettu.')], { preflight: preflightOk });
    for (const id of ['login/blocked-card-rejected', 'login/expired-card-rejected', 'login/unknown-card-rejected']) expect(check(e, id).status, id).toBe('pass');
  });

  it('an expired card told "blocked" fails, naming what the message said', () => {
    const r = check(login([ok, rejected('expired', 'Lainausoikeutesi on estetty.')]), 'login/expired-card-rejected');
    expect(r.status).toBe('fail');
    expect(r.findings[0]?.message).toMatch(/speaks of a blocked card/);
  });

  it('a blocked card that logs in fails; a missing message fails; a PIN in the message fails', () => {
    expect(check(login([ok, attempt('blocked', 'logged-in')]), 'login/blocked-card-rejected').findings[0]?.message).toMatch(/was accepted/);
    expect(check(login([ok, attempt('blocked', 'rejected')]), 'login/blocked-card-rejected').findings[0]?.message).toMatch(/without a visible message/);
    const echo = check(login([ok, rejected('unknownCard', 'Kortti [redacted] on väärä', { echoesPin: true })]), 'login/unknown-card-rejected');
    expect(echo.findings.map((f) => f.message).join()).toMatch(/repeats the PIN/);
  });

  it('not applicable without that patron', () => {
    expect(check(login([ok]), 'login/blocked-card-rejected').status).toBe('not-applicable');
  });
});

describe('messages: announced and in the page language', () => {
  it('fails when an error is not announced', () => {
    const r = check(login([ok, rejected('wrongPin', 'Väärä PIN-koodi', { announced: false })]), 'login/error-announced');
    expect(r.status).toBe('fail');
    expect(r.findings[0]?.message).toMatch(/not announced/);
  });
  it('fails when a Finnish page answers in English', () => {
    const r = check(login([ok, rejected('wrongPin', 'Invalid card number or PIN.', { messageLanguage: 'en' })]), 'login/error-language');
    expect(r.status).toBe('fail');
    expect(r.findings[0]?.message).toMatch(/page is Finnish.*English/);
  });
  it('passes when announced and matching', () => {
    const e = login([ok, rejected('wrongPin', 'Väärä PIN-koodi')]);
    expect(check(e, 'login/error-announced').status).toBe('pass');
    expect(check(e, 'login/error-language').status).toBe('pass');
  });
});

describe('login/form-accessible (WCAG 2.2 SC 3.3.8)', () => {
  const field = (f: 'card' | 'pin', extra = {}) => ({ field: f, label: f === 'card' ? 'Kortin numero' : 'PIN', autocomplete: f === 'card' ? 'username' : 'current-password', pasteAllowed: true, ...extra });
  it('passes a labelled, pasteable form', () => {
    expect(check(login([ok], { form: { fields: [field('card'), field('pin')], cognitiveTest: null } }), 'login/form-accessible').status).toBe('pass');
  });
  it('fails on a missing label, autocomplete off, blocked paste and a CAPTCHA', () => {
    const r = check(login([ok], { form: { fields: [field('card', { label: null, autocomplete: 'off' }), field('pin', { pasteAllowed: false })], cognitiveTest: 'div#captcha' } }), 'login/form-accessible');
    expect(r.status).toBe('fail');
    expect(r.findings).toHaveLength(4);
    expect(r.findings[0]?.message).toBe('The card-number field has no label and no accessible name (WCAG 1.3.1, 3.3.2, 4.1.2).');
  });
  it('says precisely what is wrong with a placeholder-only field (axe accepts the placeholder as its name): no visible label', () => {
    const r = check(login([ok], { form: { fields: [field('card', { label: null, placeholder: 'Kirjastokortin numero' }), field('pin')], cognitiveTest: null } }), 'login/form-accessible');
    expect(r.status).toBe('fail');
    expect(r.findings.map((f) => f.message)).toEqual([
      'The card-number field has no visible label: only its placeholder "Kirjastokortin numero" names it, and that disappears while typing (WCAG 3.3.2, 1.3.1).',
    ]);
  });
});

describe('session and logout', () => {
  it('a logout that leaves the session alive fails, critical', () => {
    const r = check(login([ok], { session: { survivesReload: true, logout: 'still-logged-in', detail: 'still there' } }), 'login/logout-ends-session');
    expect(r).toMatchObject({ status: 'fail', impact: 'critical' });
  });
  it('a logout that ends the session passes; no declared logout is not applicable', () => {
    expect(check(login([ok], { session: { survivesReload: true, logout: 'ended' } }), 'login/logout-ends-session').status).toBe('pass');
    expect(check(login([ok], { session: { survivesReload: true, logout: 'not-tested' } }), 'login/logout-ends-session').status).toBe('not-applicable');
    expect(check(login([ok], { session: { survivesReload: false, logout: 'ended' } }), 'login/session-survives-reload').status).toBe('fail');
  });
});

describe('login/third-party-cookies', () => {
  it('fails where third-party cookies are blocked and the framed login did not work', () => {
    const e = login([attempt('valid', 'no-response', { formOrigin: 'http://localhost:4721' })], { crossSiteFrame: true, thirdPartyCookies: 'blocked' });
    expect(check(e, 'login/third-party-cookies').status).toBe('fail');
  });
  it('is not applicable where they are allowed, and passes where blocked but the login worked', () => {
    expect(check(login([ok], { crossSiteFrame: true, thirdPartyCookies: 'allowed' }), 'login/third-party-cookies').status).toBe('not-applicable');
    expect(check(login([ok], { crossSiteFrame: true, thirdPartyCookies: 'blocked' }), 'login/third-party-cookies').status).toBe('pass');
    expect(check(login([ok], {}), 'login/third-party-cookies').status).toBe('not-applicable');
  });
});

describe('login/outage-message', () => {
  const down = { protocol: 'sip2' as const, status: 'unreachable' as const, reason: 'down', patrons: [], durationMs: 1 };
  it('fails when an outage is shown as a wrong PIN', () => {
    expect(check(login([rejected('valid', 'Virheellinen kortin numero tai PIN-koodi.')], { preflight: down }), 'login/outage-message').status).toBe('fail');
  });
  it('passes when the outage is named; not applicable while the library is up', () => {
    expect(check(login([rejected('valid', 'Kirjastojärjestelmään ei juuri nyt saada yhteyttä.')], { preflight: down }), 'login/outage-message').status).toBe('pass');
    expect(check(login([ok], { preflight: preflightOk }), 'login/outage-message').status).toBe('not-applicable');
  });
});

describe('a login tried again when the harness saw no answer (LoginAttempt.retry)', () => {
  const silent = (role: LoginAttempt['role']) => attempt(role, 'no-response', { durationMs: 10_000 });

  it('the second try decides, and the detail says what the first was', () => {
    const e = login([silent('valid'), { ...ok, retry: true }, silent('expired'), rejected('expired', 'Kirjastokorttisi voimassaolo on päättynyt.', { retry: true })], { preflight: preflightOk });
    const valid = check(e, 'login/valid-patron');
    expect(valid.status).toBe('pass');
    expect(valid.detail).toMatch(/1 attempt\)\. The first try ended with no response after 10\.0 s; this is the second try\./);
    const expired = check(e, 'login/expired-card-rejected');
    expect(expired.status).toBe('pass');
    expect(expired.detail).toMatch(/first try ended with no response/);
  });

  it('a vendor that answers neither time fails once, on its second try', () => {
    const e = login([ok, silent('wrongPin'), { ...silent('wrongPin'), retry: true }], { preflight: preflightOk });
    const r = check(e, 'login/wrong-pin-rejected');
    expect(r.status).toBe('fail');
    expect(r.findings).toHaveLength(1);
    expect(r.detail).toMatch(/^1 problem with how a wrong PIN is handled\. The first try ended with no response/);
  });

  it('an attempt decided the first time keeps its detail unchanged', () => {
    const r = check(login([ok, rejected('wrongPin', 'PIN-koodi on väärä.')], { preflight: preflightOk }), 'login/wrong-pin-rejected');
    expect(r.detail).toBe('A wrong PIN was rejected with the message "PIN-koodi on väärä.".');
  });
});
