/**
 * Login strategies that send the patron to another site's card + PIN form and back: SAML 2.0
 * (SP-initiated Web SSO to the library's identity provider), OpenID Connect (authorization code
 * with PKCE to a provider such as a municipal Tunnistamo) and a proxy (EZproxy-style) login in front
 * of the resource. The browser does the protocol; the harness checks that the form really was on
 * another origin than the vendor's (else the declared route is not the one in use) and that the
 * patron came back logged in.
 */
import type { Login } from '../../core/config.ts';
import type { ActionContext } from '../../journey/actions.ts';
import type { PatronSecrets } from '../../config/secrets.ts';
import { formLogin, formStrategy } from './form.ts';
import type { LoginHooks, LoginOutcome, LoginStrategy } from './types.ts';

type RedirectLogin = Extract<Login, { strategy: 'saml' | 'oidc' | 'proxy' }>;

const WHO: Record<RedirectLogin['strategy'], string> = {
  saml: 'the SAML identity provider',
  oidc: 'the OpenID Connect provider',
  proxy: 'the proxy',
};

async function redirectLogin(
  ctx: ActionContext,
  login: RedirectLogin,
  patron: PatronSecrets,
  hooks?: LoginHooks,
): Promise<LoginOutcome> {
  const outcome = await formLogin(ctx, login, patron, hooks);
  const vendor = new URL(ctx.baseUrl).origin;
  if (outcome.formOrigin !== undefined && outcome.formOrigin === vendor && login.strategy !== 'proxy') {
    return {
      ...outcome,
      outcome: 'error',
      error:
        `The card + PIN form was on the vendor's own site (${vendor}), not at ${WHO[login.strategy]}: the declared ` +
        `${login.strategy} route was not used.`,
    };
  }
  return outcome;
}

export function redirect(login: RedirectLogin): LoginStrategy {
  return formStrategy(login, (ctx, patron, hooks) => redirectLogin(ctx, login, patron, hooks));
}
