/**
 * HTTP authentication for what the harness fetches itself, outside a browser (the content suite's
 * publications and feeds), when a service sits behind HTTP Basic or Digest (service YAML `httpAuth`).
 * The browsers negotiate it on their own (Playwright's httpCredentials, Lighthouse's Chrome through the
 * DevTools Fetch domain); Node's fetch does not, and Playwright's request API answers Basic only.
 *
 * The credentials are given only to the service's own origin and only after it challenged: a request
 * that ends at another origin (after redirects) is never answered. Digest follows RFC 7616 (MD5,
 * SHA-256 and SHA-512-256, their -sess variants, qop=auth, userhash) and RFC 2069 when the challenge
 * offers no qop; auth-int (a hash of the body) is not offered by the fetches here, which send none.
 * The RFCs' own examples are the unit tests (test/unit/session/http-auth.test.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { HttpCredentials } from '../core/config.ts';

export interface Challenge {
  /** The scheme in lower case: basic, digest, … */
  scheme: string;
  /** Its auth-params, names in lower case, quoted values unquoted. */
  params: Record<string, string>;
}

/** Splits at commas outside quoted strings. */
function topLevelItems(header: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i] as string;
    if (quoted && c === '\\' && i + 1 < header.length) {
      current += c + (header[++i] as string);
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      items.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  items.push(current.trim());
  return items.filter((x) => x !== '');
}

const PARAM = /^([!#$%&'*+.^_`|~\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|(.*))$/;

/**
 * The challenges of a WWW-Authenticate header (several may share one header, and fetch joins repeated
 * headers with ", "): `Digest realm="a", qop="auth", Basic realm="a"` is two.
 */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  for (const item of topLevelItems(header)) {
    const param = PARAM.exec(item);
    if (param && out.length > 0) {
      const [, name, quoted, bare] = param;
      (out.at(-1) as Challenge).params[(name as string).toLowerCase()] =
        quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? '').trim();
      continue;
    }
    // A new challenge: its scheme, then perhaps its first parameter (or a token68, kept under "").
    const [scheme = '', ...rest] = item.split(/\s+/);
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    const first = rest.join(' ');
    const p = PARAM.exec(first);
    if (p) {
      const [, name, quoted, bare] = p;
      challenge.params[(name as string).toLowerCase()] =
        quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? '').trim();
    } else if (first !== '') challenge.params[''] = first;
    out.push(challenge);
  }
  return out;
}

/** The Digest algorithms implemented, strongest first, with node:crypto's name of each hash. */
const DIGEST_HASHES: ReadonlyArray<readonly [string, string]> = [
  ['sha-512-256', 'sha512-256'],
  ['sha-256', 'sha256'],
  ['md5', 'md5'],
];

/** The Digest algorithm's hash, its strength rank (0 strongest) and whether it is a -sess variant. */
function digestAlgorithm(name: string | undefined): { hash: string; rank: number; sess: boolean } | undefined {
  const n = (name ?? 'MD5').toLowerCase();
  const sess = n.endsWith('-sess');
  const base = sess ? n.slice(0, -'-sess'.length) : n;
  const rank = DIGEST_HASHES.findIndex(([a]) => a === base);
  return rank < 0 ? undefined : { hash: (DIGEST_HASHES[rank] as readonly [string, string])[1], rank, sess };
}

const quote = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;

/**
 * The Authorization value answering a Digest challenge for `method uri` (RFC 7616 §3.4; RFC 2069 when the
 * challenge has no qop). `cnonce` is random unless given (the RFCs' examples fix it).
 */
export function digestAuthorization(
  challenge: Challenge,
  credentials: Pick<HttpCredentials, 'username' | 'password'>,
  request: { method: string; uri: string; nc?: number; cnonce?: string },
): string | undefined {
  const p = challenge.params;
  const algorithm = digestAlgorithm(p['algorithm']);
  const realm = p['realm'];
  const nonce = p['nonce'];
  if (!algorithm || realm === undefined || nonce === undefined) return undefined;
  const qops = (p['qop'] ?? '').split(',').map((q) => q.trim().toLowerCase());
  if (p['qop'] !== undefined && !qops.includes('auth')) return undefined;
  const h = (s: string) => createHash(algorithm.hash).update(s, 'utf8').digest('hex');
  const cnonce = request.cnonce ?? randomBytes(16).toString('hex');
  const nc = (request.nc ?? 1).toString(16).padStart(8, '0');
  let ha1 = h(`${credentials.username}:${realm}:${credentials.password}`);
  if (algorithm.sess) ha1 = h(`${ha1}:${nonce}:${cnonce}`);
  const ha2 = h(`${request.method}:${request.uri}`);
  const withQop = p['qop'] !== undefined;
  const response = withQop ? h(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`) : h(`${ha1}:${nonce}:${ha2}`);
  const userhash = p['userhash']?.toLowerCase() === 'true';
  const fields = [
    `username=${quote(userhash ? h(`${credentials.username}:${realm}`) : credentials.username)}`,
    `realm=${quote(realm)}`,
    `uri=${quote(request.uri)}`,
    ...(p['algorithm'] !== undefined ? [`algorithm=${p['algorithm']}`] : []),
    `nonce=${quote(nonce)}`,
    ...(withQop ? [`nc=${nc}`, `cnonce=${quote(cnonce)}`, 'qop=auth'] : []),
    `response=${quote(response)}`,
    ...(p['opaque'] !== undefined ? [`opaque=${quote(p['opaque'])}`] : []),
    ...(userhash ? ['userhash=true'] : []),
  ];
  return `Digest ${fields.join(', ')}`;
}

/** The Authorization value for the strongest challenge offered that can be answered: Digest first, then Basic. */
export function authorizationFor(
  header: string,
  credentials: Pick<HttpCredentials, 'username' | 'password'>,
  request: { method: string; uri: string },
): string | undefined {
  const challenges = parseChallenges(header);
  // Of several Digest challenges, the strongest hash first (RFC 7616 §3.7: the client picks).
  const rank = (c: Challenge) => digestAlgorithm(c.params['algorithm'])?.rank ?? DIGEST_HASHES.length;
  const digests = challenges.filter((c) => c.scheme === 'digest').sort((a, b) => rank(a) - rank(b));
  for (const c of digests) {
    const answer = digestAuthorization(c, credentials, request);
    if (answer) return answer;
  }
  if (challenges.some((c) => c.scheme === 'basic'))
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
  return undefined;
}

/**
 * `fetch` that answers one HTTP authentication challenge of `credentials.origin`: a 401 from that origin
 * is asked again once, at the URL that answered (after redirects), with the Authorization its challenge
 * asks for. Without credentials, or from another origin, the 401 is the answer.
 */
export async function fetchWithHttpAuth(
  url: string,
  init: RequestInit & { headers?: Record<string, string> },
  credentials: HttpCredentials | undefined,
): Promise<Response> {
  const first = await fetch(url, init);
  if (first.status !== 401 || !credentials) return first;
  const at = new URL(first.url || url);
  const header = first.headers.get('www-authenticate');
  if (at.origin !== credentials.origin || !header) return first;
  const authorization = authorizationFor(header, credentials, {
    method: (init.method ?? 'GET').toUpperCase(),
    uri: `${at.pathname}${at.search}`,
  });
  if (!authorization) return first;
  await first.body?.cancel();
  return fetch(at.toString(), { ...init, headers: { ...init.headers, authorization } });
}
