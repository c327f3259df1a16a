/** Pre-flight against the demo library system (SIP2 and Koha REST), and the config rule for plaintext SIP2. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceSchema, type Service } from '../../../src/core/config.ts';
import { preflight, sip2Standing, type SpendFailedLogin } from '../../../src/auth/preflight.ts';
import type { PatronRole } from '../../../src/core/ids.ts';
import { startLibrarySystem, type LibrarySystem } from '../../../fixtures/library-system/index.ts';

let lib: LibrarySystem;
beforeAll(async () => {
  lib = await startLibrarySystem({ host: '127.0.0.1', restPort: 0, sip2Port: 0, sip2Encoding: 'cp850' });
});
afterAll(async () => {
  await lib.stop();
});

function service(library: unknown): Service {
  return ServiceSchema.parse({
    id: 'x', name: 'X', vendor: 'X', kind: 'ebook', baseUrl: 'http://127.0.0.1:1/', languages: ['fi'],
    login: { strategy: 'card-pin-form', start: [{ goto: '/' }], card: { label: 'a' }, pin: { label: 'b' }, submit: { text: 'c' }, success: { text: 'd' } },
    patrons: { valid: { card: { env: 'A' }, pin: { env: 'B' } } },
    journey: [{ id: 'landing', actions: [{ goto: '/' }] }],
    library,
  });
}

function patrons(swap: Partial<Record<PatronRole, PatronRole>> = {}) {
  const t = lib.patrons.table;
  const secrets: Record<PatronRole, { card: string; pin: string }> = {
    valid: { card: t.byRole('valid').cardnumber, pin: t.byRole('valid').pin },
    wrongPin: lib.patrons.wrongPin,
    unknownCard: lib.patrons.unknownCard,
    blocked: { card: t.byRole('blocked').cardnumber, pin: t.byRole('blocked').pin },
    expired: { card: t.byRole('expired').cardnumber, pin: t.byRole('expired').pin },
  };
  return (role: PatronRole) => secrets[swap[role] ?? role];
}

const env = () => ({
  HOST: lib.sip2.host, PORT: String(lib.sip2.port), INST: lib.sip2.institutionId, U: lib.sip2Account.userId, P: lib.sip2Account.password,
  URL: lib.restUrl, RU: lib.restAccount.username, RP: lib.restAccount.password,
});
const sip2 = { sip2: { host: { env: 'HOST' }, port: { env: 'PORT' }, institution: { env: 'INST' }, user: { env: 'U' }, password: { env: 'P' } } };
const koha = { kohaRest: { url: { env: 'URL' }, user: { env: 'RU' }, password: { env: 'RP' } } };

/** A failed-login budget that always allows (the budget itself is tested below and in failed-logins.test.ts). */
const spendNone: SpendFailedLogin = async () => undefined;
const USED = { used: 3, attempts: 3, perMinutes: 60, nextAt: '2026-12-03T17:00:00.000Z' };

describe('pre-flight', () => {
  it.each([['SIP2', sip2], ['Koha REST', koha]])('%s: every role is what it says', async (_name, library) => {
    const r = await preflight(service(library), patrons(), env(), spendNone);
    expect(r?.status, r?.reason).toBe('ok');
    expect(r?.patrons.map((p) => p.role)).toEqual(['valid', 'wrongPin', 'unknownCard', 'blocked', 'expired']);
    expect(r?.patrons.every((p) => p.matches)).toBe(true);
  });

  it.each([['SIP2', sip2], ['Koha REST', koha]])(
    "%s: the valid patron's card with another PIN is known wrong without sending it (no failed login)",
    async (_name, library) => {
      const card = lib.patrons.wrongPin.card;
      const before = lib.patrons.table.loginsOf(card).failed;
      const spent: string[] = [];
      const r = await preflight(service(library), patrons(), env(), async (role) => {
        spent.push(role);
        return undefined;
      });
      expect(r?.patrons.find((p) => p.role === 'wrongPin')).toMatchObject({ standing: 'wrong-pin', matches: true, inferred: true });
      expect(spent).toEqual([]);
      expect(lib.patrons.table.loginsOf(card).failed).toBe(before);
    },
  );

  it.each([['SIP2', sip2], ['Koha REST', koha]])(
    '%s: a wrong PIN on another card is sent only when the budget allows it, and not asked when it is used',
    async (_name, library) => {
      // The blocked patron's card with a PIN that is not theirs: nothing says it is wrong but the library system.
      const blocked = lib.patrons.table.byRole('blocked');
      // The PINs are random: change the first digit to another one, so the PIN is never the patron's own.
      const other = `${(Number(blocked.pin[0]) + 1) % 10}${blocked.pin.slice(1)}`;
      const own = { valid: patrons()('valid'), wrongPin: { card: blocked.cardnumber, pin: other } };
      const role = (r: PatronRole) => own[r as keyof typeof own];
      const before = lib.patrons.table.loginsOf(blocked.cardnumber).failed;
      const spent: PatronRole[] = [];
      const allowed = await preflight(service(library), role, env(), async (r) => {
        spent.push(r);
        return undefined;
      });
      expect(spent).toEqual(['wrongPin']);
      expect(allowed?.patrons.find((p) => p.role === 'wrongPin')?.matches).toBe(true);
      expect(lib.patrons.table.loginsOf(blocked.cardnumber).failed).toBe(before + 1);

      const refused = await preflight(service(library), role, env(), async () => USED);
      expect(refused?.status, 'a patron not asked is no mismatch').toBe('ok');
      expect(refused?.patrons.find((p) => p.role === 'wrongPin')).toEqual({
        role: 'wrongPin',
        standing: 'not-asked',
        matches: false,
        withheld: USED,
      });
      expect(lib.patrons.table.loginsOf(blocked.cardnumber).failed, 'nothing sent').toBe(before + 1);
    },
  );

  it('a mislabelled patron (the "expired" card is the valid one) is a mismatch naming the role', async () => {
    const r = await preflight(service(sip2), patrons({ expired: 'valid' }), env(), spendNone);
    expect(r?.status).toBe('mismatch');
    expect(r?.reason).toMatch(/expired is valid/);
  });

  it('library offline: unreachable with the reason, no secrets in it', async () => {
    lib.setOnline(false);
    try {
      for (const library of [sip2, koha]) {
        const r = await preflight(service(library), patrons(), env(), spendNone);
        expect(r?.status).toBe('unreachable');
        for (const s of [lib.sip2Account.password, lib.restAccount.password, patrons()('valid').pin]) expect(r?.reason ?? '').not.toContain(s);
      }
    } finally {
      lib.setOnline(true);
    }
  });

  it('a missing environment variable is named', async () => {
    const r = await preflight(service(sip2), patrons(), {}, spendNone);
    expect(r?.status).toBe('unreachable');
    expect(r?.reason).toMatch(/environment variable HOST is not set/);
  });

  it('plaintext SIP2 to a non-loopback host is a config error unless tls or allowPlaintext', () => {
    const bad = { sip2: { host: 'sip.kirjasto.example', port: 6001 } };
    expect(() => service(bad)).toThrow(/plaintext SIP2/);
    expect(() => service({ sip2: { ...bad.sip2, tls: true } })).not.toThrow();
    expect(() => service({ sip2: { ...bad.sip2, allowPlaintext: true } })).not.toThrow();
  });

  it('sip2Standing reads Koha-style expiry and blocks', () => {
    const base = { validPatron: true, validPassword: true, name: 'x', statusFlags: {} as never, blocked: false, expiry: undefined, screenMessages: [], feeAmount: undefined, feeLimit: undefined };
    expect(sip2Standing(base)).toBe('valid');
    expect(sip2Standing({ ...base, validPatron: false })).toBe('unknown-card');
    expect(sip2Standing({ ...base, validPassword: false })).toBe('wrong-pin');
    expect(sip2Standing({ ...base, validPassword: undefined })).toBe('wrong-pin');
    expect(sip2Standing({ ...base, blocked: true })).toBe('blocked');
    expect(sip2Standing({ ...base, blocked: true, screenMessages: ['PATRON EXPIRED'] })).toBe('expired');
    expect(sip2Standing({ ...base, expiry: '20000101' })).toBe('expired');
  });
});
