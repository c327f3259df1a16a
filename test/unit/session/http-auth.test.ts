/**
 * The harness's own HTTP authentication (src/session/http-auth.ts), held against the RFCs' worked
 * examples: RFC 2617 §3.5 (Digest MD5, qop=auth) and RFC 7616 §3.9.1 (MD5 and SHA-256), computed by
 * their authors, not by this code.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationFor, digestAuthorization, fetchWithHttpAuth, parseChallenges } from '../../../src/session/http-auth.ts';

const responseOf = (authorization: string | undefined) => /response="([0-9a-f]+)"/.exec(authorization ?? '')?.[1];

describe('Digest (RFC 2617, RFC 7616)', () => {
  it("answers RFC 2617's example", () => {
    const [challenge] = parseChallenges(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", ' +
        'opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    const a = digestAuthorization(challenge!, { username: 'Mufasa', password: 'Circle Of Life' }, {
      method: 'GET', uri: '/dir/index.html', cnonce: '0a4f113b',
    });
    expect(responseOf(a)).toBe('6629fae49393a05397450978507c4ef1');
    expect(a).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    expect(a).toContain('nc=00000001');
  });

  it("answers RFC 7616's example with SHA-256, preferred to MD5 when both are offered", () => {
    const header =
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, ' +
      'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", ' +
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, ' +
      'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';
    const challenges = parseChallenges(header);
    expect(challenges.map((c) => c.params['algorithm'])).toEqual(['SHA-256', 'MD5']);
    const who = { username: 'Mufasa', password: 'Circle of Life' };
    const request = { method: 'GET', uri: '/dir/index.html', cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ' };
    expect(responseOf(digestAuthorization(challenges[1]!, who, request))).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(responseOf(digestAuthorization(challenges[0]!, who, request))).toBe(
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
    expect(authorizationFor(header, who, request)).toMatch(/algorithm=SHA-256/);
  });

  it('offers Basic only when no Digest challenge can be answered; nothing for an unknown scheme', () => {
    const who = { username: 'aladdin', password: 'opensesame' };
    const request = { method: 'GET', uri: '/' };
    expect(authorizationFor('Basic realm="x"', who, request)).toBe('Basic YWxhZGRpbjpvcGVuc2VzYW1l');
    expect(authorizationFor('Digest realm="x", nonce="n", algorithm=UNKNOWN-HASH, Basic realm="x"', who, request)).toMatch(/^Basic /);
    expect(authorizationFor('Digest realm="x", nonce="n", qop="auth-int"', who, request)).toBeUndefined();
    expect(authorizationFor('Negotiate abc==', who, request)).toBeUndefined();
  });

  it('reads quoted commas and escapes inside a parameter', () => {
    const [c] = parseChallenges('Digest realm="a, \\"b\\"", nonce="n"');
    expect(c?.params).toEqual({ realm: 'a, "b"', nonce: 'n' });
  });
});

describe('fetchWithHttpAuth', () => {
  let server: Server;
  let origin = '';
  const seen: Array<string | undefined> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      if (req.url === '/elsewhere') {
        res.writeHead(302, { location: `${origin.replace('127.0.0.1', 'localhost')}/private` }).end();
        return;
      }
      if (req.headers.authorization === 'Basic dTpw') res.writeHead(200).end('ok');
      else res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const a = server.address();
    origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it("answers its own origin's challenge once, and no other origin's", async () => {
    seen.length = 0;
    const ok = await fetchWithHttpAuth(`${origin}/private`, {}, { username: 'u', password: 'p', origin });
    expect(ok.status).toBe(200);
    expect(seen).toEqual([undefined, 'Basic dTpw']);
    seen.length = 0;
    // Redirected to another origin (localhost is not 127.0.0.1): its challenge is the answer.
    const other = await fetchWithHttpAuth(`${origin}/elsewhere`, {}, { username: 'u', password: 'p', origin });
    expect(other.status).toBe(401);
    expect(seen).toEqual([undefined, undefined]);
    expect((await fetchWithHttpAuth(`${origin}/private`, {}, undefined)).status).toBe(401);
  });
});
