/**
 * The login gatherer: pre-flight against the library system, then every test patron through the
 * service's declared strategy, then (for the valid patron) a reload and a logout. Vendor problems
 * become evidence; only harness failures throw. Card numbers and PINs never reach a file: fields are
 * emptied and masked before screenshots, and everything is redacted.
 */
import type { Evidence, LoginAttempt, LoginEvidence } from '../core/evidence.ts';
import { PATRON_ROLES } from '../core/ids.ts';
import { isBrowserFormLogin, type Login } from '../core/config.ts';
import { preflight } from '../auth/preflight.ts';
import { performLogin, secretFields, usesBrowser } from '../auth/strategies/index.ts';
import { blankFieldsProbe, formScope } from '../auth/strategies/form.ts';
import { ipDirectAccess } from '../auth/strategies/ip-access.ts';
import { NavigationError, type BrowserSession, type PageScope } from '../session/types.ts';
import { absoluteUrl, type ActionContext } from './actions.ts';
import { actionContext } from './journey.ts';
import { loginFormProbe, probeThirdPartyCookies } from './login-probes.ts';
import { envelope, gatherContext, withSession, type GatherKit } from './suites.ts';

type PreflightResult = NonNullable<LoginEvidence['preflight']>;

async function runPreflight(kit: GatherKit): Promise<PreflightResult | undefined> {
  kit.progress?.('pre-flight: test patrons with the library system');
  try {
    return await preflight(kit.target.service, kit.patron);
  } catch (e) {
    return { protocol: kit.target.service.library && 'sip2' in kit.target.service.library ? 'sip2' : 'koha-rest', status: 'unreachable', reason: kit.redactor.text(`Pre-flight failed: ${(e as Error).message}`), patrons: [], durationMs: 0 };
  }
}

/** API strategies (password grant): no browser, every role against the token endpoint. */
async function gatherApiLogin(kit: GatherKit, attempt: number, pre: PreflightResult | undefined): Promise<Evidence> {
  const started = new Date();
  const login = kit.target.service.login;
  const ctx = { baseUrl: kit.target.service.baseUrl } as ActionContext;
  const attempts: LoginAttempt[] = [];
  for (const role of PATRON_ROLES) {
    const patron = kit.patron(role);
    if (!patron) continue;
    kit.progress?.(`login as ${role} (API)`);
    const outcome = await performLogin(ctx, login, patron);
    attempts.push({ role, ...outcome, url: absoluteUrl(kit.target.service.baseUrl, 'tokenUrl' in login ? login.tokenUrl : '/') });
  }
  return envelope(kit, 'login', started, 'n/a (API)', { status: 'complete', steps: [] }, {
    login: kit.redactor.deep({ strategy: login.strategy, attempts, ...(pre ? { preflight: pre } : {}) }),
  }, attempt);
}

async function shoot(kit: GatherKit, session: BrowserSession, login: Login, name: string, scope?: PageScope): Promise<string | undefined> {
  // Typed card numbers must never reach an image: empty the fields, then mask them too.
  await scope?.evaluate(blankFieldsProbe, null).catch(() => undefined);
  await session.evaluate(blankFieldsProbe, null).catch(() => undefined);
  const shot = kit.artifacts.file(name);
  return session.screenshot(shot.absolute, { mask: secretFields(login), secrets: kit.redactor.secrets }).then(() => shot.relative, () => undefined);
}

/** After the valid patron logged in: does a reload keep the session, and does logout end it? */
async function sessionChecks(kit: GatherKit, session: BrowserSession, ctx: ActionContext): Promise<LoginEvidence['session']> {
  const login = kit.target.service.login;
  if (!isBrowserFormLogin(login)) return undefined;
  const here = await session.url();
  await session.goto(here, ctx.navigationTimeoutMs);
  const survivesReload = await session.waitForVisible(login.success, ctx.actionTimeoutMs);
  if (!login.logout) return { survivesReload, logout: 'not-tested', detail: 'No logout control is declared (login.logout).' };
  try {
    if (!survivesReload) await session.goto(here, ctx.navigationTimeoutMs);
    await session.click(login.logout, ctx.actionTimeoutMs);
    const target = login.protectedPath ? absoluteUrl(kit.target.service.baseUrl, login.protectedPath) : here;
    await session.goto(target, ctx.navigationTimeoutMs);
    const still = await session.waitForVisible(login.success, 1_500);
    const screenshot = await shoot(kit, session, login, 'login-after-logout.png');
    return {
      survivesReload,
      logout: still ? 'still-logged-in' : 'ended',
      detail: kit.redactor.text(still ? `After logging out, ${target} still showed the logged-in state.` : `After logging out, ${target} no longer showed the logged-in state.`),
      ...(screenshot ? { screenshot } : {}),
    };
  } catch (e) {
    if (e instanceof NavigationError) throw e;
    return { survivesReload, logout: 'error', detail: kit.redactor.text((e as Error).message) };
  }
}

export async function gatherLogin(kit: GatherKit, attempt = 1): Promise<Evidence> {
  const started = new Date();
  const login = kit.target.service.login;
  const pre = await runPreflight(kit);
  if (!usesBrowser(login)) return gatherApiLogin(kit, attempt, pre);
  return withSession(kit, async (session) => {
    const ctx = gatherContext(kit, session);
    const actions = actionContext(ctx);
    const attempts: LoginAttempt[] = [];
    const evidence: Omit<LoginEvidence, 'attempts'> = { strategy: login.strategy, ...(pre ? { preflight: pre } : {}) };
    try {
      if (isBrowserFormLogin(login) && login.frame) {
        kit.progress?.('third-party cookies');
        evidence.thirdPartyCookies = await probeThirdPartyCookies(session);
      }
      // IP/referrer access has no card: one route, recorded as the valid patron's.
      const roles = login.strategy === 'ip-access' ? (['valid'] as const) : PATRON_ROLES;
      for (const role of roles) {
        const patron = kit.patron(role) ?? (login.strategy === 'ip-access' ? { card: '', pin: '' } : undefined);
        if (!patron) continue;
        kit.progress?.(`login as ${role}`);
        await session.resetState();
        const outcome = await performLogin(actions, login, patron, {
          hooks: {
            onForm: async (form) => {
              if (role === 'valid' && isBrowserFormLogin(login)) {
                evidence.form = await form.evaluate(loginFormProbe, null).catch(() => undefined);
                if (login.frame) {
                  const top = await session.url().then((u) => new URL(u).hostname, () => '');
                  const inner = await form.url().then((u) => new URL(u).hostname, () => '');
                  evidence.crossSiteFrame = top !== '' && inner !== '' && top !== inner;
                }
              }
              // The form looks the same for every patron: one screenshot of it (before typing) is enough.
              if (role !== 'valid') return undefined;
              const formScreenshot = await shoot(kit, session, login, 'login-form.png');
              return formScreenshot ? { formScreenshot } : undefined;
            },
          },
        });
        const scope = isBrowserFormLogin(login) ? formScope(actions, login) : undefined;
        const screenshot = await shoot(kit, session, login, `login-${role}.png`, scope);
        attempts.push({ role, ...outcome, url: await session.url(), ...(screenshot ? { screenshot } : {}) });
        if (role === 'valid' && outcome.outcome === 'logged-in') {
          kit.progress?.('reload and logout');
          evidence.session = await sessionChecks(kit, session, actions);
        }
        if (role === 'valid' && login.strategy === 'ip-access') {
          await session.resetState();
          const direct = await ipDirectAccess(actions, login);
          if (direct) evidence.directAccess = direct;
        }
      }
    } catch (e) {
      if (e instanceof NavigationError && (e.unreachable || e.timedOut)) {
        return envelope(kit, 'login', started, session.browserVersion, {
          status: e.unreachable ? 'unreachable' : 'timeout',
          reason: kit.redactor.text(e.message),
          steps: [],
        }, undefined, attempt);
      }
      throw e;
    }
    return envelope(kit, 'login', started, session.browserVersion, { status: 'complete', steps: [] }, {
      login: kit.redactor.deep({ ...evidence, attempts }),
    }, attempt);
  });
}
