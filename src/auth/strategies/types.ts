/**
 * The contract every login strategy fulfils. A strategy is one object, bound to the service's
 * declared `login:` block, that carries everything strategy-specific the gatherers need: whether it
 * drives a browser, which test patrons the login suite tries, the fields to mask in screenshots, the
 * card + PIN form it types into (if any), and its steps. The gatherers (src/gather) never branch on
 * `login.strategy`; adding a strategy is a file in this folder and a line in ./index.ts (plus its
 * `login:` schema in src/core/config.ts).
 */
import type { BrowserFormLogin, Locator } from '../../core/config.ts';
import type { LoginAttempt, LoginEvidence } from '../../core/evidence.ts';
import type { PatronRole } from '../../core/ids.ts';
import type { PatronSecrets } from '../../config/secrets.ts';
import type { ActionContext } from '../../journey/actions.ts';
import type { PageScope } from '../../session/types.ts';

export type LoginOutcome = Omit<LoginAttempt, 'role' | 'url' | 'screenshot'>;

/** Called with the form's document once it is on screen, before card and PIN are typed. */
export interface LoginHooks {
  onForm?: (form: PageScope) => Promise<{ formScreenshot?: string } | void>;
}

export interface LoginExtras {
  hooks?: LoginHooks;
  /** Receives tokens an API strategy obtained, for redaction. */
  onToken?: (token: string) => void;
}

export interface LoginStrategy {
  /** Drives a browser; false: the strategy calls an API and the login suite opens no browser. */
  readonly browser: boolean;
  /** The test patrons the login suite tries, in this order. */
  readonly roles: readonly PatronRole[];
  /** Whom a role logs in as, given the patron the service declares for it (undefined: the role is skipped). */
  patron(declared: PatronSecrets | undefined): PatronSecrets | undefined;
  /** Fields to mask in screenshots so that typed card numbers never reach an image. */
  readonly secretFields: readonly Locator[];
  /** The card + PIN form the patron types into, for strategies that have one (form probes, reload and logout). */
  readonly form?: BrowserFormLogin;
  /** Path (relative to the service's baseUrl) an API strategy sends card and PIN to: the attempt's recorded URL. */
  readonly endpoint?: string;
  /** Logs the patron in and says what happened; throws NavigationError when the service cannot be reached. */
  perform(ctx: ActionContext, patron: PatronSecrets, extras?: LoginExtras): Promise<LoginOutcome>;
  /** Its own evidence after the valid patron's attempt (ip-access: is the resource open without the route?). */
  afterValid?(ctx: ActionContext): Promise<Pick<LoginEvidence, 'directAccess'>>;
}
