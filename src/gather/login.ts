/**
 * The login gatherer: pre-flight against the library system, then every test patron through the
 * service's declared strategy, then (for the valid patron) a reload and a logout. Vendor problems
 * become evidence; only harness failures throw. Card numbers and PINs never reach a file: fields are
 * emptied and masked before screenshots, and everything is redacted.
 */
import { RETRIED_OUTCOMES, type BudgetUsed, type Evidence, type LoginAttempt } from '../core/evidence.ts';
import type { LoginEvidence, WithheldAttempt } from '../core/evidence.ts';
import { HarnessError } from '../core/errors.ts';
import type { PatronRole } from '../core/ids.ts';
import type { PatronSecrets } from '../config/secrets.ts';
import { preflight } from '../auth/preflight.ts';
import { loginStrategy, type LoginStrategy } from '../auth/strategies/index.ts';
import { blankFieldsProbe, formScope } from '../auth/strategies/form.ts';
import { NavigationError, type BrowserSession, type PageScope } from '../session/types.ts';
import { absoluteUrl, type ActionContext } from '../journey/actions.ts';
import { actionsOf } from '../journey/walk.ts';
import { loginFormProbe, probeThirdPartyCookies } from './login-probes.ts';
import { clearFailedLogins, envelope, journeyContext, spendFailedLogin, withSession } from './kit.ts';
import type { GatherKit } from './kit.ts';

type PreflightResult = NonNullable<LoginEvidence['preflight']>;

async function runPreflight(kit: GatherKit): Promise<PreflightResult | undefined> {
  kit.progress?.('pre-flight: test patrons with the library system');
  try {
    const pre = await preflight(kit.target.service, kit.patron, process.env, (role, secrets) =>
      spendFailedLogin(kit, role, secrets),
    );
    const valid = kit.patron('valid');
    if (valid && pre?.patrons.some((p) => p.role === 'valid' && p.standing === 'valid'))
      await clearFailedLogins(kit, valid);
    return pre;
  } catch (e) {
    // The harness's own failure (its failed-login ledger) is no fact about the library system.
    if (e instanceof HarnessError) throw e;
    return {
      protocol: kit.target.service.library && 'sip2' in kit.target.service.library ? 'sip2' : 'koha-rest',
      status: 'unreachable',
      reason: kit.redactor.text(`Pre-flight failed: ${(e as Error).message}`),
      patrons: [],
      durationMs: 0,
    };
  }
}

/**
 * One patron's login, and a second try of it when the harness saw no answer (core RETRIED_OUTCOMES):
 * both tries are kept, the second marked `retry`. `attempt(second)` makes one try. A try whose PIN is
 * known to be wrong is made only when the card's failed-login budget allows it (src/gather/kit.ts
 * spendFailedLogin), and a try not made is recorded in `withheld` — or at once when the pre-flight
 * could not ask the library system about the patron for the same reason. After the valid patron
 * logged in, the card's count is cleared where the library clears it (kit clearFailedLogins).
 */
async function tries(
  kit: GatherKit,
  role: PatronRole,
  patron: PatronSecrets,
  pre: PreflightResult | undefined,
  withheld: WithheldAttempt[],
  attempt: (second: boolean) => Promise<LoginAttempt>,
): Promise<LoginAttempt[]> {
  const spend = async (retry: boolean): Promise<BudgetUsed | undefined> => {
    const refusedAtPreflight = retry ? undefined : pre?.patrons.find((p) => p.role === role)?.withheld;
    const used = refusedAtPreflight ?? (await spendFailedLogin(kit, role, patron));
    if (used) withheld.push({ role, ...(retry ? { retry: true as const } : {}), budget: used });
    return used;
  };
  if (await spend(false)) return [];
  const first = await attempt(false);
  const made =
    !RETRIED_OUTCOMES.has(first.outcome) || (await spend(true))
      ? [first]
      : [first, { ...(await attempt(true)), retry: true as const }];
  // The right PIN accepted: where the library then forgets the card's failed logins, so does the ledger.
  if (role === 'valid' && made.at(-1)?.outcome === 'logged-in') await clearFailedLogins(kit, patron);
  return made;
}

/** API strategies (password grant): no browser, every role against the token endpoint. */
async function gatherApiLogin(
  kit: GatherKit,
  strategy: LoginStrategy,
  attempt: number,
  pre: PreflightResult | undefined,
): Promise<Evidence> {
  const started = new Date();
  const { baseUrl } = kit.target.service;
  // An API strategy uses no session: its action context carries only the base URL and timeouts.
  const ctx = { baseUrl } as ActionContext;
  const attempts: LoginAttempt[] = [];
  const withheld: WithheldAttempt[] = [];
  for (const role of strategy.roles) {
    const patron = strategy.patron(kit.patron(role));
    if (!patron) continue;
    kit.progress?.(`login as ${role} (API)`);
    const url = absoluteUrl(baseUrl, strategy.endpoint ?? '/');
    const made = await tries(kit, role, patron, pre, withheld, async () => ({
      role,
      ...(await strategy.perform(ctx, patron)),
      url,
    }));
    attempts.push(...made);
  }
  return envelope(
    { target: kit.target, suite: 'login', startedAt: started, browserVersion: 'n/a (API)', attempt },
    { status: 'complete', steps: [] },
    {
      login: kit.redactor.deep({
        strategy: kit.target.service.login.strategy,
        attempts,
        ...(withheld.length > 0 ? { withheld } : {}),
        ...(pre ? { preflight: pre } : {}),
      }),
    },
  );
}

async function shoot(
  kit: GatherKit,
  session: BrowserSession,
  strategy: LoginStrategy,
  name: string,
  scope?: PageScope,
): Promise<string | undefined> {
  // Typed card numbers must never reach an image: empty the fields, then mask them too.
  await scope?.evaluate(blankFieldsProbe, null).catch(() => undefined);
  await session.evaluate(blankFieldsProbe, null).catch(() => undefined);
  const shot = kit.artifacts.file(name);
  return session.screenshot(shot.absolute, { mask: [...strategy.secretFields], secrets: kit.redactor.secrets }).then(
    () => shot.relative,
    () => undefined,
  );
}

/** After the valid patron logged in: does a reload keep the session, and does logout end it? */
async function sessionChecks(
  kit: GatherKit,
  session: BrowserSession,
  strategy: LoginStrategy,
  ctx: ActionContext,
): Promise<LoginEvidence['session']> {
  const login = strategy.form;
  if (!login) return undefined;
  const here = await session.url();
  await session.goto(here, ctx.navigationTimeoutMs);
  const survivesReload = await session.waitForVisible(login.success, ctx.actionTimeoutMs);
  if (!login.logout)
    return { survivesReload, logout: 'not-tested', detail: 'No logout control is declared (login.logout).' };
  try {
    if (!survivesReload) await session.goto(here, ctx.navigationTimeoutMs);
    await session.click(login.logout, ctx.actionTimeoutMs);
    const target = login.protectedPath ? absoluteUrl(kit.target.service.baseUrl, login.protectedPath) : here;
    await session.goto(target, ctx.navigationTimeoutMs);
    const still = await session.waitForVisible(login.success, 1_500);
    const screenshot = await shoot(kit, session, strategy, 'login-after-logout.png');
    return {
      survivesReload,
      logout: still ? 'still-logged-in' : 'ended',
      detail: kit.redactor.text(
        still
          ? `After logging out, ${target} still showed the logged-in state.`
          : `After logging out, ${target} no longer showed the logged-in state.`,
      ),
      ...(screenshot ? { screenshot } : {}),
    };
  } catch (e) {
    if (e instanceof NavigationError) throw e;
    return { survivesReload, logout: 'error', detail: kit.redactor.text((e as Error).message) };
  }
}

export async function gatherLogin(kit: GatherKit, attempt = 1): Promise<Evidence> {
  const started = new Date();
  const strategy = loginStrategy(kit.target.service.login);
  const pre = await runPreflight(kit);
  if (!strategy.browser) return gatherApiLogin(kit, strategy, attempt, pre);
  return withSession(kit, async (session) => {
    const actions = actionsOf(journeyContext(kit, session));
    const head = {
      target: kit.target,
      suite: 'login' as const,
      startedAt: started,
      browserVersion: session.browserVersion,
      attempt,
    };
    const form = strategy.form;
    const attempts: LoginAttempt[] = [];
    const withheld: WithheldAttempt[] = [];
    const evidence: Omit<LoginEvidence, 'attempts'> = {
      strategy: kit.target.service.login.strategy,
      ...(pre ? { preflight: pre } : {}),
    };
    /** One try of a patron's login in a fresh state: the outcome, where it ended, and the screen. */
    const tryOnce = async (role: PatronRole, patron: PatronSecrets, second: boolean): Promise<LoginAttempt> => {
      if (second) kit.progress?.(`login as ${role}: once more (no answer the first time)`);
      await session.resetState();
      const outcome = await strategy.perform(actions, patron, {
        hooks: {
          onForm: async (page) => {
            if (role === 'valid' && form) {
              evidence.form = await page.evaluate(loginFormProbe, null).catch(() => undefined);
              if (form.frame) {
                const top = await session.url().then(
                  (u) => new URL(u).hostname,
                  () => '',
                );
                const inner = await page.url().then(
                  (u) => new URL(u).hostname,
                  () => '',
                );
                evidence.crossSiteFrame = top !== '' && inner !== '' && top !== inner;
              }
            }
            // The form looks the same for every patron: one screenshot of it (before typing) is enough.
            if (role !== 'valid') return undefined;
            const formScreenshot = await shoot(kit, session, strategy, 'login-form.png');
            return formScreenshot ? { formScreenshot } : undefined;
          },
        },
      });
      const scope = form ? formScope(actions, form) : undefined;
      const shot = `login-${role}${second ? '-again' : ''}.png`;
      // A page still waiting for the answer to its form cannot be photographed: the driver holds every
      // look at it until the answer arrives, which may be never. It showed the form as it was sent.
      const waiting = outcome.outcome === 'no-response';
      const screenshot = waiting ? undefined : await shoot(kit, session, strategy, shot, scope);
      return { role, ...outcome, url: await session.url(), ...(screenshot ? { screenshot } : {}) };
    };
    try {
      if (form?.frame) {
        kit.progress?.('third-party cookies');
        evidence.thirdPartyCookies = await probeThirdPartyCookies(session);
      }
      for (const role of strategy.roles) {
        const patron = strategy.patron(kit.patron(role));
        if (!patron) continue;
        kit.progress?.(`login as ${role}`);
        const made = await tries(kit, role, patron, pre, withheld, (second) => tryOnce(role, patron, second));
        attempts.push(...made);
        const outcome = made.at(-1);
        if (role === 'valid' && outcome?.outcome === 'logged-in') {
          kit.progress?.('reload and logout');
          evidence.session = await sessionChecks(kit, session, strategy, actions);
        }
        if (role === 'valid' && strategy.afterValid) Object.assign(evidence, await strategy.afterValid(actions));
      }
    } catch (e) {
      if (e instanceof NavigationError && (e.unreachable || e.timedOut)) {
        return envelope(head, {
          status: e.unreachable ? 'unreachable' : 'timeout',
          reason: kit.redactor.text(e.message),
          steps: [],
        });
      }
      throw e;
    }
    return envelope(
      head,
      { status: 'complete', steps: [] },
      {
        login: kit.redactor.deep({ ...evidence, attempts, ...(withheld.length > 0 ? { withheld } : {}) }),
      },
    );
  });
}
