/**
 * Login strategy: card number + PIN on the vendor's own form — on its page, inside an iframe
 * (`frame:`), or in a popup window (`popup: true`), after an optional "choose your library" step in
 * `start`. The vendor's server verifies them with the library system; the harness sees only the page.
 */
import type { Login } from '../../core/config.ts';
import type { ActionContext } from '../../gather/actions.ts';
import type { PatronSecrets } from '../../config/secrets.ts';
import { formLogin, type LoginHooks, type LoginOutcome } from './form.ts';

export type { LoginOutcome };

export function cardPinFormLogin(
  ctx: ActionContext,
  login: Extract<Login, { strategy: 'card-pin-form' }>,
  patron: PatronSecrets,
  hooks?: LoginHooks,
): Promise<LoginOutcome> {
  return formLogin(ctx, login, patron, hooks);
}
