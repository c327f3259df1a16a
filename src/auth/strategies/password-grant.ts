/**
 * Login strategy: OAuth2 resource-owner password grant (RFC 6749 §4.3), as apps use with vendors'
 * patron-auth APIs (e.g. OverDrive): card + PIN go to the vendor's token endpoint, which checks them
 * with the library system. No browser: the harness calls the endpoint itself. The access token is
 * used once (the declared `resource` must answer 200 with it) and never stored or logged.
 */
import type { Login } from '../../core/config.ts';
import type { PatronSecrets } from '../../config/secrets.ts';
import { PATRON_ROLES } from '../../core/ids.ts';
import { absoluteUrl } from '../../journey/actions.ts';
import { detectLanguage } from '../../journey/language.ts';
import type { LoginOutcome, LoginStrategy } from './types.ts';

type GrantLogin = Extract<Login, { strategy: 'password-grant' }>;

export interface GrantContext {
  baseUrl: string;
  env?: NodeJS.ProcessEnv;
  /** Every token the endpoint hands out, so that the caller can redact it everywhere. */
  onToken?: (token: string) => void;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : undefined;
}

export async function passwordGrantLogin(
  ctx: GrantContext,
  login: GrantLogin,
  patron: PatronSecrets,
): Promise<LoginOutcome> {
  const env = ctx.env ?? process.env;
  const body = new URLSearchParams({
    grant_type: 'password',
    username: patron.card,
    password: patron.pin,
    client_id: login.clientId,
  });
  if (login.scope) body.set('scope', login.scope);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (login.clientSecret) {
    const secret = env[login.clientSecret.env];
    if (!secret)
      return {
        outcome: 'error',
        durationMs: 0,
        error: `The client secret variable ${login.clientSecret.env} is not set`,
      };
    headers['authorization'] =
      `Basic ${Buffer.from(`${encodeURIComponent(login.clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let response: Response;
  try {
    response = await fetch(absoluteUrl(ctx.baseUrl, login.tokenUrl), {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(login.timeoutMs),
      redirect: 'manual',
    });
  } catch (e) {
    return {
      outcome: 'no-response',
      durationMs: elapsed(),
      error: `The token endpoint did not answer: ${(e as Error).name}`,
    };
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const token = text(json['access_token']);
  if (response.ok && token) {
    ctx.onToken?.(token);
    if (login.resource) {
      const r = await fetch(absoluteUrl(ctx.baseUrl, login.resource), {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(login.timeoutMs),
      }).catch(() => undefined);
      await r?.body?.cancel().catch(() => undefined);
      if (!r || r.status !== 200) {
        return {
          outcome: 'error',
          durationMs: elapsed(),
          error: `A token was issued, but ${login.resource} answered ${r ? `HTTP ${r.status}` : 'nothing'} with it`,
        };
      }
    }
    return { outcome: 'logged-in', durationMs: elapsed() };
  }
  if (response.status >= 400 && response.status < 500) {
    const message = text(json['error_description']) ?? text(json['error']);
    return {
      outcome: 'rejected',
      durationMs: elapsed(),
      ...(message
        ? { message, messageLanguage: detectLanguage(message), echoesPin: message.includes(patron.pin) }
        : {}),
      ...(text(json['error']) ? { error: `OAuth2 error ${text(json['error'])} (HTTP ${response.status})` } : {}),
    };
  }
  const code = text(json['error']);
  return {
    outcome: 'error',
    durationMs: elapsed(),
    error: `The token endpoint answered HTTP ${response.status}${code ? ` (${code})` : ''}`,
  };
}

/** No browser: every role against the token endpoint. */
export function passwordGrant(login: GrantLogin): LoginStrategy {
  return {
    browser: false,
    roles: PATRON_ROLES,
    patron: (declared) => declared,
    secretFields: [],
    endpoint: login.tokenUrl,
    perform: (ctx, patron, extras) =>
      passwordGrantLogin(
        { baseUrl: ctx.baseUrl, ...(extras?.onToken ? { onToken: extras.onToken } : {}) },
        login,
        patron,
      ),
  };
}
