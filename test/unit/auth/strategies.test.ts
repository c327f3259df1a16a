/**
 * Login strategies as objects (src/auth/strategies): what each carries for the gatherers (roles,
 * the patron a role logs in as, the fields masked in screenshots, the form), and the form flow's
 * verdict when nothing decides a login — no response only when the page could be read, an error when
 * its messages could not be (a failed read is never "no message").
 */
import { describe, expect, it } from 'vitest';
import { LoginSchema, type Locator } from '../../../src/core/config.ts';
import { PATRON_ROLES } from '../../../src/core/ids.ts';
import { loginStrategy } from '../../../src/auth/strategies/index.ts';
import type { ActionContext } from '../../../src/journey/actions.ts';
import type { BrowserSession, Probe } from '../../../src/session/types.ts';

const card: Locator = { label: 'Card' };
const pin: Locator = { label: 'PIN' };
const form = {
  start: [{ goto: '/login' }],
  card,
  pin,
  submit: { role: 'button', name: 'Log in' },
  success: { role: 'button', name: 'Log out' },
  timeoutMs: 300,
};
const patron = { card: '1234', pin: '9999' };

/** A page with the login form that never logs in; `messages` answers the message probe (or throws). */
function page(messages: () => Array<{ text: string; announced: boolean }>): ActionContext {
  const session = {
    goto: async () => ({ status: 200 }),
    waitForVisible: async () => true,
    isVisible: async () => false,
    fill: async () => undefined,
    click: async () => undefined,
    submit: async () => undefined,
    textOf: async () => null,
    url: async () => 'http://127.0.0.1:1/login',
    evaluate: async <A, R>(probe: Probe<A, R>): Promise<R> => {
      if (probe.name === 'messageProbe') return { messages: messages() } as R;
      return null as R;
    },
  } as unknown as BrowserSession;
  return { session, baseUrl: 'http://127.0.0.1:1/', actionTimeoutMs: 100, navigationTimeoutMs: 100 };
}

describe('login strategy objects', () => {
  it('a form strategy tries every role, masks its own fields, and carries its form', () => {
    const s = loginStrategy(LoginSchema.parse({ strategy: 'card-pin-form', ...form }));
    expect(s.browser).toBe(true);
    expect(s.roles).toEqual(PATRON_ROLES);
    expect(s.secretFields).toEqual([card, pin]);
    expect(s.form?.card).toEqual(card);
    expect(s.patron(undefined)).toBeUndefined();
  });

  it('a form in a frame or popup cannot be masked from the page; redirect strategies are form strategies', () => {
    const framed = loginStrategy(LoginSchema.parse({ strategy: 'card-pin-form', ...form, frame: 'iframe#login' }));
    expect(framed.secretFields).toEqual([]);
    expect(loginStrategy(LoginSchema.parse({ strategy: 'saml', ...form, popup: true })).secretFields).toEqual([]);
    expect(loginStrategy(LoginSchema.parse({ strategy: 'oidc', ...form })).form).toBeDefined();
  });

  it('ip-access: the valid route only, with no card, and its own evidence after it', () => {
    const s = loginStrategy(LoginSchema.parse({ strategy: 'ip-access', start: [{ goto: '/' }], success: card }));
    expect(s.roles).toEqual(['valid']);
    expect(s.patron(undefined)).toEqual({ card: '', pin: '' });
    expect(s.form).toBeUndefined();
    expect(s.afterValid).toBeDefined();
  });

  it('password-grant: no browser, its token endpoint as the attempt URL', () => {
    const grant = { strategy: 'password-grant', tokenUrl: '/oauth/token', clientId: 'app' };
    const s = loginStrategy(LoginSchema.parse(grant));
    expect(s.browser).toBe(false);
    expect(s.endpoint).toBe('/oauth/token');
    expect(s.secretFields).toEqual([]);
  });
});

describe('the form flow when nothing decides a login', () => {
  const strategy = loginStrategy(LoginSchema.parse({ strategy: 'card-pin-form', ...form }));

  it('is no-response when the page could be read and showed no message', async () => {
    const outcome = await strategy.perform(page(() => []), patron);
    expect(outcome.outcome).toBe('no-response');
  });

  it('is an error, naming why, when the last read of the page messages failed', async () => {
    const outcome = await strategy.perform(page(() => { throw new Error('Execution context was destroyed'); }), patron);
    expect(outcome.outcome).toBe('error');
    expect(outcome.error).toContain('Execution context was destroyed');
  });

  it('is a rejection when a message shows', async () => {
    const outcome = await strategy.perform(page(() => [{ text: 'Wrong PIN', announced: true }]), patron);
    expect(outcome).toMatchObject({ outcome: 'rejected', message: 'Wrong PIN', announced: true, echoesPin: false });
  });
});
