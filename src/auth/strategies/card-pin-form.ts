/**
 * Login strategy: card number + PIN on the vendor's own form — on its page, inside an iframe
 * (`frame:`), or in a popup window (`popup: true`), after an optional "choose your library" step in
 * `start`. The vendor's server verifies them with the library system; the harness sees only the page.
 */
import type { Login } from '../../core/config.ts';
import { formLogin, formStrategy } from './form.ts';
import type { LoginStrategy } from './types.ts';

export function cardPinForm(login: Extract<Login, { strategy: 'card-pin-form' }>): LoginStrategy {
  return formStrategy(login, (ctx, patron, hooks) => formLogin(ctx, login, patron, hooks));
}
