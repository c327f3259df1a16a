/**
 * The card + PIN form flow every browser strategy shares (vendor form, SAML and OIDC identity
 * providers' forms, a proxy's form): bring the form up (on the page, in an iframe or in a popup),
 * fill card and PIN, submit, and decide the outcome from what a patron sees — the declared success
 * element on the main page (logged in) or a visible message (rejected).
 */
import type { BrowserFormLogin, Locator } from '../../core/config.ts';
import type { LoginAttempt } from '../../core/evidence.ts';
import { runAction, type ActionContext } from '../../gather/actions.ts';
import { detectLanguage } from '../../gather/language.ts';
import { messageProbe } from '../../gather/probes.ts';
import type { PatronSecrets } from '../../config/secrets.ts';
import { ActionError, NavigationError, type PageScope } from '../../session/types.ts';

export type LoginOutcome = Omit<LoginAttempt, 'role' | 'url' | 'screenshot'>;

/** Called with the form's document once it is on screen, before card and PIN are typed. */
export interface LoginHooks {
  onForm?: (form: PageScope) => Promise<{ formScreenshot?: string } | void>;
}

const POLL_MS = 100;

/** Declared `lang` of a document, two letters, or null. */
export function pageLanguageProbe(): string | null {
  const lang = document.documentElement.getAttribute('lang');
  return lang ? lang.trim().slice(0, 2).toLowerCase() || null : null;
}

/**
 * The rejection a patron sees in `where`, if any: the declared error element's text, else the first
 * visible alert/live message (src/gather/probes.ts), with its language and whether it is announced.
 */
export async function visibleRejection(where: PageScope, error: Locator | undefined, started: number): Promise<LoginOutcome | null> {
  const declared = error ? await where.textOf(error).catch(() => null) : null;
  const probe = await where.evaluate(messageProbe, { text: declared || null }).catch(() => ({ messages: [] }));
  const first = probe.messages.find((m) => m.text.length > 0);
  if (!first) return null;
  return {
    outcome: 'rejected',
    durationMs: Math.round(performance.now() - started),
    message: first.text,
    messageLanguage: detectLanguage(first.text),
    pageLanguage: await where.evaluate(pageLanguageProbe, null).catch(() => null),
    announced: first.announced,
  };
}

/** Where the form lives: the page itself, a frame in it, or a popup the last start action opens. */
async function openForm(ctx: ActionContext, login: BrowserFormLogin): Promise<{ form: PageScope; popupClosed?: () => boolean }> {
  const { session } = ctx;
  const actions = login.start;
  if (login.popup) {
    if (!session.popup) throw new ActionError(`This driver cannot follow popup windows; the ${login.strategy} login opens one`);
    for (const action of actions.slice(0, -1)) await runAction(ctx, action);
    const last = actions[actions.length - 1];
    if (!last) throw new ActionError('No action opens the popup');
    const popup = await session.popup(() => runAction(ctx, last), ctx.actionTimeoutMs);
    return { form: popup, popupClosed: () => popup.closed() };
  }
  for (const action of actions) await runAction(ctx, action);
  if (login.frame) {
    if (!session.frame) throw new ActionError(`This driver cannot enter frames; the ${login.strategy} login sits in ${login.frame}`);
    return { form: session.frame(login.frame) };
  }
  return { form: session };
}

export async function formLogin(ctx: ActionContext, login: BrowserFormLogin, patron: PatronSecrets, hooks: LoginHooks = {}): Promise<LoginOutcome> {
  const { session } = ctx;
  let form: PageScope;
  let popupClosed: (() => boolean) | undefined;
  let formOrigin: string | undefined;
  let formScreenshot: string | undefined;
  try {
    ({ form, popupClosed } = await openForm(ctx, login));
    if (!(await form.waitForVisible(login.card, ctx.actionTimeoutMs))) {
      throw new ActionError('The card-number field did not appear');
    }
    formOrigin = await form.url().then((u) => new URL(u).origin, () => undefined);
    const hooked = await hooks.onForm?.(form);
    if (hooked && hooked.formScreenshot) formScreenshot = hooked.formScreenshot;
    await form.fill(login.card, patron.card, ctx.actionTimeoutMs);
    await form.fill(login.pin, patron.pin, ctx.actionTimeoutMs);
  } catch (e) {
    if (e instanceof NavigationError) throw e;
    const message = e instanceof ActionError ? e.message : `Login form could not be used: ${(e as Error).message}`;
    return { outcome: 'error', durationMs: 0, error: message, ...(formOrigin ? { formOrigin } : {}) };
  }
  const extra = { ...(formOrigin ? { formOrigin } : {}), ...(formScreenshot ? { formScreenshot } : {}) };

  const started = performance.now();
  try {
    await form.click(login.submit, ctx.actionTimeoutMs);
  } catch (e) {
    if (e instanceof NavigationError) throw e;
    // A popup that closes itself on success takes the button with it.
    if (!popupClosed?.()) return { outcome: 'error', durationMs: 0, error: (e as Error).message, ...extra };
  }

  const deadline = started + login.timeoutMs;
  while (performance.now() < deadline) {
    if (await session.isVisible(login.success).catch(() => false)) {
      return { outcome: 'logged-in', durationMs: Math.round(performance.now() - started), ...extra };
    }
    // The message is read where the form is (while it is still open), else on the main page.
    const where: PageScope = popupClosed?.() ? session : form;
    const rejected = await visibleRejection(where, login.error, started);
    if (rejected) return { ...rejected, echoesPin: (rejected.message ?? '').includes(patron.pin), ...extra };
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  // A slow read of the form's document can take the last poll past the deadline: look once more.
  if (await session.isVisible(login.success).catch(() => false)) {
    return { outcome: 'logged-in', durationMs: Math.round(performance.now() - started), ...extra };
  }
  return { outcome: 'no-response', durationMs: Math.round(performance.now() - started), ...extra };
}

/** Empties every visible text and password field of a document, so that a screenshot never shows a typed card number. */
export function blankFieldsProbe(): number {
  let n = 0;
  for (const el of Array.from(document.querySelectorAll('input'))) {
    if (el.type === 'hidden' || el.type === 'submit' || el.type === 'button' || !el.value) continue;
    el.value = '';
    n++;
  }
  return n;
}

/** The form's document (for blanking fields before a screenshot). */
export function formScope(ctx: ActionContext, login: BrowserFormLogin): PageScope {
  return login.frame && ctx.session.frame ? ctx.session.frame(login.frame) : ctx.session;
}
