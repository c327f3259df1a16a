/** Dispatches a service's declared login strategy. */
import type { Login } from '../../core/config.ts';
import type { ActionContext } from '../../gather/actions.ts';
import type { PatronSecrets } from '../../config/secrets.ts';
import { cardPinFormLogin, type LoginOutcome } from './card-pin-form.ts';

export type { LoginOutcome };

export function performLogin(ctx: ActionContext, login: Login, patron: PatronSecrets): Promise<LoginOutcome> {
  switch (login.strategy) {
    case 'card-pin-form':
      return cardPinFormLogin(ctx, login, patron);
  }
}

/** Fields to mask in screenshots so that typed card numbers never reach an image. */
export function secretFields(login: Login) {
  switch (login.strategy) {
    case 'card-pin-form':
      return [login.card, login.pin];
  }
}
