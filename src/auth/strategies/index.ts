/**
 * A service's declared login strategy, as one object (./types.ts LoginStrategy):
 *   card-pin-form   card-pin-form.ts   vendor's form on the page, in an iframe or a popup
 *   saml/oidc/proxy redirect.ts        another site's card + PIN form, then back
 *   ip-access       ip-access.ts       no form: network address or referring page
 *   password-grant  password-grant.ts  API: OAuth2 password grant (no browser)
 *   none            below              open access: nothing to log in with (the login suite does not apply)
 * The shared card + PIN form flow is form.ts. Adding a strategy: its `login:` schema in
 * src/core/config.ts, a module here returning a LoginStrategy, and its line in STRATEGIES.
 */
import { PATRON_ROLES } from '../../core/ids.ts';
import type { Login } from '../../core/config.ts';
import { cardPinForm } from './card-pin-form.ts';
import { ipAccess } from './ip-access.ts';
import { passwordGrant } from './password-grant.ts';
import { redirect } from './redirect.ts';
import type { LoginStrategy } from './types.ts';

export type { LoginExtras, LoginHooks, LoginOutcome, LoginStrategy } from './types.ts';

/**
 * Open access: the configuration refuses a login step in its journey and the matrix marks its login
 * suite not applicable, so there is nothing to perform.
 */
const openAccess = (): LoginStrategy => ({
  browser: true,
  roles: PATRON_ROLES,
  patron: (declared) => declared,
  secretFields: [],
  perform: () => Promise.reject(new Error('An open-access service (login.strategy: none) has no login to perform.')),
});

type Binders = { [S in Login['strategy']]: (login: Extract<Login, { strategy: S }>) => LoginStrategy };

const STRATEGIES: Binders = {
  'card-pin-form': cardPinForm,
  saml: redirect,
  oidc: redirect,
  proxy: redirect,
  'ip-access': ipAccess,
  'password-grant': passwordGrant,
  none: openAccess,
};

/** The strategy object for a service's `login:` block. */
export function loginStrategy(login: Login): LoginStrategy {
  // STRATEGIES pairs each strategy name with the binder of its own `login:` shape (checked above);
  // TypeScript cannot correlate the two through an index, hence the one widening here.
  const bind = STRATEGIES[login.strategy] as (login: Login) => LoginStrategy;
  return bind(login);
}
