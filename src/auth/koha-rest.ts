/**
 * Minimal client for the Koha REST API calls a vendor (or the harness pre-flight) uses to check a
 * library card and PIN:
 *
 *   POST /api/v1/auth/password/validation  { identifier, password }
 *        201 { cardnumber, patron_id, userid }   400 { "error": "Validation failed" }
 *   GET  /api/v1/patrons/{patron_id}          expiry_date, expired, restricted, names…
 *
 * The caller authenticates with HTTP basic auth (Koha's RESTBasicAuth preference, and a staff
 * user with the api_validate_password permission). Plain http to anything but loopback is refused
 * unless `allowInsecureHttp` is set: the body carries the patron's PIN.
 * Errors are `KohaRestError` with a stable `code`; no PIN or password appears in them.
 */
import { z } from 'zod';
import { isLoopbackHost } from './sip2/client.ts';

export const KOHA_REST_ERROR_CODES = [
  'insecure-url',
  'invalid-options',
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'not-found',
  'unavailable',
  'http-error',
  'invalid-response',
] as const;
export type KohaRestErrorCode = (typeof KOHA_REST_ERROR_CODES)[number];

export class KohaRestError extends Error {
  readonly code: KohaRestErrorCode;
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;

  constructor(code: KohaRestErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KohaRestError';
    this.code = code;
    this.status = options.status;
  }
}

export interface KohaRestClientOptions {
  /** Koha base URL, e.g. https://koha.example.fi (the client appends /api/v1/…). */
  baseUrl: string;
  /** Basic-auth user of the caller (a staff account with api_validate_password). */
  username: string;
  password: string;
  /** Default 5000 ms per request. */
  timeoutMs?: number;
  /** Allow http:// to a non-loopback host. */
  allowInsecureHttp?: boolean;
  /** Injected fetch (tests). */
  fetch?: typeof fetch;
}

export const PasswordValidationSuccessSchema = z.object({
  cardnumber: z.string().nullable(),
  patron_id: z.number().int(),
  userid: z.string().nullable(),
});
export type PasswordValidationSuccess = z.infer<typeof PasswordValidationSuccessSchema>;

export const KohaErrorBodySchema = z.object({ error: z.string() });

/** The fields of Koha's patron object this client reads; other fields are kept as they come. */
export const KohaPatronSchema = z
  .object({
    patron_id: z.number().int(),
    cardnumber: z.string().nullable(),
    userid: z.string().nullable().optional(),
    surname: z.string().nullable(),
    firstname: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    library_id: z.string().optional(),
    category_id: z.string().optional(),
    expiry_date: z.string().nullable().optional(),
    expired: z.boolean().optional(),
    restricted: z.boolean().optional(),
  })
  .loose();
export type KohaPatron = z.infer<typeof KohaPatronSchema>;

export type PasswordValidationResult =
  { valid: true; cardnumber: string | null; patronId: number; userid: string | null } | { valid: false; error: string };

export class KohaRestClient {
  private readonly base: URL;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: KohaRestClientOptions) {
    let base: URL;
    try {
      base = new URL(options.baseUrl);
    } catch {
      throw new KohaRestError('invalid-options', `baseUrl is not a URL: ${options.baseUrl}`);
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:') {
      throw new KohaRestError('invalid-options', 'baseUrl must be http(s)');
    }
    if (base.protocol === 'http:' && !options.allowInsecureHttp && !isLoopbackHost(base.hostname)) {
      throw new KohaRestError(
        'insecure-url',
        `refusing plain http to ${base.host}: PINs would cross the network unencrypted; use https or set ` +
          `allowInsecureHttp`,
      );
    }
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.base = base;
    this.authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** POST /api/v1/auth/password/validation. A wrong PIN or unknown card is `{ valid: false }`, not an error. */
  async validatePassword(identifier: string, password: string): Promise<PasswordValidationResult> {
    const res = await this.call('POST', 'api/v1/auth/password/validation', { identifier, password });
    if (res.status === 201) {
      const parsed = PasswordValidationSuccessSchema.safeParse(res.body);
      if (!parsed.success) throw invalid(res.status, 'password validation', parsed.error);
      return {
        valid: true,
        cardnumber: parsed.data.cardnumber,
        patronId: parsed.data.patron_id,
        userid: parsed.data.userid,
      };
    }
    if (res.status === 400) {
      const parsed = KohaErrorBodySchema.safeParse(res.body);
      return { valid: false, error: parsed.success ? parsed.data.error : 'Validation failed' };
    }
    throw statusError(res.status, res.body, 'password validation');
  }

  /** GET /api/v1/patrons/{id}. */
  async getPatron(patronId: number): Promise<KohaPatron> {
    if (!Number.isInteger(patronId) || patronId <= 0)
      throw new KohaRestError('invalid-options', 'patron id must be a positive integer');
    const res = await this.call('GET', `api/v1/patrons/${patronId}`);
    if (res.status === 200) {
      const parsed = KohaPatronSchema.safeParse(res.body);
      if (!parsed.success) throw invalid(res.status, 'patron', parsed.error);
      return parsed.data;
    }
    throw statusError(res.status, res.body, `patron ${patronId}`);
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const url = new URL(path, this.base);
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: {
          authorization: this.authorization,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal,
      });
    } catch (error) {
      if (signal.aborted)
        throw new KohaRestError('timeout', `no answer from ${url.origin} within ${this.timeoutMs} ms`, {
          cause: error,
        });
      throw new KohaRestError('network', `cannot reach ${url.origin}: ${(error as Error).message}`, { cause: error });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (signal.aborted)
        throw new KohaRestError('timeout', `response from ${url.origin} took over ${this.timeoutMs} ms`, {
          cause: error,
        });
      throw new KohaRestError('network', `reading the response from ${url.origin} failed`, { cause: error });
    }
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    return { status: response.status, body: parsed };
  }
}

function invalid(status: number, what: string, cause: unknown): KohaRestError {
  return new KohaRestError('invalid-response', `unexpected ${what} response body (HTTP ${status})`, { status, cause });
}

function statusError(status: number, body: unknown, what: string): KohaRestError {
  const parsed = KohaErrorBodySchema.safeParse(body);
  const detail = parsed.success ? `: ${parsed.data.error}` : '';
  const code: KohaRestErrorCode =
    status === 401
      ? 'unauthorized'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not-found'
          : status === 503 || status === 502 || status === 504
            ? 'unavailable'
            : 'http-error';
  return new KohaRestError(code, `${what}: HTTP ${status}${detail}`, { status });
}
