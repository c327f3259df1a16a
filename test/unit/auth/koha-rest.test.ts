import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KohaRestClient, KohaRestError } from '../../../src/auth/koha-rest.ts';
import { type GeneratedPatrons, generatePatrons } from '../../../fixtures/library-system/patrons.ts';
import { type LibraryRestServer, createRestServer } from '../../../fixtures/library-system/rest-server.ts';

const API = { username: 'api-user', password: 'api-pass-1' };

describe('KohaRestClient against the fixture REST server', () => {
  let server: LibraryRestServer;
  let patrons: GeneratedPatrons;
  let baseUrl: string;
  let client: KohaRestClient;

  beforeAll(async () => {
    patrons = generatePatrons();
    server = createRestServer({ patrons: patrons.table, apiUser: API });
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    client = new KohaRestClient({ baseUrl, ...API, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await server.app.close();
  });

  it('validates the right PIN (201) and returns the patron id', async () => {
    const p = patrons.table.byRole('valid');
    const r = await client.validatePassword(p.cardnumber, p.pin);
    expect(r).toEqual({ valid: true, cardnumber: p.cardnumber, patronId: p.patronId, userid: p.userid });
  });

  it('a wrong PIN and an unknown card are both "Validation failed" (400), not errors', async () => {
    expect(await client.validatePassword(patrons.wrongPin.card, patrons.wrongPin.pin)).toEqual({ valid: false, error: 'Validation failed' });
    expect(await client.validatePassword(patrons.unknownCard.card, patrons.unknownCard.pin)).toEqual({ valid: false, error: 'Validation failed' });
  });

  it('reads expired and restricted from the patron record', async () => {
    const expired = patrons.table.byRole('expired');
    const v = await client.validatePassword(expired.cardnumber, expired.pin);
    expect(v.valid).toBe(true);
    const record = await client.getPatron(expired.patronId);
    expect(record.expired).toBe(true);
    expect(record.restricted).toBe(false);
    expect(record.expiry_date! < new Date().toISOString().slice(0, 10)).toBe(true);
    const blocked = await client.getPatron(patrons.table.byRole('blocked').patronId);
    expect(blocked.restricted).toBe(true);
    expect(blocked.expired).toBe(false);
    const nordic = await client.getPatron(patrons.table.byRole('nordic').patronId);
    expect(`${nordic.firstname} ${nordic.surname}`).toBe('Åsa Öhman Äijälä');
  });

  it('maps HTTP failures to typed errors', async () => {
    const wrongCaller = new KohaRestClient({ baseUrl, username: API.username, password: 'nope' });
    const e1 = await wrongCaller.validatePassword('1', '2').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(KohaRestError);
    expect((e1 as KohaRestError).code).toBe('unauthorized');
    expect((e1 as KohaRestError).status).toBe(401);
    const e2 = await client.getPatron(999999).catch((e: unknown) => e);
    expect((e2 as KohaRestError).code).toBe('not-found');
    server.setOnline(false);
    try {
      const e3 = await client.validatePassword('1', '2').catch((e: unknown) => e);
      expect((e3 as KohaRestError).code).toBe('unavailable');
      expect((e3 as KohaRestError).status).toBe(503);
    } finally {
      server.setOnline(true);
    }
  });

  it('reports network failures and timeouts', async () => {
    const dead = new KohaRestClient({ baseUrl: 'http://127.0.0.1:1', ...API, timeoutMs: 1000 });
    expect(((await dead.validatePassword('1', '2').catch((e: unknown) => e)) as KohaRestError).code).toBe('network');
    const slow = new KohaRestClient({
      baseUrl,
      ...API,
      timeoutMs: 50,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    });
    expect(((await slow.validatePassword('1', '2').catch((e: unknown) => e)) as KohaRestError).code).toBe('timeout');
  });

  it('rejects a malformed success body', async () => {
    const odd = new KohaRestClient({ baseUrl, ...API, fetch: async () => new Response('{"patron_id":"x"}', { status: 201 }) });
    expect(((await odd.validatePassword('1', '2').catch((e: unknown) => e)) as KohaRestError).code).toBe('invalid-response');
  });

  it('sends basic auth and the PIN only in the JSON body', async () => {
    let seen: { url: string; auth: string | null; body: string } | undefined;
    const spy = new KohaRestClient({
      baseUrl: `${baseUrl}/koha/`,
      ...API,
      fetch: async (input, init) => {
        seen = { url: String(input), auth: new Headers(init?.headers).get('authorization'), body: String(init?.body) };
        return new Response('{"error":"Validation failed"}', { status: 400 });
      },
    });
    await spy.validatePassword('12345', '6789');
    expect(seen?.url).toBe(`${baseUrl}/koha/api/v1/auth/password/validation`);
    expect(seen?.url).not.toContain('6789');
    expect(seen?.auth).toBe(`Basic ${Buffer.from('api-user:api-pass-1').toString('base64')}`);
    expect(JSON.parse(seen?.body ?? '{}')).toEqual({ identifier: '12345', password: '6789' });
  });

  it('refuses plain http to a non-loopback host', () => {
    expect(() => new KohaRestClient({ baseUrl: 'http://koha.example.fi', ...API })).toThrow(KohaRestError);
    expect(() => new KohaRestClient({ baseUrl: 'http://koha.example.fi', ...API, allowInsecureHttp: true })).not.toThrow();
    expect(() => new KohaRestClient({ baseUrl: 'https://koha.example.fi', ...API })).not.toThrow();
    expect(() => new KohaRestClient({ baseUrl: 'not a url', ...API })).toThrow(KohaRestError);
  });
});
