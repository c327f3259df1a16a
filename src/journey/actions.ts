/**
 * Carries out one declarative journey action through a BrowserSession. A `login` action is handed to
 * the caller's login handler, so the action runner stays independent of login strategies.
 */
import type { Action } from '../core/config.ts';
import type { PatronRole } from '../core/ids.ts';
import { ActionError, describeLocator, type BrowserSession } from '../session/types.ts';

export interface ActionContext {
  session: BrowserSession;
  baseUrl: string;
  actionTimeoutMs: number;
  navigationTimeoutMs: number;
  /** Told of each navigation repeated after a 5xx answer (recorded in the step's evidence). */
  onRetry?: (retry: { url: string; status: number }) => void;
  /** Performs a login with the patron of this role; throws ActionError when the login does not succeed. */
  login?: (role: PatronRole) => Promise<void>;
}

/** How often a `goto` that got a 5xx answer is repeated before the step fails. */
export const GOTO_RETRIES = 2;

export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
}

export async function runAction(ctx: ActionContext, action: Action): Promise<void> {
  const { session } = ctx;
  if ('goto' in action) {
    const url = absoluteUrl(ctx.baseUrl, action.goto);
    let { status } = await session.goto(url, ctx.navigationTimeoutMs);
    // An intermittent server error is retried (twice, briefly) and recorded; a persistent one is the vendor's failure.
    for (let retry = 1; status !== null && status >= 500 && retry <= GOTO_RETRIES; retry++) {
      ctx.onRetry?.({ url, status });
      await new Promise((r) => setTimeout(r, 250 * retry));
      ({ status } = await session.goto(url, ctx.navigationTimeoutMs));
    }
    if (status !== null && status >= 400) throw new ActionError(`${action.goto} answered HTTP ${status}`);
  } else if ('click' in action) {
    await session.click(action.click, ctx.actionTimeoutMs);
  } else if ('fill' in action) {
    await session.fill(action.fill.target, action.fill.value, ctx.actionTimeoutMs);
  } else if ('select' in action) {
    await session.select(action.select.target, action.select.option, ctx.actionTimeoutMs);
  } else if ('press' in action) {
    await session.press(action.press);
  } else if ('expect' in action) {
    if (!(await session.waitForVisible(action.expect, ctx.actionTimeoutMs))) {
      throw new ActionError(`Expected ${describeLocator(action.expect)} to be visible, but it was not`);
    }
  } else if ('login' in action) {
    if (!ctx.login) throw new ActionError('This journey logs in, but no login handler was given');
    await ctx.login(action.login);
  } else {
    const never: never = action;
    throw new ActionError(`Unknown action ${JSON.stringify(never)}`);
  }
}
