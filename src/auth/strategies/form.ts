/**
 * The card + PIN form flow every browser strategy shares (vendor form, SAML and OIDC identity
 * providers' forms, a proxy's form): bring the form up (on the page, in an iframe or in a popup),
 * fill card and PIN, submit, and decide the outcome from what a patron sees — the declared success
 * element on the main page (logged in) or a visible message (rejected).
 */
import type { Action, BrowserFormLogin, Locator } from '../../core/config.ts';
import { PATRON_ROLES } from '../../core/ids.ts';
import { describeAction, runAction, type ActionContext } from '../../journey/actions.ts';
import { detectLanguage } from '../../journey/language.ts';
import { messageProbe } from '../../journey/messages.ts';
import type { PatronSecrets } from '../../config/secrets.ts';
import { ActionError, NavigationError, describeLocator, type PageScope } from '../../session/types.ts';
import type { LoginHooks, LoginOutcome, LoginStrategy } from './types.ts';

const POLL_MS = 100;

/** Declared `lang` of a document, two letters, or null. */
export function pageLanguageProbe(): string | null {
  const lang = document.documentElement.getAttribute('lang');
  return lang ? lang.trim().slice(0, 2).toLowerCase() || null : null;
}

/**
 * What a patron sees in `where` after submitting: the declared error element's text, else the first
 * visible alert/live message (src/journey/messages.ts), with its language and whether it is
 * announced. `unreadable` says why the page's messages could not be read this time: a failed read is
 * never taken for "no message".
 */
export async function visibleRejection(
  where: PageScope,
  error: Locator | undefined,
  started: number,
): Promise<{ rejected: LoginOutcome | null; unreadable?: string }> {
  let unreadable: string | undefined;
  const declared = error ? await where.textOf(error).catch((e: unknown) => ((unreadable = errorText(e)), null)) : null;
  let messages: Array<{ text: string; announced: boolean }>;
  try {
    ({ messages } = await where.evaluate(messageProbe, { text: declared || null }));
  } catch (e) {
    return { rejected: null, unreadable: errorText(e) };
  }
  const first = messages.find((m) => m.text.length > 0);
  if (!first) return { rejected: null, ...(unreadable ? { unreadable } : {}) };
  // The page's declared language, null when it declares none; left out when it could not be read.
  const pageLanguage = await where.evaluate(pageLanguageProbe, null).then(
    (l) => ({ pageLanguage: l }),
    () => ({}),
  );
  return {
    rejected: {
      outcome: 'rejected',
      durationMs: Math.round(performance.now() - started),
      message: first.text,
      messageLanguage: detectLanguage(first.text),
      ...pageLanguage,
      announced: first.announced,
    },
  };
}

/** In-page: the document's title and first heading (what the patron was shown instead of the form). */
export function pageHeadlineProbe(): { title: string; heading: string } {
  const h = document.querySelector('h1,h2,[role="heading"]');
  return { title: document.title.trim().slice(0, 120), heading: (h?.textContent ?? '').trim().slice(0, 120) };
}

/**
 * Why the form did not come up, in words the evaluator acts on: where the patron was instead (URL,
 * title, heading), and — when the form was meant to follow an intermediate page — what to declare.
 */
async function missingForm(form: PageScope, login: BrowserFormLogin): Promise<string> {
  const url = await form.url().catch(() => '');
  const shown = await form.evaluate(pageHeadlineProbe, null).catch(() => ({ title: '', heading: '' }));
  const what = [shown.title && `titled "${shown.title}"`, shown.heading && `headed "${shown.heading}"`]
    .filter(Boolean)
    .join(', ');
  const where = url ? ` (the page was ${url}${what ? `, ${what}` : ''})` : '';
  const hint =
    (login.strategy !== 'saml' && login.strategy !== 'oidc') || ('choose' in login && login.choose)
      ? ''
      : '; if the provider first asks for an identification method or a library, pass that page with login.choose';
  return `The card-number field (${describeLocator(login.card)}) did not appear${where}${hint}`;
}

/** `look`'s answer, or `otherwise` when it fails or has not answered by `deadline` (a performance.now() time). */
async function byDeadline<T>(look: Promise<T>, deadline: number, otherwise: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((done) => {
    timer = setTimeout(() => done(otherwise), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([look.catch(() => otherwise), late]);
  } finally {
    clearTimeout(timer);
  }
}

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? 'unknown error';
}

/**
 * The outcome when nothing decided a login before its deadline: no response, unless the last look at
 * the page's messages failed — then whether the page answered is not known, and the attempt is an error.
 */
export function undecided(started: number, unreadable: string | undefined): LoginOutcome {
  const durationMs = Math.round(performance.now() - started);
  return unreadable
    ? { outcome: 'error', durationMs, error: `The page's messages could not be read after submitting: ${unreadable}` }
    : { outcome: 'no-response', durationMs };
}

/**
 * Passes the provider's intermediate page (`choose`: Suomi.fi's "choose your identification method")
 * where the form will be: on the page, every action kind; in a frame or popup, what a document scope
 * offers (click, fill, select, expect).
 */
async function choose(ctx: ActionContext, login: BrowserFormLogin, form: PageScope): Promise<void> {
  const actions: readonly Action[] = 'choose' in login && login.choose ? login.choose : [];
  for (const action of actions) {
    if (form === ctx.session) {
      await runAction(ctx, action);
      continue;
    }
    if ('click' in action) await form.click(action.click, ctx.actionTimeoutMs);
    else if ('fill' in action) await form.fill(action.fill.target, action.fill.value, ctx.actionTimeoutMs);
    else if ('select' in action) await form.select(action.select.target, action.select.option, ctx.actionTimeoutMs);
    else if ('expect' in action && action.state === 'visible') {
      if (!(await form.waitForVisible(action.expect, action.timeoutMs ?? ctx.actionTimeoutMs)))
        throw new ActionError(`Expected ${describeLocator(action.expect)} to be visible, but it was not`);
    } else
      throw new ActionError(
        `login.choose: "${describeAction(action)}" cannot run inside a frame or popup (there: click, fill, ` +
          `select, expect)`,
      );
  }
}

/** Where the form lives: the page itself, a frame in it, or a popup the last start action opens. */
async function openForm(
  ctx: ActionContext,
  login: BrowserFormLogin,
): Promise<{ form: PageScope; popupClosed?: () => boolean }> {
  const opened = await findForm(ctx, login);
  await choose(ctx, login, opened.form);
  return opened;
}

async function findForm(
  ctx: ActionContext,
  login: BrowserFormLogin,
): Promise<{ form: PageScope; popupClosed?: () => boolean }> {
  const { session } = ctx;
  const actions = login.start;
  if (login.popup) {
    if (!session.popup)
      throw new ActionError(`This driver cannot follow popup windows; the ${login.strategy} login opens one`);
    for (const action of actions.slice(0, -1)) await runAction(ctx, action);
    const last = actions[actions.length - 1];
    if (!last) throw new ActionError('No action opens the popup');
    const popup = await session.popup(() => runAction(ctx, last), ctx.actionTimeoutMs);
    return { form: popup, popupClosed: () => popup.closed() };
  }
  for (const action of actions) await runAction(ctx, action);
  if (login.frame) {
    if (!session.frame)
      throw new ActionError(`This driver cannot enter frames; the ${login.strategy} login sits in ${login.frame}`);
    return { form: session.frame(login.frame) };
  }
  return { form: session };
}

export async function formLogin(
  ctx: ActionContext,
  login: BrowserFormLogin,
  patron: PatronSecrets,
  hooks: LoginHooks = {},
): Promise<LoginOutcome> {
  const { session } = ctx;
  let form: PageScope;
  let popupClosed: (() => boolean) | undefined;
  let formOrigin: string | undefined;
  let formScreenshot: string | undefined;
  try {
    ({ form, popupClosed } = await openForm(ctx, login));
    if (!(await form.waitForVisible(login.card, ctx.actionTimeoutMs))) {
      throw new ActionError(await missingForm(form, login));
    }
    formOrigin = await form.url().then(
      (u) => new URL(u).origin,
      () => undefined,
    );
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
    // The answer is waited for below, until the login's own deadline: the click itself does not wait for it.
    await form.submit(login.submit, ctx.actionTimeoutMs);
  } catch (e) {
    if (e instanceof NavigationError) throw e;
    // A popup that closes itself on success takes the button with it.
    if (!popupClosed?.()) return { outcome: 'error', durationMs: 0, error: (e as Error).message, ...extra };
  }

  const deadline = started + login.timeoutMs;
  let unreadable: string | undefined;
  while (performance.now() < deadline) {
    // While the answer is on its way the driver holds a look at the page until it arrives: each look
    // ends at the deadline, so a slow answer is "no response", never a login that waited forever.
    if (await byDeadline(session.isVisible(login.success), deadline, false)) {
      return { outcome: 'logged-in', durationMs: Math.round(performance.now() - started), ...extra };
    }
    // The message is read where the form is (while it is still open), else on the main page.
    const where: PageScope = popupClosed?.() ? session : form;
    const read = await byDeadline(visibleRejection(where, login.error, started), deadline, { rejected: null });
    const rejected = read.rejected;
    if (rejected) return { ...rejected, echoesPin: (rejected.message ?? '').includes(patron.pin), ...extra };
    unreadable = read.unreadable;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  // A slow read of the form's document can take the last poll past the deadline: look once more.
  if (await byDeadline(session.isVisible(login.success), performance.now() + POLL_MS, false)) {
    return { outcome: 'logged-in', durationMs: Math.round(performance.now() - started), ...extra };
  }
  return { ...undecided(started, unreadable), ...extra };
}

/**
 * The strategy object of a form login (card-pin-form, and the redirect strategies around it): the
 * form's own fields are masked unless it sits in a frame or popup the mask cannot reach.
 */
export function formStrategy(
  login: BrowserFormLogin,
  perform: (ctx: ActionContext, patron: PatronSecrets, hooks?: LoginHooks) => Promise<LoginOutcome>,
): LoginStrategy {
  return {
    browser: true,
    roles: PATRON_ROLES,
    patron: (declared) => declared,
    secretFields: login.frame || login.popup ? [] : [login.card, login.pin],
    form: login,
    perform: (ctx, patron, extras) => perform(ctx, patron, extras?.hooks),
  };
}

/**
 * Empties every visible text and password field of a document, so that a screenshot never shows a typed card number.
 */
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
