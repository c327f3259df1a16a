/**
 * Login strategy: IP range or referring-URL access. There is no form: the patron follows the
 * library's route (e.g. a link on the library's web page, from the library's network) and the
 * resource must let them in. The outcome is `logged-in` when the success element appears, `rejected`
 * when the declared denial (or any alert) shows instead.
 */
import type { Login } from '../../core/config.ts';
import { absoluteUrl, runAction, type ActionContext } from '../../journey/actions.ts';
import { ActionError, NavigationError } from '../../session/types.ts';
import { undecided, visibleRejection } from './form.ts';
import type { LoginOutcome, LoginStrategy } from './types.ts';

type IpLogin = Extract<Login, { strategy: 'ip-access' }>;

async function decide(ctx: ActionContext, login: IpLogin, started: number): Promise<LoginOutcome> {
  const { session } = ctx;
  const deadline = started + login.timeoutMs;
  let unreadable: string | undefined;
  while (performance.now() < deadline) {
    if (await session.isVisible(login.success).catch(() => false))
      return { outcome: 'logged-in', durationMs: Math.round(performance.now() - started) };
    const read = await visibleRejection(session, login.denied, started);
    if (read.rejected) return read.rejected;
    unreadable = read.unreadable;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undecided(started, unreadable);
}

async function ipAccessLogin(ctx: ActionContext, login: IpLogin): Promise<LoginOutcome> {
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
async function ipDirectAccess(ctx: ActionContext, login: IpLogin): Promise<'granted' | 'refused' | undefined> {
  if (!login.direct) return undefined;
  await ctx.session.goto(absoluteUrl(ctx.baseUrl, login.direct), ctx.navigationTimeoutMs);
  const o = await decide(ctx, login, performance.now());
  return o.outcome === 'logged-in' ? 'granted' : 'refused';
}

/** No card: one route, recorded as the valid patron's, with an empty card and PIN when none is declared. */
export function ipAccess(login: IpLogin): LoginStrategy {
  return {
    browser: true,
    roles: ['valid'],
    patron: (declared) => declared ?? { card: '', pin: '' },
    secretFields: [],
    perform: (ctx) => ipAccessLogin(ctx, login),
    afterValid: async (ctx) => {
      await ctx.session.resetState();
      const direct = await ipDirectAccess(ctx, login);
      return direct ? { directAccess: direct } : {};
    },
  };
}
