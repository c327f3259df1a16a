/**
 * Dispatches a service's declared login strategy to its module:
 *   card-pin-form   card-pin-form.ts   vendor's form on the page, in an iframe or a popup
 *   saml/oidc/proxy redirect.ts        another site's card + PIN form, then back
 *   ip-access       ip-access.ts       no form: network address or referring page
 *   password-grant  password-grant.ts  API: OAuth2 password grant (no browser)
 *   none            —                  open access: nothing to log in with (the login suite does not apply)
 */
import type { Locator, Login } from '../../core/config.ts';
import type { ActionContext } from '../../gather/actions.ts';
import type { PatronSecrets } from '../../config/secrets.ts';
import { cardPinFormLogin } from './card-pin-form.ts';
import type { LoginHooks, LoginOutcome } from './form.ts';
import { ipAccessLogin } from './ip-access.ts';
import { passwordGrantLogin } from './password-grant.ts';
import { redirectLogin } from './redirect.ts';

export type { LoginHooks, LoginOutcome };

export interface LoginExtras {
  hooks?: LoginHooks;
  /** Receives tokens an API strategy obtained, for redaction. */
  onToken?: (token: string) => void;
}

export function performLogin(ctx: ActionContext, login: Login, patron: PatronSecrets, extras: LoginExtras = {}): Promise<LoginOutcome> {
  switch (login.strategy) {
    case 'card-pin-form':
      return cardPinFormLogin(ctx, login, patron, extras.hooks);
    case 'saml':
    case 'oidc':
    case 'proxy':
      return redirectLogin(ctx, login, patron, extras.hooks);
    case 'ip-access':
      return ipAccessLogin(ctx, login);
    case 'password-grant':
      return passwordGrantLogin({ baseUrl: ctx.baseUrl, ...(extras.onToken ? { onToken: extras.onToken } : {}) }, login, patron);
    case 'none':
      // The configuration refuses a login step in an open-access journey and the matrix marks its login suite not applicable.
      return Promise.reject(new Error('An open-access service (login.strategy: none) has no login to perform.'));
  }
}

/** The strategy drives a browser (all but the API-level password grant). */
export function usesBrowser(login: Login): boolean {
  return login.strategy !== 'password-grant';
}

/** Fields to mask in screenshots so that typed card numbers never reach an image. */
export function secretFields(login: Login): Locator[] {
  switch (login.strategy) {
    case 'card-pin-form':
    case 'saml':
    case 'oidc':
    case 'proxy':
      return login.frame || login.popup ? [] : [login.card, login.pin];
    case 'ip-access':
    case 'password-grant':
    case 'none':
      return [];
  }
}
