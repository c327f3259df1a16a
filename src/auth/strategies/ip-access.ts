/**
 * Login strategy: IP range or referring-URL access. There is no form: the patron follows the
 * library's route (e.g. a link on the library's web page, from the library's network) and the
 * resource must let them in. The outcome is `logged-in` when the success element appears, `rejected`
 * when the declared denial (or any alert) shows instead.
 */
import type { Login } from '../../core/config.ts';
import { absoluteUrl, runAction, type ActionContext } from '../../gather/actions.ts';
import { ActionError, NavigationError } from '../../session/types.ts';
import { visibleRejection, type LoginOutcome } from './form.ts';

type IpLogin = Extract<Login, { strategy: 'ip-access' }>;

async function decide(ctx: ActionContext, login: IpLogin, started: number): Promise<LoginOutcome> {
  const { session } = ctx;
  const deadline = started + login.timeoutMs;
  while (performance.now() < deadline) {
    if (await session.isVisible(login.success).catch(() => false)) return { outcome: 'logged-in', durationMs: Math.round(performance.now() - started) };
    const rejected = await visibleRejection(session, login.denied, started);
    if (rejected) return rejected;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { outcome: 'no-response', durationMs: Math.round(performance.now() - started) };
}

export async function ipAccessLogin(ctx: ActionContext, login: IpLogin): Promise<LoginOutcome> {
  const started = performance.now();
  try {
    for (const action of login.start) await runAction(ctx, action);
  } catch (e) {
    if (e instanceof NavigationError) throw e;
    return { outcome: 'error', durationMs: 0, error: e instanceof ActionError ? e.message : (e as Error).message };
  }
  return decide(ctx, login, started);
}

/** Loads the resource directly (no library route): is access granted anyway? */
export async function ipDirectAccess(ctx: ActionContext, login: IpLogin): Promise<'granted' | 'refused' | undefined> {
  if (!login.direct) return undefined;
  await ctx.session.goto(absoluteUrl(ctx.baseUrl, login.direct), ctx.navigationTimeoutMs);
  const o = await decide(ctx, login, performance.now());
  return o.outcome === 'logged-in' ? 'granted' : 'refused';
}
